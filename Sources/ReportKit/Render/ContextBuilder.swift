/// Builds the values a page's template shows. Every number arrives formatted and every link
/// computed here, so that templates stay logic-less.
struct ContextBuilder {
    typealias Context = [String: Any]

    let site: Site
    let linker: Linker
    let bodies: [String: RenderedBody]
    /// Page path → paths of the pages whose text links to it.
    let backlinks: [String: [String]]
    let figures: [NormalisedFigure]
    let siteTitle: String
    // Lookups built once: every page asks them, so a scan per question would make the
    // build quadratic in the number of pages.
    let figuresBySection: [String: [NormalisedFigure]]
    let pagesByPath: [String: Page]
    let municipalities: [String: Document<MunicipalityMatter>]
    let metrics: [String: Document<MetricMatter>]
    /// Reports by year and by municipality, for "Jämför med" on a large site.
    /// Report id → what its section pages compare with. Worked out once per report: doing it
    /// per page (filtering every report, copying each) was 7 % of a 10 000-page build.
    let comparisons: [String: [Comparison]]
    /// Report id → metric → the report's headline outcome (see `headline`), worked out once:
    /// the start page, metric pages and report pages ask for it about every report.
    let headlines: [String: [String: NormalisedFigure]]
    /// Every metric's comparable sets (Assemble), and the files each chart offers.
    let metricComparisons: ComparisonIndex
    let chartFiles: [String: ChartDownloads]
    /// Table file path → size in bytes, from the site-files stage, which makes each table's
    /// CSV once (before the pages, whose download links say the size).
    var tableFileSizes: [String: Int] = [:]

