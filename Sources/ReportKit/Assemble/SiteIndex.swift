/// Everything pages read that is worked out from the whole site, built once per build right
/// after the site is assembled: normalised figures, comparison sets, headlines, "Jämför med",
/// lookups by id, by report, by section and by theme, and every page by its address.
///
/// Render only reads it. Without it each render (the preview and the full render of a
/// rebuild) worked all of this out again, and several pages scanned every report to find
/// what one theme or one municipality holds, which made a build quadratic in the reports.
public struct SiteIndex: Sendable {
    public let site: Site
    /// Every figure of every report, normalised to its metric, in report and section order.
    public let figures: [NormalisedFigure]
    public let siteTitle: String
    /// Report id → its normalised figures, in section order (what a rebuild reuses).
    let figuresByReport: [String: [NormalisedFigure]]
    /// The linker's base address the chart files were made with.
    let baseURL: String?
    /// `report-id/section-kind` → the section's normalised figures.
    let figuresBySection: [String: [NormalisedFigure]]
    /// Every page by its address (`haninge-2022/ekonomi/`).
    let pagesByPath: [String: Page]
    let municipalities: [String: Document<MunicipalityMatter>]
    let metrics: [String: Document<MetricMatter>]
    let themes: [String: Document<ThemeMatter>]
    /// Municipality id → its reports, in site order.
    let reportsByMunicipality: [String: [Report]]
    /// Year → the reports of that year, in site order.
    let reportsByYear: [Int: [Report]]
    /// Report id → what its section pages compare with ("Jämför med"). Worked out once per
    /// report: doing it per page (filtering every report, copying each) was 7 % of a
    /// 10 000-page build.
    let comparisons: [String: [Comparison]]
    /// Report id → metric → the report's headline outcome (see `headline`): the start page,
    /// metric pages and report pages ask for it about every report.
    let headlines: [String: [String: NormalisedFigure]]
    /// Every metric's comparable sets.
    public let metricComparisons: ComparisonIndex
    /// Comparison page path (`jamfor/<metric>/`, `jamfor/<metric>/<year>/`) → the files its
    /// chart offers (only pages with a chart).
    let chartFiles: [String: ChartDownloads]
    /// Theme id → report id → the report's sections tagged with the theme, in reading order.
    let sectionsByTheme: [String: [String: [Section]]]
    /// Theme id → every report's goals of the theme, in report and section order.
    let goalsByTheme: [String: [PlacedGoal]]
    /// Theme id → the metrics that belong to it, in site order.
    let metricsByTheme: [String: [Document<MetricMatter>]]

    /// A goal with the report and section that state it.
    struct PlacedGoal: Sendable {
        let goal: Goal
        let report: Report
        let section: Section
    }

    /// A report a section page offers to compare with: its label and the section paths it has.
    struct Comparison: Sendable {
        let reportID: String
        let municipalityID: String
        let label: String
        let reportPath: String
        let reportTitle: String
        let municipalityPath: String
        let municipalityName: String
        /// Section kind → site path of that section in the other report.
        let sectionPaths: [SectionKind: String]
        let sectionTitles: [SectionKind: String]
    }

    /// Up to this many reports, pages list every report where they compare ("Jämför med", the
    /// goals page); beyond it they list a bounded selection or counts, so that no page grows
    /// with the number of reports past what a reader can use.
    static let listsEveryReportUpTo = 12

    public init(site: Site, linker: Linker) {
        self.init(site: site, linker: linker, reusing: nil)
    }

