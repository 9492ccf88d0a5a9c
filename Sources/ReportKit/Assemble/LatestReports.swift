/// Which report is a municipality's latest: the comparison pages, the start page and the theme
/// pages show one report per municipality, so that they grow with the number of
/// municipalities and not with the number of reports.
extension Report {
    /// True when `self` is more recent than `other`: a later year, then a later end of its
    /// period (an annual report after the same year's interim report), then the id.
    func isLater(than other: Report) -> Bool {
        let (a, b) = (index.matter, other.index.matter)
        if a.year.value != b.year.value { return a.year.value > b.year.value }
        if a.period.value.end != b.period.value.end { return a.period.value.end > b.period.value.end }
        return id > other.id
    }
}

extension Content {
    /// Municipality id → its reports, latest first.
    func reportsLatestFirst() -> [String: [Report]] {
        Dictionary(grouping: reports) { $0.index.matter.municipality.value }.mapValues { reports in
            reports.sorted { $0.isLater(than: $1) }
        }
    }

    /// The latest report of each municipality, in the order of `reports`. A municipality's
    /// latest report among `preferring` (the reports that state a metric) is chosen before
    /// its latest report of all, so that an older value is shown rather than none.
    func latestReports(preferring: Set<String> = []) -> [Report] {
        var latest: [String: Report] = [:]
        for report in reports {
            let municipality = report.index.matter.municipality.value
            guard let current = latest[municipality] else { latest[municipality] = report; continue }
            let (new, old) = (preferring.contains(report.id), preferring.contains(current.id))
            if new != old ? new : report.isLater(than: current) { latest[municipality] = report }
        }
        let chosen = Set(latest.values.map(\.id))
        return reports.filter { chosen.contains($0.id) }
    }
}

extension Content {
    /// Metric id → the report years in which a report states a figure of it: each has a page
    /// of its own (`jamfor/<metric>/<year>/`). The figures counted are those
    /// `normalisedFigures()` keeps, so that every such page has values to show.
    func yearsWithFigures() -> [String: Set<Int>] {
        let units = Dictionary(metrics.map { ($0.id, $0.matter.unit) }, uniquingKeysWith: { a, _ in a })
        var years: [String: Set<Int>] = [:]
        for report in reports {
            for section in report.sections {
                for figure in section.document.matter.figures ?? [] {
                    guard let unit = units[figure.metric.value],
                          figure.value.value.converted(from: figure.unit.value, to: unit) != nil else { continue }
                    years[figure.metric.value, default: []].insert(report.index.matter.year.value)
                }
            }
        }
        return years
    }
}
