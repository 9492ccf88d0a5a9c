import Mustache

/// Builds the values a page's template shows. Every number arrives formatted and every link
/// computed here, so that templates stay logic-less.
struct ContextBuilder {
    let index: SiteIndex
    let linker: Linker
    let bodies: [String: RenderedBody]
    /// Page path → paths of the pages whose text links to it.
    let backlinks: [String: [String]]
    /// Table file path → size in bytes, from the site-files stage, which makes each table's
    /// CSV once (before the pages, whose download links say the size).
    var tableFileSizes: [String: Int] = [:]

    /// The header and footer, rendered once per build.
    let chrome: SiteChrome
    /// Section (`report/kind`) → its figures' `FigureFacts`, in `figuresBySection`'s order.
    let figureFacts: [String: [FigureFacts]]
    /// The templates, for the fragments rendered once per build.
    let library: MustacheLibrary
    /// Each goal's HTML, rendered once per build for each way pages show it.
    let goalFragments = FragmentCache<GoalFragmentKey>()

    /// - Parameters:
    ///   - index: what Assemble worked out from the whole site, shared by every page.
    ///   - bodies: the pages' Markdown, rendered; the backlinks are worked out from it.
    ///   - library: the templates, to render the header and footer once.
    ///   - last: the last render's memo, whose figure facts are reused where its index's figures are.
    init(index: SiteIndex, linker: Linker, bodies: [String: RenderedBody], library: MustacheLibrary, parallel: Bool = true,
         reusing last: RenderMemo? = nil) {
        self.index = index
        self.linker = linker
        self.bodies = bodies
        self.library = library
        var backlinks: [String: Set<String>] = [:]
        for (path, body) in bodies {
            for target in body.linkedPaths where target != path { backlinks[target, default: []].insert(path) }
        }
        self.backlinks = backlinks.mapValues { $0.sorted() }
        figureFacts = Self.figureFacts(index.figuresBySection, metrics: index.metrics, parallel: parallel,
                                       reusing: last.map { ($0.index, $0.figureFacts) })
        chrome = SiteChrome(pages: index.site.pages, siteTitle: index.siteTitle,
                            footerLinks: Self.footerLinks.filter { index.pagesByPath[$0.path] != nil }, linker: linker, library: library)
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

    func basisLabel(_ basis: Figure.Basis) -> String { Self.label(of: basis) }

    static func label(of basis: Figure.Basis) -> String {
        switch basis {
        case .utfall: return "Utfall"
        case .budget: return "Budget"
        case .prognos: return "Prognos"
        case .avvikelse: return "Avvikelse"
        case .mål: return "Mål"
        }
    }
}
