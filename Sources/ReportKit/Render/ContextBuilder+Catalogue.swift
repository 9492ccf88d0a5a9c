extension ContextBuilder {
    /// A theme's page: per municipality, its latest reports first, each with the sections that
    /// take the theme up, and their goals of the theme. At most `themeReportsPerMunicipality`
    /// reports of each municipality, so that the page grows with the number of municipalities
    /// and not with the number of reports; the municipality's page lists them all.
    func theme(_ theme: Document<ThemeMatter>, _ page: Page) -> ThemeContext {
        let latestFirst = index.reportsByMunicipality.mapValues { $0.sorted { $0.isLater(than: $1) } }
        var listed: [Report] = []
        var entries: [ThemeContext.Entry] = []
        for municipality in content.municipalities {
            let reports = latestFirst[municipality.id] ?? []
            for report in reports.prefix(Self.themeReportsPerMunicipality) {
                let sections = index.sectionsByTheme[theme.id]?[report.id] ?? []
                listed.append(report)
                entries.append(ThemeContext.Entry(
                    label: reportLabel(report),
                    sections: sections.map { LinkRow(title: $0.document.matter.title, href: linker.href(from: page, to: sectionPath(report, $0))) },
                    none: sections.isEmpty, older: nil))
            }
            if reports.count > Self.themeReportsPerMunicipality {
                entries.append(ThemeContext.Entry(
                    label: "\(municipality.matter.shortName), äldre rapporter", sections: nil, none: false,
                    older: ThemeContext.Older(count: reports.count - Self.themeReportsPerMunicipality,
                                              href: linker.href(from: page, to: "kommuner/\(municipality.id)/"))))
            }
        }
        let metrics = index.metricsByTheme[theme.id] ?? []
        return ThemeContext(lead: theme.matter.description, reports: entries,
                            goals: TemplateItems.wrap(goalRows(theme: theme.id, reports: listed, page: page)),
                            metrics: TemplateItems.wrap(metrics.map { LinkRow(title: $0.matter.title, href: linker.href(from: page, to: "jamfor/\($0.id)/")) }))
    }

    /// How many of a municipality's reports, latest first, a theme page lists.
    static let themeReportsPerMunicipality = 3

    func themeIndex(_ page: Page) -> ThemeIndexContext {
        ThemeIndexContext(themes: content.themes.map { theme in
            let count = index.sectionsByTheme[theme.id]?.count ?? 0
            return ThemeIndexContext.Theme(title: theme.matter.title, href: linker.href(from: page, to: "teman/\(theme.id)/"),
                                           description: theme.matter.description, count: "\(count) av \(content.reports.count) rapporter")
        })
    }

    func municipality(_ municipality: Document<MunicipalityMatter>, _ page: Page) -> MunicipalityContext {
        let scale = tableGrid(verdictScaleGrid(municipality), id: "tabell-bedomningsord",
                              caption: "\(municipality.matter.shortName)s bedömningsord och den gemensamma skalan",
                              file: page.path + Self.verdictScaleFile, page: page)
        let reports = (index.reportsByMunicipality[municipality.id] ?? []).map { report in
            MunicipalityContext.ReportRow(title: report.index.matter.title, href: linker.href(from: page, to: "\(report.id)/"),
                                          period: "\(report.index.matter.period.value.start) – \(report.index.matter.period.value.end)")
        }
        // The other municipalities, each with its reports, to read on.
        // On a large site the names only: their pages list the reports.
        let listed = content.reports.count <= Self.listsEveryReportUpTo
        let reportsByMunicipality = listed ? index.reportsByMunicipality : [:]
        let others = content.municipalities.filter { $0.id != municipality.id }.map { other in
            MunicipalityContext.Other(name: other.matter.name, href: linker.href(from: page, to: "kommuner/\(other.id)/"),
                                      reports: (reportsByMunicipality[other.id] ?? []).map { report in
                LinkRow(title: reportLabel(report), href: linker.href(from: page, to: "\(report.id)/"))
            })
        }
        return MunicipalityContext(scope: municipality.matter.committeeScope, scale: scale, reports: reports,
                                   metricsTable: metricsOverYearsContext(municipality, page: page),
                                   others: TemplateItems.wrap(others))
    }
}

/// A municipality's metrics over the years (issue #14): one row per metric, one column per
/// year, each value the outcome its report states with period and basis, so that a part-year
/// or another base never stands unlabelled beside a full year. The page grows with the
/// municipality's years, not with the number of reports on the site.
extension ContextBuilder {
    struct MetricsOverYears {
        let grid: TableExport.Grid
        let metrics: [Document<MetricMatter>]
        /// Per row, per year: the figure shown, nil where that year's report states none.
        let figures: [[NormalisedFigure?]]
    }

    static let metricsOverYearsFile = "tabell-nyckeltal-per-ar.csv"

    func metricsOverYears(_ municipality: Document<MunicipalityMatter>) -> MetricsOverYears? {
        // A year's latest report speaks for the year (an annual report over the interim one).
        var byYear: [Int: Report] = [:]
        for report in index.reportsByMunicipality[municipality.id] ?? [] {
            let year = report.index.matter.year.value
            if byYear[year].map({ report.isLater(than: $0) }) ?? true { byYear[year] = report }
        }
        let years = byYear.keys.sorted()
        var metrics: [Document<MetricMatter>] = [], figures: [[NormalisedFigure?]] = []
        for metric in metricsByTitle {
            let row = years.map { headline(metric.id, in: byYear[$0]!) }
            guard row.contains(where: { $0 != nil }) else { continue }
            metrics.append(metric)
            figures.append(row)
        }
        guard !metrics.isEmpty else { return nil }
        let rows = zip(metrics, figures).map { metric, row -> [TableExport.Cell] in
            [TableExport.Cell(text: metric.matter.title)] + row.map { figure in
                // Words, not a number: the label ("andel av kostnadsbudgeten") must wrap on a phone.
                figure.map { TableExport.Cell(text: labelled($0)) } ?? TableExport.Cell(text: "–", stated: false)
            }
        }
        return MetricsOverYears(grid: TableExport.Grid(header: ["Nyckeltal"] + years.map(String.init), rows: rows),
                                metrics: metrics, figures: figures)
    }

    func metricsOverYearsContext(_ municipality: Document<MunicipalityMatter>, page: Page) -> MunicipalityContext.MetricsTable? {
        guard let table = metricsOverYears(municipality) else { return nil }
        let grid = tableGrid(table.grid, id: "tabell-nyckeltal-per-ar",
                             caption: "Nyckeltal i \(municipality.matter.shortName)s rapporter år för år",
                             file: page.path + Self.metricsOverYearsFile, page: page)
        let rows = grid.rows.enumerated().map { index, row in
            MunicipalityContext.Row(row: row, metricHref: linker.href(from: page, to: "jamfor/\(table.metrics[index].id)/"),
                                    cells: zip(row.cells, table.figures[index]).map { cell, figure in
                MunicipalityContext.Cell(cell: cell, href: figure.map {
                    linker.href(from: page, to: sectionPath($0.report, $0.section), anchor: $0.figure.id.map { "figur-\($0.value)" })
                })
            })
        }
        return MunicipalityContext.MetricsTable(grid: grid, rows: rows)
    }
}
