extension ContextBuilder {
    /// The start page: a card for every report on a site of a few, else for the latest report
    /// of each municipality, so that the page grows with the municipalities, not the reports.
    func home(_ context: inout Context, _ page: Page) {
        let shown = content.reports.count <= Self.listsEveryReportUpTo ? content.reports : content.latestReports()
        context["reports"] = shown.map { report -> Context in
            let goals = content.reports.isEmpty ? [] : report.sections.flatMap { $0.document.matter.goals ?? [] }
            let levels = content.scale?.matter.levels ?? []
            let counts = levels.map { level -> Context in
                let count = goals.filter { self.level(of: $0, in: report)?.id.value == level.id.value }.count
                return ["label": level.label, "count": "\(count)", "class": level.id.value]
            }
            return [
                "municipality": municipalityName(report),
                "title": report.index.matter.title,
                "href": linker.href(from: page, to: "\(report.id)/"),
                "kind": reportKindLabel(report),
                "period": "\(report.index.matter.period.value.start) – \(report.index.matter.period.value.end)",
                "months": "\(report.index.matter.period.value.months) månader",
                "figures": [("Nettokostnad", "nettokostnad"), ("Budgetavvikelse", "budgetavvikelse"), ("Sjukfrånvaro", "sjukfranvaro")]
                    .map { label, metric -> Context in
                        let (value, what) = labelledParts(headline(metric, in: report))
                        return ["label": label, "value": value, "what": what.map { $0 as Any } ?? false]
                    },
                "goal_counts": counts,
                "goal_total": "\(goals.count)",
                "goal_note": goalNote(goals, report: report),
            ]
        }
        context["metrics"] = metricsByTitle.map { ["title": $0.matter.title, "href": linker.href(from: page, to: "jamfor/\($0.id)/")] }
        context["themes"] = content.themes.map { ["title": $0.matter.title, "href": linker.href(from: page, to: "teman/\($0.id)/")] }
        context["goals_href"] = linker.href(from: page, to: "mal/")
        let home = content.home?.matter
        let count = NumberFormat.swedishWord(shown.count)
        if shown.count < content.reports.count {
            context["reports_heading"] = "Den senaste rapporten från varje kommun"
        } else {
            context["reports_heading"] = home?.reportsHeading.map { $0.replacingAll("{antal}", with: count) }
                ?? (shown.count == 1 ? "Rapporten i korthet" : "De \(count) rapporterna sida vid sida")
        }
        // The notice is about comparing the reports: there is nothing to compare with one.
        if content.reports.count > 1, let notice = home?.notice { context["notice"] = notice } else { context["notice"] = false }
    }

    /// What a card's goal count counts: "21 mål som rapporten redovisar (3 kommunfullmäktiges
    /// mål, 18 nämndmål), 12 med målvärden; 2 utan bedömning. Nivåerna är webbplatsens översättning
    /// av rapportens egna ord."
    func goalNote(_ goals: [Goal], report: Report) -> String {
        let kf = goals.filter { $0.level == .kf }.count
        let withTargets = goals.filter { ($0.indicators ?? []).contains { $0.target != nil } }.count
        let unjudged = goals.filter { $0.verdict == nil }.count
        var text = "\(goals.count) mål som rapporten redovisar (\(kf) kommunfullmäktiges mål, \(goals.count - kf) nämndmål), "
            + "\(withTargets) med målvärden"
        if unjudged > 0 { text += "; \(unjudged) utan bedömning i rapporten" }
        let terms = Set(goals.compactMap { $0.verdict?.term.value }).sorted()
        if !terms.isEmpty {
            text += ". Rapportens egna ord (\(terms.map { "”\($0)”" }.joined(separator: ", "))) är översatta till den gemensamma skalan av webbplatsen"
        }
        return text + "."
    }

    /// The value a report card or a report's key figures show for a metric, with its period
    /// and basis: "243,0 mnkr, jan–aug, utfall".
    func labelled(_ figure: NormalisedFigure?) -> String {
        let (value, what) = labelledParts(figure)
        return what.map { "\(value), \($0)" } ?? value
    }

    /// The value, and what it is: "jan–aug, utfall" (with the base of a share).
    func labelledParts(_ figure: NormalisedFigure?) -> (value: String, what: String?) {
        guard let figure else { return (NumberFormat.missing, nil) }
        let value = NumberFormat.format(figure.value, unit: figure.unit)
        guard let placed = metricComparisons.placement(of: figure) else { return (value, nil) }
        let base = placed.key.base.map { ", " + ($0 == .ejAngiven ? "bas anges inte" : $0.phrase) } ?? ""
        return (value, "\(placed.period), \(placed.basis)\(base)")
    }

