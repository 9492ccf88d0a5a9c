extension ContextBuilder {
    func home(_ context: inout Context, _ page: Page) {
        context["reports"] = content.reports.map { report -> Context in
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
                "net_cost": format(headline("nettokostnad", in: report)),
                "deviation": format(headline("budgetavvikelse", in: report)),
                "sick_leave": format(headline("sjukfranvaro", in: report)),
                "goal_counts": counts,
                "goal_total": "\(goals.count)",
            ]
        }
        context["metrics"] = content.metrics.map { ["title": $0.matter.title, "href": linker.href(from: page, to: "jamfor/\($0.id)/")] }
        context["themes"] = content.themes.map { ["title": $0.matter.title, "href": linker.href(from: page, to: "teman/\($0.id)/")] }
        context["goals_href"] = linker.href(from: page, to: "mal/")
    }

    /// The comparable figure of each report for a metric: outcome, whole committee, no breakdown.
    func comparable(_ metric: String) -> [NormalisedFigure] {
        content.reports.compactMap { headline(metric, in: $0) }
    }

    func metric(_ metric: Document<MetricMatter>, _ context: inout Context, _ page: Page) {
        let matter = metric.matter
        context["definition"] = matter.definition
        context["unit"] = matter.unit.rawValue
        switch matter.higherIsBetter {
        case true?: context["direction"] = "Ett högre värde är bättre."
        case false?: context["direction"] = "Ett lägre värde är bättre."
        case nil: context["direction"] = "Värdet är varken bättre eller sämre i sig."
        }
        let values = comparable(metric.id)
        let periods = Set(values.map { "\($0.figure.period.value.start)–\($0.figure.period.value.end)" })
        var notes: [String] = []
        if periods.count > 1 || values.contains(where: { !$0.figure.period.value.isWholeYear }) {
            notes.append("Rapporterna gäller olika år och perioder; varje värde visas med sin period.")
        }
        if values.contains(where: { !$0.figure.period.value.isWholeYear }) {
            notes.append("Ett delårsvärde täcker bara en del av året och är inte jämförbart med helår.")
        }
        context["comparability"] = wrap(notes.map { ["text": $0] })
        context["rows"] = wrap(values.map { value -> Context in
            let report = value.report
            var row: Context = [
                "municipality": reportLabel(report),
                "report_href": linker.href(from: page, to: "\(report.id)/"),
                "section_href": linker.href(from: page, to: sectionPath(report, value.section),
                                            anchor: value.figure.id.map { "figur-\($0.value)" }),
                "section": value.section.document.matter.title,
                "period": value.figure.period.value.label ?? NumberFormat.period(value.figure.period.value),
                "months": "\(value.figure.period.value.months) mån",
                "reported": NumberFormat.format(value.figure.value.value, unit: value.figure.unit.value),
                "normalised": NumberFormat.format(value.value, unit: value.unit),
            ]
            if let difference = matter.differences?[report.index.matter.municipality.value] { row["difference"] = difference }
            row["partial_year"] = !value.figure.period.value.isWholeYear
            return row
        })
        let stated = Set(values.map(\.report.id))
        context["missing_reports"] = wrap(content.reports.filter { !stated.contains($0.id) }
            .map { ["text": reportLabel($0)] })
        context["enough"] = values.count >= 2
        if !values.isEmpty { context["chart"] = BarChart(metric: matter, values: values, label: reportLabel).context }
        context["all_figures"] = wrap((figuresByMetric[metric.id] ?? []).map { figure -> Context in
            var row = figureRow(figure, page)
            row["report"] = reportLabel(figure.report)
            row["section_href"] = linker.href(from: page, to: sectionPath(figure.report, figure.section),
                                              anchor: figure.figure.id.map { "figur-\($0.value)" })
            return row
        })
        context["themes"] = wrap((matter.themes ?? []).compactMap { id -> Context? in
            content.themes.first { $0.id == id.value }.map { ["title": $0.matter.title, "href": linker.href(from: page, to: "teman/\($0.id)/")] }
        })
        context["data_csv"] = linker.href(from: page, toFile: "data/nyckeltal.csv")
        context["data_json"] = linker.href(from: page, toFile: "data/nyckeltal.json")
    }

    func metricIndex(_ context: inout Context, _ page: Page) {
        context["metrics"] = content.metrics.map { metric -> Context in
            let count = comparable(metric.id).count
            return ["title": metric.matter.title, "href": linker.href(from: page, to: "jamfor/\(metric.id)/"),
                    "definition": metric.matter.definition, "count": "\(count) av \(content.reports.count) rapporter"]
        }
        context["data_csv"] = linker.href(from: page, toFile: "data/nyckeltal.csv")
        context["data_json"] = linker.href(from: page, toFile: "data/nyckeltal.json")
    }

    /// Each theme's goals in every report, or, narrowed, one theme's or one municipality's.
    /// On a large site the whole list shows how many goals got each verdict instead, and the
    /// narrowed pages list them: listed here too, they would make one page of every goal of
    /// every report (8 MB at 1 000 reports).
    func goals(_ context: inout Context, _ page: Page, theme only: String? = nil, municipality: String? = nil) {
        let narrowed = only != nil || municipality != nil
        let listed = narrowed || content.reports.count <= Self.listsEveryReportUpTo
        var groups: [Context] = []
        for theme in content.themes where only == nil || theme.id == only {
            var group: Context = ["theme": theme.matter.title, "theme_href": linker.href(from: page, to: "teman/\(theme.id)/"),
                                  "id": "tema-\(theme.id)"]
            if listed {
                guard let rows = wrap(goalRows(theme: theme.id, municipality: municipality, page: page)) else { continue }
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
        var total = 0, reports = 0
        for report in content.reports {
            let goals = report.sections.flatMap { $0.document.matter.goals ?? [] }.filter { $0.theme.value == theme }
            if !goals.isEmpty { reports += 1 }
            for goal in goals {
                total += 1
                counts[level(of: goal, in: report)?.id.value ?? "ej-bedomt", default: 0] += 1
            }
        }
        guard total > 0 else { return nil }
        let levels = (content.scale?.matter.levels ?? []).map { level -> Context in
            ["label": level.label, "count": "\(counts[level.id.value] ?? 0)", "class": level.id.value]
        }
        return ["total": "\(total) mål i \(reports) rapporter", "levels": levels]
    }

    /// Every report's goals of one theme (of one municipality's reports, if given), each
    /// linking to where its report states it.
    func goalRows(theme: String, municipality: String? = nil, page: Page) -> [Context] {
        content.reports.filter { municipality == nil || $0.index.matter.municipality.value == municipality }.flatMap { report in
            report.sections.flatMap { section in
                (section.document.matter.goals ?? []).filter { $0.theme.value == theme }.map { goal -> Context in
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
    }
}
