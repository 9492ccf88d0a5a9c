/// Builds the values a page's template shows. Every number arrives formatted and every link
/// computed here, so that templates stay logic-less.
struct ContextBuilder {
    typealias Context = [String: Any]

    let index: SiteIndex
    let linker: Linker
    let bodies: [String: RenderedBody]
    /// Page path → paths of the pages whose text links to it.
    let backlinks: [String: [String]]
    /// Table file path → size in bytes, from the site-files stage, which makes each table's
    /// CSV once (before the pages, whose download links say the size).
    var tableFileSizes: [String: Int] = [:]

    /// - Parameters:
    ///   - index: what Assemble worked out from the whole site, shared by every page.
    ///   - bodies: the pages' Markdown, rendered; the backlinks are worked out from it.
    init(index: SiteIndex, linker: Linker, bodies: [String: RenderedBody]) {
        self.index = index
        self.linker = linker
        self.bodies = bodies
        var backlinks: [String: Set<String>] = [:]
        for (path, body) in bodies {
            for target in body.linkedPaths where target != path { backlinks[target, default: []].insert(path) }
        }
        self.backlinks = backlinks.mapValues { $0.sorted() }
    }

    // The index's lookups under the names the page functions use.
    var site: Site { index.site }
    var siteTitle: String { index.siteTitle }
    var figuresBySection: [String: [NormalisedFigure]] { index.figuresBySection }
    var pagesByPath: [String: Page] { index.pagesByPath }
    var municipalities: [String: Document<MunicipalityMatter>] { index.municipalities }
    var metrics: [String: Document<MetricMatter>] { index.metrics }
    var comparisons: [String: [Comparison]] { index.comparisons }
    var metricComparisons: ComparisonIndex { index.metricComparisons }
    var chartFiles: [String: ChartDownloads] { index.chartFiles }

    typealias Comparison = SiteIndex.Comparison

    /// Where to send a reader from a section another report lacks: the sections that cover
    /// the nearest ground, best first ("Förväntad utveckling" is told, in reports without it,
    /// among the year's important events). Without any of them: the report's start page.
    static let nearestSections: [SectionKind: [SectionKind]] = [
        .framtid: [.vasentligaHandelser, .sammanfattning],
        .ansvarsomrade: [.sammanfattning],
        .ovrigt: [.vasentligaHandelser, .sammanfattning],
        .vasentligaHandelser: [.sammanfattning],
        .verksamhetsstatistik: [.malOchResultat],
        .kvalitetOchInternkontroll: [.malOchResultat],
        .malOchResultat: [.sammanfattning],
        .personal: [.sammanfattning],
        .ekonomi: [.sammanfattning],
    ]

    /// See `SiteIndex.listsEveryReportUpTo`.
    static let listsEveryReportUpTo = SiteIndex.listsEveryReportUpTo

    var content: Content { site.content }

    // MARK: - Common parts

    /// Everything `page`'s template shows, ready for Mustache (see `TemplateText`).
    func context(for page: Page) -> Context {
        TemplateText.prepare(values(for: page))
    }

    func values(for page: Page) -> Context {
        var context: Context = [
            "lang": "sv",
            // The heading may break at a compound's joint on a phone; the window's title may not.
            "title": CompoundBreaks.marked(page.title),
            "page_title": page.title,
            "site_title": siteTitle,
            "root": linker.root(from: page),
            "stylesheet": linker.href(from: page, toFile: "assets/style.css"),
            "home_href": linker.href(from: page, to: ""),
            "nav": navigation(for: page),
            "footer_links": footerLinks(for: page),
            "description": description(of: page),
        ]
        // Only set when present: an Optional stored in `Any` would count as a value in Mustache.
        if let breadcrumbs = wrap(breadcrumbs(for: page)) { context["breadcrumbs"] = breadcrumbs }
        if let canonical = linker.absoluteURL(of: page.path), !isNotFound(page) { context["canonical"] = canonical }
        // What a printed page says about itself: the site, the report and where the page is.
        context["print_address"] = linker.absoluteURL(of: page.path) ?? "/\(page.path)"
        switch page.kind {
        case .report(let report), .section(let report, _):
            context["print_report"] = "\(report.index.matter.title), \(municipalityName(report))"
        default: break
        }
        let body = bodies[page.path]
        if let html = body?.html, !html.isEmpty { context["body"] = html }
        var toc = (body?.headings ?? []).filter { $0.level <= 3 }.map { heading -> Context in
            ["text": heading.text, "href": "#\(heading.id)", "sub": heading.level == 3]
        }
        switch page.kind {
        case .home: home(&context, page)
        case .report(let report): self.report(report, &context, page)
        case .section(let report, let section): self.section(section, of: report, &context, &toc, page)
        case .metric(let metric): self.metric(metric, year: nil, &context, page)
        case .metricYear(let metric, let year): self.metric(metric, year: year, &context, page)
        case .metricIndex: metricIndex(&context, page)
        case .theme(let theme): self.theme(theme, &context, page)
        case .themeIndex: themeIndex(&context, page)
        case .municipality(let municipality): self.municipality(municipality, &context, page)
        case .scale(let scale): self.scale(scale, &context, page)
        case .goals: goals(&context, page)
        case .goalsOfTheme(let theme): goals(&context, page, theme: theme.id)
        case .goalsOfMunicipality(let municipality): goals(&context, page, municipality: municipality.id)
        case .search: search(&context, page)
        case .page, .notFound: break
        }
        if toc.count > 1 { context["toc"] = wrap(toc) }
        context["backlinks"] = wrap((backlinks[page.path] ?? []).compactMap { path in
            pagesByPath[path].map { ["title": fullTitle(of: $0), "href": linker.href(from: page, to: path)] }
        })
        return context
    }