    /// The index of `site`, reusing what `old` (the last build's index, in `serve`) worked
    /// out from what did not change: each unchanged report's figures and headlines, "Jämför
    /// med" when no report's identity changed, and the comparisons and chart files of the
    /// metrics no changed report states. The result is the same as an index from scratch
    /// (`SiteIndexMemoTests`).
    init(site: Site, linker: Linker, reusing old: SiteIndex?) {
        self.site = site
        self.baseURL = linker.baseURL
        let content = site.content
        let siteTitle = content.home?.matter.title ?? "Socialnämnder i jämförelse"
        self.siteTitle = siteTitle
        let reuse = old.flatMap { Reuse(old: $0, content: content, siteTitle: siteTitle, baseURL: linker.baseURL) }
        let units = content.metricUnits
        var figuresByReport: [String: [NormalisedFigure]] = [:]
        for report in content.reports where figuresByReport[report.id] == nil {
            figuresByReport[report.id] = reuse?.kept(report).map { reuse!.old.figuresByReport[$0] ?? [] }
                ?? report.normalisedFigures(units: units)
        }
        self.figuresByReport = figuresByReport
        figures = content.reports.flatMap { figuresByReport[$0.id] ?? [] }
        var figuresBySection: [String: [NormalisedFigure]] = [:]
        for report in content.reports {
            for figure in figuresByReport[report.id] ?? [] {
                figuresBySection["\(report.id)/\(figure.section.kind.rawValue)", default: []].append(figure)
            }
        }
        self.figuresBySection = figuresBySection
        pagesByPath = Dictionary(site.pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        municipalities = Self.byID(content.municipalities)
        metrics = Self.byID(content.metrics)
        themes = Self.byID(content.themes)
        reportsByMunicipality = Dictionary(grouping: content.reports) { $0.index.matter.municipality.value }
        reportsByYear = Dictionary(grouping: content.reports) { $0.index.matter.year.value }
        comparisons = reuse?.sameIdentities == true ? reuse!.old.comparisons : Self.comparisons(of: content)
        var headlines: [String: [String: NormalisedFigure]] = [:]
        for report in content.reports where headlines[report.id] == nil {
            headlines[report.id] = reuse?.kept(report).flatMap { reuse!.old.headlines[$0] }
                ?? Self.headlines(in: report, figuresBySection: figuresBySection)
        }
        self.headlines = headlines
        let recompute = reuse?.sameIdentities == true ? reuse!.metricsStated : nil
        metricComparisons = ComparisonIndex(content: content, figures: figures,
                                            reusing: recompute.map { (reuse!.old.metricComparisons, $0) })
        let comparisonIndex = metricComparisons
        var chartFiles: [String: ChartDownloads] = [:]
        for metric in content.metrics {
            let pages = [("jamfor/\(metric.id)/", comparisonIndex[metric.id])]
                + comparisonIndex.years(of: metric.id).map { ("jamfor/\(metric.id)/\($0)/", comparisonIndex[metric.id, year: $0]) }
            for (path, comparison) in pages {
                guard let comparison, comparison.hasChart else { continue }
                if let recompute, !recompute.contains(metric.id) {
                    chartFiles[path] = reuse!.old.chartFiles[path]
                } else {
                    chartFiles[path] = ChartDownloads(comparison: comparison, page: path, siteTitle: siteTitle, linker: linker)
                }
            }
        }
        self.chartFiles = chartFiles
        var sectionsByTheme: [String: [String: [Section]]] = [:]
        var goalsByTheme: [String: [PlacedGoal]] = [:]
        for report in content.reports {
            for section in report.sections {
                var tagged: Set<String> = []
                for theme in section.document.matter.themes ?? [] where tagged.insert(theme.value).inserted {
                    sectionsByTheme[theme.value, default: [:]][report.id, default: []].append(section)
                }
                for goal in section.document.matter.goals ?? [] {
                    goalsByTheme[goal.theme.value, default: []].append(PlacedGoal(goal: goal, report: report, section: section))
                }
            }
        }
        self.sectionsByTheme = sectionsByTheme
        self.goalsByTheme = goalsByTheme
        var metricsByTheme: [String: [Document<MetricMatter>]] = [:]
        for metric in content.metrics {
            for theme in Set((metric.matter.themes ?? []).map(\.value)) { metricsByTheme[theme, default: []].append(metric) }
        }
        self.metricsByTheme = metricsByTheme
    }

    public var content: Content { site.content }

    private static func byID<Matter>(_ documents: [Document<Matter>]) -> [String: Document<Matter>] {
        Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Comparisons

    /// "Jämför med" of every report.
    private static func comparisons(of content: Content) -> [String: [Comparison]] {
        let reports = content.reports
        let reportsByYear = Dictionary(grouping: reports.indices) { reports[$0].index.matter.year.value }
        let reportsByMunicipality = Dictionary(grouping: reports.indices) { reports[$0].index.matter.municipality.value }
        let shortNames = Dictionary(content.municipalities.map { ($0.id, $0.matter.shortName) }, uniquingKeysWith: { first, _ in first })
        var comparisons: [String: [Comparison]] = [:]
        for (index, report) in reports.enumerated() where comparisons[report.id] == nil {
            comparisons[report.id] = comparisonReports(for: index, in: reports, byYear: reportsByYear,
                                                       byMunicipality: reportsByMunicipality).map { reports[$0] }.map { other in
                let municipality = other.index.matter.municipality.value
                return Comparison(
                    reportID: other.id, municipalityID: municipality,
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
        return comparisons
    }

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

    // MARK: - Headlines

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

    // MARK: - Labels

    /// "Huddinge 2020".
    func reportLabel(_ report: Report) -> String {
        "\(municipalities[report.index.matter.municipality.value]?.matter.shortName ?? report.index.matter.municipality.value) \(report.index.matter.year.value)"
    }

    /// "Ekonomi – Huddinge 2020" for lists where the bare section title would be ambiguous.
    func fullTitle(of page: Page) -> String {
        if case .section(let report, _) = page.kind { return "\(page.title) – \(reportLabel(report))" }
        return page.title
    }
}
