import Mustache

extension ContextBuilder {
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
    func metric(_ metric: Document<MetricMatter>, year: Int?, _ page: Page) -> any MustacheParent {
        let matter = metric.matter
        guard let comparison = year.map({ metricComparisons[metric.id, year: $0] }) ?? metricComparisons[metric.id] else { return NoKindContext() }
        let context = MetricContext()
        context.yearPages = yearLinks(metric, year: year, page)
        context.definition = TemplateText(matter.definition)
        context.unit = TemplateText(matter.unit.rawValue)
        context.meaning = TemplateText(meaningSentence(matter))
        if comparison.rankingAllowed, let higher = matter.higherIsBetter {
            context.direction = TemplateText(higher ? "Ett högre värde är bättre." : "Ett lägre värde är bättre.")
        }
        context.setDescription = comparison.chartedKey.map { TemplateText(setDescription($0, metric: matter)) }
        context.scopeCaveat = comparison.scopeCaveat.map { TemplateText($0) }
        if comparison.years.count > 1 {
            let years = comparison.years.map(String.init)
            context.yearsCaveat = TemplateText("Värdena gäller olika år (\(years.dropLast().joined(separator: ", ")) och \(years.last!)); priser, regler och behov har ändrats mellan åren.")
        }
        context.absent = TemplateItems.wrap(comparison.absent.map { MetricContext.Absent(text: reportLabel($0.report), reason: $0.reason) })
        context.rows = TemplateItems.wrap(comparison.charted.map { value in
            let row = valueRow(value, page)
            row.difference = matter.differences?[value.figure.report.index.matter.municipality.value].map { TemplateText($0) }
            return row
        })
        context.apart = TemplateItems.wrap(comparison.apart.map { value in
            let row = valueRow(value, page)
            row.reason = TemplateText(value.reason ?? "")
            return row
        })
        context.enough = comparison.hasChart
        if comparison.hasChart { context.chart = chart(comparison, page) }
        context.outOfScope = TemplateItems.wrap(comparison.outOfScope.map { MetricContext.TextRow(reportLabel($0)) })
        context.areaLabel = TemplateText(matter.area.value.label)
        context.partsOnly = TemplateItems.wrap(comparison.partsOnly.map { MetricContext.TextRow(reportLabel($0)) })
        context.missingReports = TemplateItems.wrap(comparison.missing.map { MetricContext.TextRow(reportLabel($0)) })
        context.allFigures = TemplateItems.wrap(comparison.all.map { value in
            let row = figureLine(value.figure, page)
            row.report = TemplateText(reportLabel(value.figure.report))
            row.sectionHref = TemplateText(linker.href(from: page, to: sectionPath(value.figure.report, value.figure.section),
                                                       anchor: value.figure.figure.id.map { "figur-\($0.value)" }))
            row.comparability = TemplateText(value.reason.map { "Inte jämförbar: \($0)" }
                                                 ?? (comparison.hasChart ? "I diagrammet" : "Jämförbar, men inget diagram"))
            return row
        })
        context.themes = TemplateItems.wrap((matter.themes ?? []).compactMap { id in
            index.themes[id.value].map { LinkRow(title: $0.matter.title, href: linker.href(from: page, to: "teman/\($0.id)/")) }
        })
        context.dataCSV = TemplateText(linker.href(from: page, toFile: "data/nyckeltal.csv"))
        context.dataJSON = TemplateText(linker.href(from: page, toFile: "data/nyckeltal.json"))
        return context
    }

    /// The links between a metric's page and its year pages: every year with a value, the
    /// current one marked, and from a year page the way back to the latest reports.
    func yearLinks(_ metric: Document<MetricMatter>, year: Int?, _ page: Page) -> MetricContext.YearPages? {
        let years = metricComparisons.years(of: metric.id)
        guard !years.isEmpty else { return nil }
        let links = MetricContext.YearPages(items: years.map { other in
            MetricContext.YearLink(year: other, href: linker.href(from: page, to: "jamfor/\(metric.id)/\(other)/"), current: other == year)
        })
        if let year {
            links.pageYear = TemplateText("\(year)")
            links.latestHref = TemplateText(linker.href(from: page, to: "jamfor/\(metric.id)/"))
            links.metricTitle = TemplateText(metric.matter.title)
        }
        return links
    }

    /// The chart of the comparable set, with links to its data and its image, sizes named.
    func chart(_ comparison: MetricComparison, _ page: Page) -> ChartContext {
        let chart = BarChart(comparison).context
        if let files = chartFiles[page.path] {
            chart.csvHref = TemplateText(linker.href(from: page, toFile: files.csv.path))
            chart.csvSize = TemplateText(NumberFormat.fileSize(files.csv.bytes.count))
            chart.svgHref = TemplateText(linker.href(from: page, toFile: files.svg.path))
            chart.svgSize = TemplateText(NumberFormat.fileSize(files.svg.bytes.count))
            chart.csvName = TemplateText(files.downloadName + ".csv")
            chart.svgName = TemplateText(files.downloadName + ".svg")
        }
        return chart
    }

    /// One value of a comparison table: its label (report, period, basis), as reported and normalised.
    func valueRow(_ value: PlacedValue, _ page: Page) -> MetricContext.ValueRow {
        let figure = value.figure
        let report = figure.report
        return MetricContext.ValueRow(
            label: value.label,
            municipality: reportLabel(report),
            reportHref: linker.href(from: page, to: "\(report.id)/"),
            sectionHref: linker.href(from: page, to: sectionPath(report, figure.section),
                                     anchor: figure.figure.id.map { "figur-\($0.value)" }),
            period: figure.figure.timeText,
            basis: value.basis,
            reported: NumberFormat.format(figure.figure.value.value, unit: figure.figure.unit.value),
            normalised: NumberFormat.format(figure.value, unit: figure.unit),
            forecast: value.isFullYearForecast)
    }

    /// A figure as the list of all a metric's figures shows it, with its source.
    func figureLine(_ figure: NormalisedFigure, _ page: Page) -> MetricContext.FigureLine {
        let f = figure.figure
        let row = MetricContext.FigureLine()
        row.metric = TemplateText(metrics[f.metric.value]?.matter.title ?? f.metric.value)
        row.metricHref = TemplateText(linker.href(from: page, to: "jamfor/\(f.metric.value)/"))
        row.basis = TemplateText(basisLabel(f.basis))
        row.value = TemplateText(NumberFormat.format(f.value.value, unit: f.unit.value))
        row.normalised = TemplateText(NumberFormat.format(figure.value, unit: figure.unit))
        row.period = TemplateText(f.timeText)
        row.citation = Citation(f.source, report: figure.report, section: figure.section).templateValues
        row.id = TemplateText.orFalse(Self.figureAnchor(f))
        row.breakdown = f.breakdown.map { TemplateText($0) }
        row.note = f.note.map { TemplateText($0) }
        row.contradiction = f.contradiction.map { TemplateText($0) }
        return row
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

    func metricIndex(_ page: Page) -> MetricIndexContext {
        MetricIndexContext(metrics: metricsByTitle.map { metric in
            MetricIndexContext.Metric(title: metric.matter.title, href: linker.href(from: page, to: "jamfor/\(metric.id)/"),
                                      definition: metric.matter.definition, count: metricComparisons[metric.id].map(countText) ?? "")
        }, dataCSV: linker.href(from: page, toFile: "data/nyckeltal.csv"),
           dataJSON: linker.href(from: page, toFile: "data/nyckeltal.json"))
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
}
