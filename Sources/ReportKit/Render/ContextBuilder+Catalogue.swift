extension ContextBuilder {
    func theme(_ theme: Document<ThemeMatter>, _ context: inout Context, _ page: Page) {
        context["lead"] = theme.matter.description
        context["reports"] = content.reports.map { report -> Context in
            let sections = index.sectionsByTheme[theme.id]?[report.id] ?? []
            return [
                "label": reportLabel(report),
                "sections": sections.map { ["title": $0.document.matter.title, "href": linker.href(from: page, to: sectionPath(report, $0))] },
                "none": sections.isEmpty,
            ]
        }
        context["goals"] = wrap(goalRows(theme: theme.id, page: page))
        let metrics = index.metricsByTheme[theme.id] ?? []
        context["metrics"] = wrap(metrics.map { ["title": $0.matter.title, "href": linker.href(from: page, to: "jamfor/\($0.id)/")] })
    }

    func themeIndex(_ context: inout Context, _ page: Page) {
        context["themes"] = content.themes.map { theme -> Context in
            let count = index.sectionsByTheme[theme.id]?.count ?? 0
            return ["title": theme.matter.title, "href": linker.href(from: page, to: "teman/\(theme.id)/"),
                    "description": theme.matter.description, "count": "\(count) av \(content.reports.count) rapporter"]
        }
    }

    func municipality(_ municipality: Document<MunicipalityMatter>, _ context: inout Context, _ page: Page) {
        context["scope"] = municipality.matter.committeeScope
        context["scale"] = gridContext(verdictScaleGrid(municipality), id: "tabell-bedomningsord",
                                       caption: "\(municipality.matter.shortName)s bedömningsord och den gemensamma skalan",
                                       file: page.path + Self.verdictScaleFile, page: page)
        context["reports"] = (index.reportsByMunicipality[municipality.id] ?? []).map { report -> Context in
            ["title": report.index.matter.title, "href": linker.href(from: page, to: "\(report.id)/"),
             "period": "\(report.index.matter.period.value.start) – \(report.index.matter.period.value.end)"]
        }
        // The other municipalities, each with its reports, to read on.
        // On a large site the names only: their pages list the reports.
        let listed = content.reports.count <= Self.listsEveryReportUpTo
        let reportsByMunicipality = listed ? index.reportsByMunicipality : [:]
        context["others"] = wrap(content.municipalities.filter { $0.id != municipality.id }.map { other -> Context in
            let reports = (reportsByMunicipality[other.id] ?? []).map { report -> Context in
                ["title": reportLabel(report), "href": linker.href(from: page, to: "\(report.id)/")]
            }
            return ["name": other.matter.name, "href": linker.href(from: page, to: "kommuner/\(other.id)/"),
                    "reports": reports, "has_reports": !reports.isEmpty]
        })
    }

    func scale(_ scale: Document<ScaleMatter>, _ context: inout Context, _ page: Page) {
        context["levels"] = scale.matter.levels.map { level -> Context in
            var entry: Context = ["id": level.id.value, "label": level.label, "description": level.description]
            entry["terms"] = wrap(content.municipalities.flatMap { municipality in
                municipality.matter.verdictScale.filter { $0.level.value == level.id.value }
                    .map { ["text": "\(municipality.matter.shortName): \"\($0.term)\""] }
            })
            return entry
        }
    }

    /// The search page: without JavaScript, a list of every page to search with the
    /// browser's own find; with it, the script searches the index, filtered by
    /// municipality and year.
    func search(_ context: inout Context, _ page: Page) {
        context["index_script"] = linker.href(from: page, toFile: SearchIndex.path)
        context["themes_href"] = linker.href(from: page, to: "teman/")
        context["metrics_href"] = linker.href(from: page, to: "jamfor/")
        context["municipalities"] = content.municipalities.map { ["id": $0.id, "name": $0.matter.shortName] }
        context["years"] = Set(content.reports.map(\.index.matter.year.value)).sorted().map { ["year": "\($0)"] }
        context["search_script"] = linker.href(from: page, toFile: "assets/sok.js")
        context["file_suffix"] = linker.baseURL == nil ? "index.html" : ""
        context["pages"] = site.pages.filter { !isNotFound($0) && $0.path != page.path }.map { target -> Context in
            ["title": fullTitle(of: target), "href": linker.href(from: page, to: target.path)]
        }
    }
}
