/// One page of the website before rendering: where it goes, which template draws it, and
/// what it shows.
public struct Page: Sendable {
    public enum Kind: Sendable {
        case home
        case page(Document<PageMatter>)
        case scale(Document<ScaleMatter>)
        case municipality(Document<MunicipalityMatter>)
        case metric(Document<MetricMatter>)
        /// A metric's values in the reports of one year (`jamfor/<metric>/<year>/`).
        case metricYear(Document<MetricMatter>, Int)
        case theme(Document<ThemeMatter>)
        case report(Report)
        case section(Report, Section)
        case metricIndex, themeIndex, goals, search, notFound
        /// The goals page narrowed to one theme, or to one municipality's reports.
        case goalsOfTheme(Document<ThemeMatter>)
        case goalsOfMunicipality(Document<MunicipalityMatter>)
    }

    /// Path below the site root, "" for the start page, else ending in "/": `haninge-2022/ekonomi/`.
    public let path: String
    public let title: String
    public let template: String
    public let kind: Kind
    /// What the page reads of the content, worked out from its build's index: declared by its
    /// kind in `PageCatalogue`.
    let reads: @Sendable (SiteIndex) -> Set<Dependency>

    /// The content file the page comes from, if any; its Markdown links are relative to it.
    public var source: SourceFile? {
        switch kind {
        case .page(let d): return d.file
        case .scale(let d): return d.file
        case .municipality(let d): return d.file
        case .metric(let d): return d.file
        case .theme(let d): return d.file
        case .report(let r): return r.index.file
        case .section(_, let s): return s.document.file
        case .home, .metricIndex, .themeIndex, .goals, .goalsOfTheme, .goalsOfMunicipality, .search, .notFound,
             .metricYear: return nil
        }
    }

    /// The Markdown body and the file line it starts on.
    var body: (text: String, line: Int)? {
        switch kind {
        case .page(let d): return (d.body, d.bodyLine)
        case .scale(let d): return (d.body, d.bodyLine)
        case .municipality(let d): return (d.body, d.bodyLine)
        case .metric(let d): return (d.body, d.bodyLine)
        case .theme(let d): return (d.body, d.bodyLine)
        case .report(let r): return (r.index.body, r.index.bodyLine)
        case .section(_, let s): return (s.document.body, s.document.bodyLine)
        case .home, .metricIndex, .themeIndex, .goals, .goalsOfTheme, .goalsOfMunicipality, .search, .notFound,
             .metricYear: return nil
        }
    }

    /// File written for the page: `haninge-2022/ekonomi/index.html`; the 404 page is `404.html`.
    public var outputPath: String {
        if case .notFound = kind { return "404.html" }
        return path + "index.html"
    }
}

/// Every page of the website, with the map from content files to page paths that Markdown
/// links are resolved against. Built before any page is rendered, so links can be checked.
public struct Site: Sendable {
    public let content: Content
    public let pages: [Page]
    /// Content path (`haninge-2022/ekonomi.md`) → page path (`haninge-2022/ekonomi/`).
    public let pathsBySource: [String: String]

    public func page(at path: String) -> Page? {
        pages.first { $0.path == path }
    }
}