    /// A metric's comparison page: the latest report of each municipality, or, with `year`,
    /// the reports of that year. Both link to every year's page.
    func metric(_ metric: Document<MetricMatter>, year: Int?, _ context: inout Context, _ page: Page) {
        let matter = metric.matter
        guard let comparison = year.map({ metricComparisons[metric.id, year: $0] }) ?? metricComparisons[metric.id] else { return }
        yearLinks(metric, year: year, &context, page)
        context["definition"] = matter.definition
        context["unit"] = matter.unit.rawValue
        context["meaning"] = meaningSentence(matter)
        if comparison.rankingAllowed, let higher = matter.higherIsBetter {
            context["direction"] = higher ? "Ett högre värde är bättre." : "Ett lägre värde är bättre."
        }
        if let key = comparison.chartedKey {
            context["set_description"] = setDescription(key, metric: matter)
        }
        if let caveat = comparison.scopeCaveat { context["scope_caveat"] = caveat }
        if comparison.years.count > 1 {
            let years = comparison.years.map(String.init)
            context["years_caveat"] = "Värdena gäller olika år (\(years.dropLast().joined(separator: ", ")) och \(years.last!)); priser, regler och behov har ändrats mellan åren."
        }
        context["absent"] = wrap(comparison.absent.map { ["text": reportLabel($0.report), "reason": $0.reason] })
        context["rows"] = wrap(comparison.charted.map { value -> Context in
            var row = valueRow(value, page)
            if let difference = matter.differences?[value.figure.report.index.matter.municipality.value] { row["difference"] = difference }
            return row
        })
        context["apart"] = wrap(comparison.apart.map { value -> Context in
            var row = valueRow(value, page)
            row["reason"] = value.reason ?? ""
            return row
        })
        context["enough"] = comparison.hasChart
        if comparison.hasChart { context["chart"] = chart(comparison, page) }
        context["out_of_scope"] = wrap(comparison.outOfScope.map { ["text": reportLabel($0)] })
        context["area_label"] = matter.area.value.label
        context["parts_only"] = wrap(comparison.partsOnly.map { ["text": reportLabel($0)] })
        context["missing_reports"] = wrap(comparison.missing.map { ["text": reportLabel($0)] })
        context["all_figures"] = wrap(comparison.all.map { value -> Context in
            var row = figureRow(value.figure, page)
            row["report"] = reportLabel(value.figure.report)
            row["section_href"] = linker.href(from: page, to: sectionPath(value.figure.report, value.figure.section),
                                              anchor: value.figure.figure.id.map { "figur-\($0.value)" })
            row["comparability"] = value.reason.map { "Inte jämförbar: \($0)" } ?? (comparison.hasChart ? "I diagrammet" : "Jämförbar, men inget diagram")
            return row
        })
        context["themes"] = wrap((matter.themes ?? []).compactMap { id -> Context? in
            index.themes[id.value].map { ["title": $0.matter.title, "href": linker.href(from: page, to: "teman/\($0.id)/")] }
        })
        context["data_csv"] = linker.href(from: page, toFile: "data/nyckeltal.csv")
        context["data_json"] = linker.href(from: page, toFile: "data/nyckeltal.json")
    }

    /// The links between a metric's page and its year pages: every year with a value, the
    /// current one marked, and from a year page the way back to the latest reports.
    func yearLinks(_ metric: Document<MetricMatter>, year: Int?, _ context: inout Context, _ page: Page) {
        let years = metricComparisons.years(of: metric.id)
        guard !years.isEmpty else { return }
        var links: Context = ["items": years.map { other -> Context in
            var link: Context = ["year": "\(other)", "href": linker.href(from: page, to: "jamfor/\(metric.id)/\(other)/")]
            if other == year { link["current"] = true }
            return link
        }]
        if let year {
            links["page_year"] = "\(year)"
            links["latest_href"] = linker.href(from: page, to: "jamfor/\(metric.id)/")
            links["metric_title"] = metric.matter.title
        }
        context["year_pages"] = links
    }

    /// The chart of the comparable set, with links to its data and its image, sizes named.
    func chart(_ comparison: MetricComparison, _ page: Page) -> Context {
        var chart = BarChart(metric: comparison.metric.matter, values: comparison.charted).context
        if let files = chartFiles[page.path] {
            chart["csv_href"] = linker.href(from: page, toFile: files.csv.path)
            chart["csv_size"] = NumberFormat.fileSize(files.csv.bytes.count)
            chart["svg_href"] = linker.href(from: page, toFile: files.svg.path)
            chart["svg_size"] = NumberFormat.fileSize(files.svg.bytes.count)
        }
        return chart
    }

