import Mustache

/// What `search.mustache` shows: the search form with its filters, the scripts, and every
/// page to search with the browser's own find where the script cannot run.
final class SearchContext: MustacheParent {
    var indexScript = TemplateText("")
    var themesHref = TemplateText("")
    var metricsHref = TemplateText("")
    var municipalities: [OptionRow] = []
    var years: [Year] = []
    var searchScript = TemplateText("")
    var fileSuffix = TemplateText("")
    var pagesNote: TemplateText?
    var pages: [LinkRow] = []

    func child(named name: String) -> Any? {
        switch name {
        case "index_script": indexScript
        case "themes_href": themesHref
        case "metrics_href": metricsHref
        case "municipalities": municipalities
        case "years": years
        case "search_script": searchScript
        case "file_suffix": fileSuffix
        case "pages_note": pagesNote
        case "pages": pages
        default: nil
        }
    }

    final class Year: MustacheParent {
        let year: TemplateText

        init(_ year: Int) { self.year = TemplateText("\(year)") }

        func child(named name: String) -> Any? {
            name == "year" ? year : nil
        }
    }
}

extension ContextBuilder {
    /// The search page: without JavaScript, a list of every page to search with the
    /// browser's own find; with it, the script searches the index, filtered by
    /// municipality and year.
    func search(_ page: Page) -> SearchContext {
        let context = SearchContext()
        context.indexScript = TemplateText(linker.href(from: page, toFile: SearchIndex.path))
        context.themesHref = TemplateText(linker.href(from: page, to: "teman/"))
        context.metricsHref = TemplateText(linker.href(from: page, to: "jamfor/"))
        context.municipalities = content.municipalities.map { OptionRow(id: $0.id, name: $0.matter.shortName) }
        context.years = Set(content.reports.map(\.index.matter.year.value)).sorted().map(SearchContext.Year.init)
        context.searchScript = TemplateText(linker.href(from: page, toFile: "assets/sok.js"))
        context.fileSuffix = TemplateText(linker.baseURL == nil ? "index.html" : "")
        // On a large site, the pages that are not a report's: the municipalities' pages list
        // the reports, so the list grows with the municipalities, not with the reports.
        let listed = content.reports.count <= Self.listsEveryReportUpTo
        if !listed {
            context.pagesNote = TemplateText("Med \(content.reports.count) rapporter listas här sidorna utanför rapporterna; varje kommuns sida länkar till dess rapporter.")
        }
        context.pages = site.pages.filter { target in
            if isNotFound(target) || target.path == page.path { return false }
            switch target.kind {
            case .report, .section: return listed
            default: return true
            }
        }.map { target in
            LinkRow(title: fullTitle(of: target), href: linker.href(from: page, to: target.path))
        }
        return context
    }
}
