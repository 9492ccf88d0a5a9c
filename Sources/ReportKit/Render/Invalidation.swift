/// Which pages a change of content reaches, for incremental rebuilds in `serve`: the pages
/// whose declared reads (`PageCatalogue`) include a piece of content (`Dependency`) that
/// differs between the last build and this one. There is no list of pages here to keep in
/// step with the pages: a kind of page that reads something new declares it in its entry.
///
/// A change of the site's shape (a page added or removed, an address, an asset, a file that
/// failed or a draft) re-renders the whole site, as does a change of templates (the caller
/// drops its memo). Backlinks are compared after Markdown has been rendered, by the
/// renderer. Tests compare incremental output with a build from scratch.
enum Invalidation {
    /// Page path → what the page reads (its kind's declaration, `Page.reads`), for every page
    /// of one build: worked out once per build and kept for the next one, which finds there
    /// the pages of the old site that read what changed.
    typealias Reads = [String: Set<Dependency>]

    /// Every page's reads in `index`, on every core when `parallel`.
    static func reads(of index: SiteIndex, parallel: Bool = true) -> Reads {
        let pages = index.site.pages
        let reads = Parallel.map(pages, parallel: parallel) { $0.reads(index) }
        return Dictionary(zip(pages.map(\.path), reads), uniquingKeysWith: { first, _ in first })
    }

    /// The pages to render again, and among them the changed reports' own pages, which
    /// `serve` renders first; nil when every page must be rendered.
    static func change(from old: SiteIndex, to new: SiteIndex) -> (pages: Set<String>, own: Set<String>)? {
        change(from: old, reading: reads(of: old), to: new).change
    }

    /// `change(from:to:)` with the old site's reads as the last build left them (`oldReads`),
    /// returning the new site's reads for the next build when it worked them out: only when
    /// something changed, and not when every page is rendered (nil: the next build works out
    /// this one's reads from its index). Unchanged content has the same reads.
    static func change(from old: SiteIndex, reading oldReads: Reads, to new: SiteIndex, parallel: Bool = true)
        -> (change: (pages: Set<String>, own: Set<String>)?, reads: Reads?) {
        guard let changed = changes(from: old, to: new) else { return (nil, nil) }
        guard !changed.isEmpty else { return (([], []), oldReads) }
        let newReads = reads(of: new, parallel: parallel)
        let pages = self.pages(reading: changed, in: oldReads).union(self.pages(reading: changed, in: newReads))
        let changedReports = Set(zip(old.content.reports, new.content.reports).filter { $0 != $1 }.map(\.1.id))
        let own = new.site.pages.filter { page in
            switch page.kind {
            case .report(let report), .section(let report, _): return changedReports.contains(report.id) && pages.contains(page.path)
            default: return false
            }
        }
        return ((pages, Set(own.map(\.path))), newReads)
    }

    /// The paths of the pages that read any of `changed`.
    static func pages(reading changed: Set<Dependency>, in reads: Reads) -> Set<String> {
        guard !changed.isEmpty else { return [] }
        return Set(reads.compactMap { $0.value.isDisjoint(with: changed) ? nil : $0.key })
    }

    /// What differs between two builds' content, one comparison per kind of input; nil when
    /// the site's shape changed, so that every page must be rendered.
    static func changes(from old: SiteIndex, to new: SiteIndex) -> Set<Dependency>? {
        let (before, after) = (old.content, new.content)
        guard sameShape(old.site, new.site) else { return nil }
        var changed = home(before.home, after.home)
        changed.formUnion(documents(before.pages, after.pages, file: Dependency.page))
        changed.formUnion(scale(before.scale, after.scale))
        changed.formUnion(documents(before.municipalities, after.municipalities, file: Dependency.municipality,
                                    shared: (municipalityFacts, Dependency.municipalityFacts, .everyMunicipalityFacts)))
        changed.formUnion(documents(before.metrics, after.metrics, file: Dependency.metric,
                                    shared: (metricFacts, Dependency.metricFacts, .everyMetricFacts)))
        changed.formUnion(documents(before.themes, after.themes, file: Dependency.theme,
                                    shared: ({ [$0.title] }, Dependency.themeTitle, .everyThemeTitle)))
        for (was, now) in zip(before.reports, after.reports) { changed.formUnion(report(was, now)) }
        // Titles are compared only when something a title is made of changed: on a large site
        // that is ten thousand strings to make twice.
        if changed.contains(where: \.mayRetitle),
           old.site.pages.map(old.fullTitle(of:)) != new.site.pages.map(new.fullTitle(of:)) { changed.insert(.pageList) }
        return changed
    }