    /// One value of a comparison table: its label (report, period, basis), as reported and normalised.
    func valueRow(_ value: PlacedValue, _ page: Page) -> Context {
        let figure = value.figure
        let report = figure.report
        return [
            "label": value.label,
            "municipality": reportLabel(report),
            "report_href": linker.href(from: page, to: "\(report.id)/"),
            "section_href": linker.href(from: page, to: sectionPath(report, figure.section),
                                        anchor: figure.figure.id.map { "figur-\($0.value)" }),
            "period": figure.figure.timeText,
            "basis": value.basis,
            "reported": NumberFormat.format(figure.figure.value.value, unit: figure.figure.unit.value),
            "normalised": NumberFormat.format(figure.value, unit: figure.unit),
            "forecast": value.isFullYearForecast,
        ]
    }

    /// "Nyckeltalet är en andel av ordinarie arbetstid. Positivt tal betyder överskott."
    func meaningSentence(_ metric: MetricMatter) -> String {
        var text: String
        switch metric.kind.value {
        case .flow: text = "Nyckeltalet är en summa över en period."
        case .stock: text = "Nyckeltalet är en ställning vid en tidpunkt."
        case .share: text = "Nyckeltalet är en \(metric.base?.value.phrase ?? "andel")."
        case .average: text = "Nyckeltalet är ett genomsnitt över en period."
        }
        if metric.sign.value == .signed, let positive = metric.positiveMeans {
            text += " Ett positivt tal betyder \(positive)."
        }
        text += " Område: \(metric.area.value.label.lowercasedFirst)."
        return text
    }

    /// What the charted set holds: "helår (tolv månader), utfall, andel av ordinarie arbetstid".
    func setDescription(_ key: ComparableKey, metric: MetricMatter) -> String {
        var parts: [String] = []
        switch key.coverage {
        case .fullYear: parts.append("helår (tolv månader)")
        case .partYear(let from, let to): parts.append("delår \(LocalDate.monthNames[from - 1])–\(LocalDate.monthNames[to - 1])")
        case .forecastFullYear: parts.append("prognos för helåret")
        case .pointInTime(let month): parts.append("ställning i \(LocalDate.monthNames[month - 1])")
        case .words(let words): parts.append("perioden \"\(words)\"")
        }
        parts.append(metric.forecastComparable == true && key.coverage == .fullYear ? "utfall, eller prognos för helåret i en delårsrapport" : "utfall")
        if key.kind != metric.kind.value { parts.append(key.kind.phrase) }
        if let base = key.base { parts.append(base.phrase) }
        return parts.joined(separator: ", ")
    }

    func metricIndex(_ context: inout Context, _ page: Page) {
        context["metrics"] = metricsByTitle.map { metric -> Context in
            let comparison = metricComparisons[metric.id]
            return ["title": metric.matter.title, "href": linker.href(from: page, to: "jamfor/\(metric.id)/"),
                    "definition": metric.matter.definition, "count": comparison.map(countText) ?? ""]
        }
        context["data_csv"] = linker.href(from: page, toFile: "data/nyckeltal.csv")
        context["data_json"] = linker.href(from: page, toFile: "data/nyckeltal.json")
    }

    /// The metrics in the order a reader looks them up: by title.
    var metricsByTitle: [Document<MetricMatter>] {
        content.metrics.sorted { Self.swedishOrder($0.matter.title).lexicographicallyPrecedes(Self.swedishOrder($1.matter.title)) }
    }