    init(site: Site, linker: Linker, bodies: [String: RenderedBody]) {
        self.site = site
        self.linker = linker
        self.bodies = bodies
        var backlinks: [String: Set<String>] = [:]
        for (path, body) in bodies {
            for target in body.linkedPaths where target != path { backlinks[target, default: []].insert(path) }
        }
        self.backlinks = backlinks.mapValues { $0.sorted() }
        figures = site.content.normalisedFigures()
        siteTitle = site.content.home?.matter.title ?? "Socialnämnder i jämförelse"
        figuresBySection = Dictionary(grouping: figures) { "\($0.report.id)/\($0.section.kind.rawValue)" }
        pagesByPath = Dictionary(site.pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        municipalities = Dictionary(site.content.municipalities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        metrics = Dictionary(site.content.metrics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let reports = site.content.reports
        let reportsByYear = Dictionary(grouping: reports.indices) { reports[$0].index.matter.year.value }
        let reportsByMunicipality = Dictionary(grouping: reports.indices) { reports[$0].index.matter.municipality.value }
        let shortNames = Dictionary(site.content.municipalities.map { ($0.id, $0.matter.shortName) }, uniquingKeysWith: { first, _ in first })
        var comparisons: [String: [Comparison]] = [:]
        for (index, report) in reports.enumerated() where comparisons[report.id] == nil {
            comparisons[report.id] = Self.comparisonReports(for: index, in: reports, byYear: reportsByYear,
                                                            byMunicipality: reportsByMunicipality).map { reports[$0] }.map { other in
                let municipality = other.index.matter.municipality.value
                return Comparison(
                    label: "\(shortNames[municipality] ?? municipality) \(other.index.matter.year.value)",
                    reportPath: "\(other.id)/", reportTitle: other.index.matter.title,
                    municipalityPath: "kommuner/\(municipality)/",
                    municipalityName: shortNames[municipality] ?? municipality,
                    sectionPaths: Dictionary(other.sections.map { ($0.kind, "\(other.id)/\($0.kind.rawValue)/") },
                                             uniquingKeysWith: { first, _ in first }),
                    sectionTitles: Dictionary(other.sections.map { ($0.kind, $0.document.matter.title) },
                                              uniquingKeysWith: { first, _ in first }))
            }
        }
        self.comparisons = comparisons
        var headlines: [String: [String: NormalisedFigure]] = [:]
        for report in reports where headlines[report.id] == nil {
            headlines[report.id] = Self.headlines(in: report, figuresBySection: figuresBySection)
        }
        self.headlines = headlines
        metricComparisons = ComparisonIndex(content: site.content, figures: figures)
        var chartFiles: [String: ChartDownloads] = [:]
        for metric in site.content.metrics {
            guard let comparison = metricComparisons[metric.id], comparison.hasChart else { continue }
            chartFiles[metric.id] = ChartDownloads(comparison: comparison, siteTitle: siteTitle, linker: linker)
        }
        self.chartFiles = chartFiles
    }

    /// A report a section page offers to compare with: its label and the section paths it has.
    struct Comparison {
        let label: String
        let reportPath: String
        let reportTitle: String
        let municipalityPath: String
        let municipalityName: String
        /// Section kind → site path of that section in the other report.
        let sectionPaths: [SectionKind: String]
        let sectionTitles: [SectionKind: String]
    }

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

    /// Up to this many reports, pages list every report where they compare ("Jämför med", the
    /// goals page); beyond it they list a bounded selection or counts, so that no page grows
    /// with the number of reports past what a reader can use.
    static let listsEveryReportUpTo = 12

    /// The reports a section page offers to compare with: all the others on a site of a few
    /// reports; on a large one, those of the same year and the municipality's other years,
    /// so that a page's links stay bounded however many reports there are.
    /// `byYear` and `byMunicipality` hold positions in `reports`, which is also the order returned.
    static func comparisonReports(for index: Int, in reports: [Report],
                                  byYear: [Int: [Int]], byMunicipality: [String: [Int]]) -> [Int] {
        if reports.count <= listsEveryReportUpTo { return reports.indices.filter { reports[$0].id != reports[index].id } }
        let report = reports[index]
        let sameYear = byYear[report.index.matter.year.value] ?? []
        let sameMunicipality = byMunicipality[report.index.matter.municipality.value] ?? []
        var chosen = Set((sameYear.prefix(listsEveryReportUpTo) + sameMunicipality).map { reports[$0].id })
        chosen.remove(report.id)
        // Each chosen id once, at its first position, as filtering `reports` would give.
        var seen: Set<String> = []
        return (sameYear.prefix(listsEveryReportUpTo) + sameMunicipality).sorted().filter { chosen.contains(reports[$0].id) && seen.insert(reports[$0].id).inserted }
    }

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
        case .metric(let metric): self.metric(metric, &context, page)
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
        if case .section(let report, _) = page.kind { return "\(page.title) – \(reportLabel(report))" }
        return page.title
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
        "\(municipality(of: report)?.matter.shortName ?? report.index.matter.municipality.value) \(report.index.matter.year.value)"
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

    /// The report's own figure for a metric: the outcome for the whole committee, for the
    /// report's period if it states one, else the first it states.
    func headline(_ metric: String, basis: Figure.Basis = .utfall, in report: Report) -> NormalisedFigure? {
        if basis == .utfall, let table = headlines[report.id] { return table[metric] }
        return Self.headline(metric, basis: basis, in: report, figuresBySection: figuresBySection)
    }

    static func headline(_ metric: String, basis: Figure.Basis, in report: Report,
                         figuresBySection: [String: [NormalisedFigure]]) -> NormalisedFigure? {
        let candidates = report.sections.flatMap { figuresBySection["\(report.id)/\($0.kind.rawValue)"] ?? [] }.filter {
            $0.figure.metric.value == metric && $0.figure.basis == basis && $0.figure.breakdown == nil
        }
        return candidates.first { $0.figure.dates?.start == report.index.matter.period.value.start
            && $0.figure.dates?.end == report.index.matter.period.value.end } ?? candidates.first
    }

    /// `headline(_:in:)` of every metric the report states an outcome for, in one pass.
    static func headlines(in report: Report, figuresBySection: [String: [NormalisedFigure]]) -> [String: NormalisedFigure] {
        let period = report.index.matter.period.value
        var first: [String: NormalisedFigure] = [:]
        var forPeriod: [String: NormalisedFigure] = [:]
        for section in report.sections {
            for figure in figuresBySection["\(report.id)/\(section.kind.rawValue)"] ?? []
            where figure.figure.basis == .utfall && figure.figure.breakdown == nil {
                let metric = figure.figure.metric.value
                if first[metric] == nil { first[metric] = figure }
                if forPeriod[metric] == nil, figure.figure.dates?.start == period.start,
                   figure.figure.dates?.end == period.end {
                    forPeriod[metric] = figure
                }
            }
        }
        return first.merging(forPeriod) { _, matching in matching }
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