    /// The same pages at the same addresses, from the same files, with the same assets,
    /// failed files and drafts (which links in Markdown are checked against).
    static func sameShape(_ old: Site, _ new: Site) -> Bool {
        let (before, after) = (old.content, new.content)
        return old.pages.map(\.path) == new.pages.map(\.path) && old.pathsBySource == new.pathsBySource
            && (before.home == nil) == (after.home == nil)
            && before.pages.map(\.id) == after.pages.map(\.id)
            && before.municipalities.map(\.id) == after.municipalities.map(\.id)
            && before.metrics.map(\.id) == after.metrics.map(\.id)
            && before.themes.map(\.id) == after.themes.map(\.id)
            && before.reports.map(\.id) == after.reports.map(\.id)
            && zip(before.reports, after.reports).allSatisfy { $0.sections.map(\.kind) == $1.sections.map(\.kind) }
            && before.assets == after.assets && before.failedFiles == after.failedFiles && before.draftFiles == after.draftFiles
    }

    // MARK: - One comparison per kind of input

    /// `content/index.md`: its title and description are on every page.
    static func home(_ was: Document<PageMatter>?, _ now: Document<PageMatter>?) -> Set<Dependency> {
        guard was != now else { return [] }
        var changed: Set<Dependency> = [.home]
        if was?.matter.title != now?.matter.title || was?.matter.description != now?.matter.description { changed.insert(.siteFrame) }
        return changed
    }

    /// Files of one kind (same ids in the same order, see `sameShape`): each file that differs,
    /// and where the part other pages show (`shared.part`) differs, that part and `shared.every`.
    static func documents<Matter>(_ was: [Document<Matter>], _ now: [Document<Matter>], file: (String) -> Dependency,
                                  shared: (part: (Matter) -> [AnyHashable], dependency: (String) -> Dependency, every: Dependency)? = nil)
        -> Set<Dependency> {
        var changed: Set<Dependency> = []
        for (a, b) in zip(was, now) where a != b {
            changed.insert(file(b.id))
            if let shared, shared.part(a.matter) != shared.part(b.matter) { changed.formUnion([shared.dependency(b.id), shared.every]) }
        }
        return changed
    }

    /// The scale: its levels' ids and labels are on every page that shows a goal.
    static func scale(_ was: Document<ScaleMatter>?, _ now: Document<ScaleMatter>?) -> Set<Dependency> {
        guard was != now else { return [] }
        let levels = { (scale: Document<ScaleMatter>?) in (scale?.matter.levels ?? []).map { [$0.id.value, $0.label] } }
        return levels(was) == levels(now) ? [.scale] : [.scale, .scaleLevels]
    }

    static func municipalityFacts(_ matter: MunicipalityMatter) -> [AnyHashable] {
        [matter.name, matter.shortName, matter.scope, matter.verdictScale]
    }

    static func metricFacts(_ matter: MetricMatter) -> [AnyHashable] {
        [matter.title, matter.unit, matter.kind, matter.base, matter.forecastComparable, matter.themes]
    }

    /// What other pages show of a report, or its label, citations and comparable sets are
    /// made of (its committee, diarienummer, decision date and source are on its own page).
    static func identity(_ matter: ReportMatter) -> [AnyHashable] {
        [matter.municipality, matter.reportKind, matter.year, matter.period, matter.documentURL, matter.draft]
    }

    /// "Huddinge 2020".
    static func label(_ matter: ReportMatter) -> [AnyHashable] {
        [matter.municipality.value, matter.year.value]
    }