    /// What the backlinks list of a page shows, for incremental rebuilds to compare.
    func backlinkSignature(of path: String) -> [String] {
        (backlinks[path] ?? []).map { "\($0) \(pagesByPath[$0].map(fullTitle(of:)) ?? "")" }
    }

    /// A list that the template wraps in a container: `{{#toc}}<nav>{{#items}}…{{/items}}</nav>{{/toc}}`.
    /// Nil for an empty list, so the container disappears with it.
    func wrap(_ items: [Context]) -> Context? {
        items.isEmpty ? nil : ["items": items]
    }

    func isNotFound(_ page: Page) -> Bool {
        if case .notFound = page.kind { return true }
        return false
    }

    func description(of page: Page) -> String {
        switch page.kind {
        case .page(let document): return document.matter.description ?? siteDescription
        case .theme(let theme): return theme.matter.description
        case .metric(let metric): return metric.matter.definition
        case .metricYear(let metric, let year): return "\(metric.matter.title) i rapporterna från \(year). \(metric.matter.definition)"
        case .report(let report):
            return "\(report.index.matter.title), \(municipalityName(report)), \(NumberFormat.period(report.index.matter.period.value))."
        case .section(let report, let section):
            return "\(section.document.matter.title) i \(report.index.matter.title), \(municipalityName(report))."
        default: return siteDescription
        }
    }

    var siteDescription: String {
        content.home?.matter.description ?? "Socialnämndernas årsredovisningar och delårsrapporter jämförda sida vid sida."
    }

    /// "Ekonomi – Huddinge 2020" for lists where the bare section title would be ambiguous.
    func fullTitle(of page: Page) -> String {
        index.fullTitle(of: page)
    }

    func navigation(for page: Page) -> [Context] {
        let items: [(String, String)] = [("Start", ""), ("Jämför nyckeltal", "jamfor/"), ("Mål", "mal/"), ("Teman", "teman/"), ("Sök", "sok/")]
        return items.map { label, path in
            var item: Context = ["label": label, "href": linker.href(from: page, to: path)]
            if page.path == path && !isNotFound(page) { item["current"] = true }
            return item
        }
    }

    func footerLinks(for page: Page) -> [Context] {
        var links: [Context] = []
        if pagesByPath["tillganglighet/"] != nil {
            links.append(["label": "Tillgänglighetsredogörelse", "href": linker.href(from: page, to: "tillganglighet/")])
        }
        if pagesByPath["bedomningsskala/"] != nil {
            links.append(["label": "Gemensam bedömningsskala", "href": linker.href(from: page, to: "bedomningsskala/")])
        }
        return links
    }

    func breadcrumbs(for page: Page) -> [Context] {
        var trail: [(String, String?)] = [("Start", "")]
        switch page.kind {
        case .home: return []
        case .section(let report, _):
            trail.append((reportLabel(report), "\(report.id)/"))
        case .metric: trail.append(("Jämför nyckeltal", "jamfor/"))
        case .metricYear(let metric, _):
            trail.append(("Jämför nyckeltal", "jamfor/"))
            trail.append((metric.matter.title, "jamfor/\(metric.id)/"))
        case .theme: trail.append(("Teman", "teman/"))
        case .goalsOfTheme, .goalsOfMunicipality: trail.append(("Mål", "mal/"))
        default: break
        }
        trail.append((page.title, nil))
        return trail.map { label, path in
            var crumb: Context = ["label": label]
            if let path { crumb["href"] = linker.href(from: page, to: path) } else { crumb["current"] = true }
            return crumb
        }
    }

    // MARK: - Lookups

    func municipality(of report: Report) -> Document<MunicipalityMatter>? {
        municipalities[report.index.matter.municipality.value]
    }

    func municipalityName(_ report: Report) -> String {
        municipality(of: report)?.matter.name ?? report.index.matter.municipality.value
    }

    /// "Huddinge 2020".
    func reportLabel(_ report: Report) -> String {
        index.reportLabel(report)
    }

    func reportKindLabel(_ report: Report) -> String {
        switch report.index.matter.reportKind.value {
        case .delårsrapport: return "Delårsrapport"
        case .årsredovisning: return "Årsredovisning"
        }
    }

    func sectionPath(_ report: Report, _ section: Section) -> String {
        "\(report.id)/\(section.kind.rawValue)/"
    }

    /// The level of the common scale a goal's verdict maps to; `ej-bedomt` without a verdict.
    func level(of goal: Goal, in report: Report) -> ScaleMatter.Level? {
        let levels = content.scale?.matter.levels ?? []
        guard let verdict = goal.verdict else { return levels.first { $0.id.value == "ej-bedomt" } }
        let id = municipality(of: report)?.matter.verdictScale.first { $0.term == verdict.term.value }?.level.value
        return levels.first { $0.id.value == id }
    }

    /// The report's own figure for a metric (see `SiteIndex.headline`).
    func headline(_ metric: String, basis: Figure.Basis = .utfall, in report: Report) -> NormalisedFigure? {
        index.headline(metric, basis: basis, in: report)
    }

    func basisLabel(_ basis: Figure.Basis) -> String {
        switch basis {
        case .utfall: return "Utfall"
        case .budget: return "Budget"
        case .prognos: return "Prognos"
        case .avvikelse: return "Avvikelse"
        case .mål: return "Mål"
        }
    }
}