    /// A key that sorts titles as a Swedish reader expects: å, ä, ö after z; é as e.
    static func swedishOrder(_ title: String) -> [UInt32] {
        title.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "å": 0x7B
            case "ä", "æ": 0x7C
            case "ö", "ø": 0x7D
            case "é", "è": 0x65
            default: scalar.value
            }
        }
    }

    /// "2 av 4 rapporter i jämförelsen, 1 med värden som inte kan jämföras, …": the same
    /// counts the metric's page shows.
    func countText(_ comparison: MetricComparison) -> String {
        let total = comparison.reportCount
        var parts = ["\(Set(comparison.charted.map(\.figure.report.id)).count) av \(total) rapporter i jämförelsen"]
        let apart = Set(comparison.apart.map(\.figure.report.id)).subtracting(comparison.charted.map(\.figure.report.id)).count
            + comparison.partsOnly.count
        if apart > 0 { parts.append("\(apart) med värden som inte kan jämföras") }
        if !comparison.outOfScope.isEmpty { parts.append("\(comparison.outOfScope.count) där området inte ingår i nämndens ansvar") }
        return parts.joined(separator: ", ")
    }

    /// Each theme's goals in every report, or, narrowed, one theme's or one municipality's.
    /// On a large site the whole list shows how many goals got each verdict instead, and the
    /// narrowed pages list them: listed here too, they would make one page of every goal of
    /// every report (8 MB at 1 000 reports).
    func goals(_ context: inout Context, _ page: Page, theme only: String? = nil, municipality: String? = nil) {
        let narrowed = only != nil || municipality != nil
        let listed = narrowed || content.reports.count <= Self.listsEveryReportUpTo
        // Narrowed to a theme on a large site: each municipality's latest report with goals of
        // it; the municipality's goals page lists them all.
        let latestOnly = only != nil && content.reports.count > Self.listsEveryReportUpTo
        let reports = municipality.map { index.reportsByMunicipality[$0] ?? [] }
            ?? (latestOnly ? content.latestReports(preferring: Set(content.reports.filter { $0.hasGoals(inTheme: only) }.map(\.id)))
                           : content.reports)
        var groups: [Context] = []
        for theme in content.themes where only == nil || theme.id == only {
            var group: Context = ["theme": theme.matter.title, "theme_href": linker.href(from: page, to: "teman/\(theme.id)/"),
                                  "id": "tema-\(theme.id)"]
            if listed {
                guard let rows = wrap(goalRows(theme: theme.id, reports: reports, page: page)) else { continue }
                group["goals"] = rows
            } else {
                guard let summary = goalSummary(theme: theme.id) else { continue }
                group["summary"] = summary
            }
            groups.append(group)
        }
        context["groups"] = groups
        context["scale_href"] = linker.href(from: page, to: "bedomningsskala/")
        if !listed {
            context["summary_note"] = "Med \(content.reports.count) rapporter visas här hur många mål som fått varje bedömning; sidorna per tema och kommun listar målen."
        } else if latestOnly {
            context["summary_note"] = "Med \(content.reports.count) rapporter visas här målen i varje kommuns senaste rapport med mål inom temat; kommunens sida om mål listar alla år."
        }
        if narrowed {
            context["all_href"] = linker.href(from: page, to: "mal/")
        } else {
            narrowing(&context, page, listed: listed)
        }
    }

    /// Links to the goals page narrowed to each theme and each municipality (the baseline
    /// without JavaScript), and, where the page lists every goal, the in-page filter.
    private func narrowing(_ context: inout Context, _ page: Page, listed: Bool) {
        let pages = site.pages
        context["by_theme"] = wrap(pages.compactMap { target -> Context? in
            guard case .goalsOfTheme(let theme) = target.kind else { return nil }
            return ["title": theme.matter.title, "href": linker.href(from: page, to: target.path)]
        })
        context["by_municipality"] = wrap(pages.compactMap { target -> Context? in
            guard case .goalsOfMunicipality(let municipality) = target.kind else { return nil }
            return ["title": municipality.matter.shortName, "href": linker.href(from: page, to: target.path)]
        })
        guard listed else { return }
        context["filter"] = [
            "script": linker.href(from: page, toFile: "assets/mal.js"),
            "municipalities": content.municipalities.map { ["id": $0.id, "name": $0.matter.shortName] },
            "themes": content.themes.map { ["id": $0.id, "name": $0.matter.title] },
            "levels": (content.scale?.matter.levels ?? []).map { ["id": $0.id.value, "name": $0.label] },
        ]
    }

    /// How many of a theme's goals, over every report, got each level of the common scale.
    func goalSummary(theme: String) -> Context? {
        var counts: [String: Int] = [:]
        let goals = index.goalsByTheme[theme] ?? []
        let total = goals.count, reports = Set(goals.map(\.report.id)).count
        for placed in goals {
            counts[level(of: placed.goal, in: placed.report)?.id.value ?? "ej-bedomt", default: 0] += 1
        }
        guard total > 0 else { return nil }
        let levels = (content.scale?.matter.levels ?? []).map { level -> Context in
            ["label": level.label, "count": "\(counts[level.id.value] ?? 0)", "class": level.id.value]
        }
        return ["total": "\(total) mål i \(reports) rapporter", "levels": levels]
    }

    /// The goals of one theme in `reports`, in the order of `reports`, each linking to where
    /// its report states it.
    func goalRows(theme: String, reports: [Report], page: Page) -> [Context] {
        let position = Dictionary(reports.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return (index.goalsByTheme[theme] ?? []).enumerated()
            .compactMap { offset, placed in position[placed.report.id].map { ($0, offset, placed) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map { _, _, placed -> Context in
                let (goal, report, section) = (placed.goal, placed.report, placed.section)
                // Prefixed with the report: two reports may use the same goal id.
                var row = goalContext(goal, report: report, page: page, anchor: "\(report.id)-mal-\(goal.id.value)",
                                      sectionPath: sectionPath(report, section))
                row["report"] = reportLabel(report)
                row["filter"] = ["municipality_id": report.index.matter.municipality.value, "theme_id": theme]
                row["href"] = linker.href(from: page, to: sectionPath(report, section), anchor: "mal-\(goal.id.value)")
                return row
            }
    }
}