    /// A report: its identity, its text, its list of sections, each section's file, and the
    /// figures, goals and theme tags other pages gather from it.
    static func report(_ was: Report, _ now: Report) -> Set<Dependency> {
        guard was != now else { return [] }
        let id = now.id
        var changed: Set<Dependency> = []
        if identity(was.index.matter) != identity(now.index.matter) { changed.formUnion([.reportIdentity(id), .everyReportIdentity]) }
        if label(was.index.matter) != label(now.index.matter) { changed.formUnion([.reportLabel(id), .everyReportLabel]) }
        if was.index.matter.title != now.index.matter.title { changed.insert(.reportTitle(id)) }
        if was.index != now.index { changed.insert(.reportText(id)) }
        if sectionList(was) != sectionList(now) { changed.insert(.sectionList(id)) }
        for (a, b) in zip(was.sections, now.sections) where a != b { changed.insert(.section(report: id, kind: b.kind)) }
        let (figuresBefore, figuresAfter) = (figuresByMetric(was), figuresByMetric(now))
        for metric in Set(figuresBefore.keys).union(figuresAfter.keys) where figuresBefore[metric] != figuresAfter[metric] {
            changed.formUnion([.figures(metric: metric, report: id), .figuresOf(metric: metric), .reportFigures(id)])
        }
        let (goalsBefore, goalsAfter) = (goals(of: was), goals(of: now))
        if goalsBefore != goalsAfter { changed.insert(.goals(report: id)) }
        let (byThemeBefore, byThemeAfter) = (Dictionary(grouping: goalsBefore, by: \.goal.theme.value),
                                             Dictionary(grouping: goalsAfter, by: \.goal.theme.value))
        for theme in Set(byThemeBefore.keys).union(byThemeAfter.keys) where byThemeBefore[theme] != byThemeAfter[theme] {
            changed.insert(.goalsOfTheme(theme))
        }
        let (taggedBefore, taggedAfter) = (tagged(was), tagged(now))
        for theme in Set(taggedBefore.keys).union(taggedAfter.keys) where taggedBefore[theme] != taggedAfter[theme] {
            changed.insert(.taggedSections(theme: theme))
        }
        return changed
    }

    struct ListedSection: Hashable {
        let kind: SectionKind
        let title: String
        let summarises: String?
    }

    static func sectionList(_ report: Report) -> [ListedSection] {
        report.sections.map {
            ListedSection(kind: $0.kind, title: $0.document.matter.title, summarises: $0.document.matter.summarises)
        }
    }

    /// A figure as the pages that gather figures show it: with the title of its section,
    /// which its citation names.
    struct PlacedFigure: Hashable {
        let kind: SectionKind
        let sectionTitle: String
        let figure: Figure
    }

    static func figuresByMetric(_ report: Report) -> [String: [PlacedFigure]] {
        var figures: [String: [PlacedFigure]] = [:]
        for section in report.sections {
            for figure in section.document.matter.figures ?? [] {
                figures[figure.metric.value, default: []].append(
                    PlacedFigure(kind: section.kind, sectionTitle: section.document.matter.title, figure: figure))
            }
        }
        return figures
    }

    struct PlacedGoal: Hashable {
        let kind: SectionKind
        let goal: Goal
    }

    static func goals(of report: Report) -> [PlacedGoal] {
        report.sections.flatMap { section in (section.document.matter.goals ?? []).map { PlacedGoal(kind: section.kind, goal: $0) } }
    }

    /// Theme id → the report's sections tagged with it, as theme pages list them.
    static func tagged(_ report: Report) -> [String: [ListedSection]] {
        var tagged: [String: [ListedSection]] = [:]
        for section in report.sections {
            for theme in Set((section.document.matter.themes ?? []).map(\.value)) {
                tagged[theme, default: []].append(
                    ListedSection(kind: section.kind, title: section.document.matter.title, summarises: nil))
            }
        }
        return tagged
    }
}

extension Dependency {
    /// Whether a change of this may change a page's title as lists show it.
    var mayRetitle: Bool {
        switch self {
        case .siteFrame, .page, .scale, .municipalityFacts, .metricFacts, .themeTitle, .reportTitle, .reportLabel, .sectionList:
            return true
        default:
            return false
        }
    }
}
