/// A piece of the content that pages read: what a rebuild compares, and what each kind of
/// page declares it reads (`PageKind.reads`). A page is rendered again exactly when
/// something it reads changed (`Invalidation`).
///
/// A file that other pages quote from is two pieces: the whole file, which its own page reads,
/// and the part other pages show (a municipality's names, scope and verdict words, a theme's
/// title), so that editing a municipality's text renders its page alone. What every page of a
/// kind reads comes in two sizes too: a change of Haninge's names is `.municipalityFacts("haninge")`
/// and `.everyMunicipalityFacts`, so Haninge's reports read the first and the search page,
/// which names every municipality, the second.
public enum Dependency: Hashable, Sendable {
    /// The site's title and description (the front matter of `content/index.md`): every page
    /// shows the title.
    case siteFrame
    /// The start page's own file, `content/index.md`.
    case home
    /// A standalone page's file (`content/tillganglighet.md`), by id.
    case page(String)
    /// The common scale's file.
    case scale
    /// The scale's levels as goals show them: id and label.
    case scaleLevels
    /// A municipality's file, by id.
    case municipality(String)
    /// What other pages show of a municipality: its names, its committee's scope (which
    /// comparisons weigh) and its verdict words (which goals are shown by).
    case municipalityFacts(String)
    case everyMunicipalityFacts
    /// A metric's file, by id.
    case metric(String)
    /// What other pages show of a metric, or its figures are normalised and compared by:
    /// title, unit, kind, base, forecasts, themes.
    case metricFacts(String)
    case everyMetricFacts
    /// A theme's file, by id.
    case theme(String)
    case themeTitle(String)
    case everyThemeTitle
    /// A report's identity: what its label, citations, comparable sets and its place among a
    /// municipality's reports are made of (municipality, year, period, kind, document address, draft).
    case reportIdentity(String)
    case everyReportIdentity
    /// A report's label, "Huddinge 2020": its municipality and year.
    case reportLabel(String)
    case everyReportLabel
    case reportTitle(String)
    /// The whole of a report's `index.md`.
    case reportText(String)
    /// A report's sections as its pages list them: kind, title and what each summarises.
    case sectionList(String)
    /// One section's file, whole: text, figures, tables, goals.
    case section(report: String, kind: SectionKind)
    /// A report's figures of one metric, with the titles of the sections that state them.
    case figures(metric: String, report: String)
    /// Every report's figures of one metric.
    case figuresOf(metric: String)
    /// Every figure of one report.
    case reportFigures(String)
    /// A report's goals, with the sections that state them.
    case goals(report: String)
    /// Every report's goals of one theme.
    case goalsOfTheme(String)
    /// Every report's sections tagged with a theme, with their titles.
    case taggedSections(theme: String)
    /// The title of every page (as lists show it, "Ekonomi – Huddinge 2020").
    case pageList
}

/// One kind of page, declared in one place: where its pages go, which template draws them,
/// their titles, and what they read. `SiteAssembler` makes the pages from these entries and
/// `Invalidation` re-renders a page when something it reads changed, so that adding a kind of
/// page is adding an entry here (and its context and template), with nothing to keep in step.
struct PageKind<Item: Sendable>: Sendable {
    let name: String
    let template: String
    let path: @Sendable (Item) -> String
    let title: @Sendable (Item, Content) -> String
    let kind: @Sendable (Item) -> Page.Kind
    /// What the page reads, worked out from the index of the build it belongs to.
    let reads: @Sendable (Item, SiteIndex) -> Set<Dependency>

    /// The page of one item.
    func page(_ item: Item, in content: Content) -> Page {
        let reads = self.reads
        return Page(path: path(item), title: title(item, content), template: template, kind: kind(item),
                    reads: { reads(item, $0) })
    }

    /// The pages of this kind that the whole content has.
    func each(_ items: @escaping @Sendable (Content) -> [Item]) -> PageCatalogue.Slot {
        let kind = PageCatalogue.Slot.Kind(name: name) { content in items(content).map { page($0, in: content) } }
        return PageCatalogue.Slot(kinds: [kind], pages: kind.pages)
    }

    /// The pages of this kind that one group has (a report's sections, a metric's years).
    func of<Group>(_ items: @escaping @Sendable (Group) -> [Item]) -> PageCatalogue.GroupedKind<Group> {
        PageCatalogue.GroupedKind(name: name) { group, content in items(group).map { page($0, in: content) } }
    }
}

/// Every kind of page of the site, in the order the site lists its pages (sitemap, search
/// page): start page, standalone pages, the scale, municipalities, comparisons (each metric
/// with its years), themes, goals, each report with its sections, search, the missing page.
enum PageCatalogue {
    /// A place in the site's order of pages, holding one kind of page or several kinds
    /// taken group by group.
    struct Slot: Sendable {
        struct Kind: Sendable {
            let name: String
            let pages: @Sendable (Content) -> [Page]
        }

        /// Each kind on its own, for tests.
        let kinds: [Kind]
        /// The pages of every kind, in site order.
        let pages: @Sendable (Content) -> [Page]
    }

    /// A kind of page made per group: per report, per metric.
    struct GroupedKind<Group>: Sendable {
        let name: String
        let pages: @Sendable (Group, Content) -> [Page]
    }

    /// For each group in turn, its pages of each of `kinds`: a report's page, then its sections'.
    static func each<Group>(_ groups: @escaping @Sendable (Content) -> [Group], _ kinds: [GroupedKind<Group>]) -> Slot {
        Slot(kinds: kinds.map { kind in Slot.Kind(name: kind.name) { content in groups(content).flatMap { kind.pages($0, content) } } },
             pages: { content in groups(content).flatMap { group in kinds.flatMap { $0.pages(group, content) } } })
    }

    static let slots: [Slot] = [
        home.each { _ in [()] },
        page.each(\.pages),
        scale.each { [$0.scale].compactMap { $0 } },
        municipality.each(\.municipalities),
        metricIndex.each { _ in [()] },
        each({ content in
            let years = content.yearsWithFigures()
            return content.metrics.map { ($0, (years[$0.id] ?? []).sorted()) }
        }, [metric.of { [$0.0] }, metricYear.of { metric, years in years.map { (metric, $0) } }]),
        themeIndex.each { _ in [()] },
        theme.each(\.themes),
        goals.each { _ in [()] },
        goalsOfTheme.each { content in
            content.themes.filter { theme in content.reports.contains { $0.hasGoals(inTheme: theme.id) } }
        },
        goalsOfMunicipality.each { content in
            content.municipalities.filter { municipality in
                content.reports.contains { $0.index.matter.municipality.value == municipality.id && $0.hasGoals(inTheme: nil) }
            }
        },
        each(\.reports, [report.of { [$0] }, section.of { report in report.sections.map { (report, $0) } }]),
        search.each { _ in [()] },
        notFound.each { _ in [()] },
    ]

    /// Every page of `content`, in site order (before addresses are checked).
    static func pages(of content: Content) -> [Page] {
        slots.flatMap { $0.pages(content) }
    }

    /// The metrics whose headline figures the start page and a report's page show.
    static let headlineMetrics = ["nettokostnad", "budgetavvikelse", "sjukfranvaro"]

    // MARK: - The kinds

    static let home = PageKind<Void>(
        name: "home", template: "home", path: { "" },
        title: { _, content in content.home?.matter.title ?? "Socialnämnder i jämförelse" },
        kind: { .home },
        reads: { _, index in
            // Every report's card (identity, title, goal counts, headline figures), the
            // metrics and themes by title.
            var reads: Set<Dependency> = [.siteFrame, .home, .scaleLevels, .everyMunicipalityFacts, .everyReportIdentity,
                                          .everyMetricFacts, .everyThemeTitle]
            for report in index.content.reports { reads.formUnion([.goals(report: report.id), .reportTitle(report.id)]) }
            for metric in headlineMetrics { reads.insert(.figuresOf(metric: metric)) }
            return reads
        })

    static let page = PageKind<Document<PageMatter>>(
        name: "page", template: "page", path: { "\($0.id)/" }, title: { page, _ in page.matter.title },
        kind: { .page($0) }, reads: { page, _ in [.siteFrame, .page(page.id)] })

    static let scale = PageKind<Document<ScaleMatter>>(
        name: "scale", template: "scale", path: { _ in "bedomningsskala/" }, title: { scale, _ in scale.matter.title },
        kind: { .scale($0) }, reads: { _, _ in [.siteFrame, .scale, .everyMunicipalityFacts] })

    static let municipality = PageKind<Document<MunicipalityMatter>>(
        name: "municipality", template: "municipality", path: { "kommuner/\($0.id)/" },
        title: { municipality, _ in municipality.matter.name }, kind: { .municipality($0) },
        reads: { municipality, index in
            // Its reports, the scale its verdict words map to, and the other municipalities
            // (with their reports on a small site).
            var reads: Set<Dependency> = [.siteFrame, .municipality(municipality.id), .scaleLevels, .everyMunicipalityFacts]
            if index.content.reports.count <= SiteIndex.listsEveryReportUpTo { reads.insert(.everyReportLabel) }
            // Its metrics over the years: each report's headline outcomes, metrics by title.
            reads.insert(.everyMetricFacts)
            for report in index.reportsByMunicipality[municipality.id] ?? [] {
                reads.formUnion([.reportIdentity(report.id), .reportTitle(report.id), .reportFigures(report.id)])
            }
            return reads
        })

    static let metricIndex = PageKind<Void>(
        name: "metric-index", template: "metric-index", path: { "jamfor/" }, title: { _, _ in "Jämför nyckeltal" },
        kind: { .metricIndex },
        reads: { _, index in
            // Each metric's definition and the counts of its comparison.
            var reads: Set<Dependency> = [.siteFrame, .everyReportIdentity, .everyMunicipalityFacts]
            for metric in index.content.metrics { reads.formUnion([.metric(metric.id), .figuresOf(metric: metric.id)]) }
            return reads
        })

    static let metric = PageKind<Document<MetricMatter>>(
        name: "metric", template: "metric", path: { "jamfor/\($0.id)/" }, title: { metric, _ in metric.matter.title },
        kind: { .metric($0) },
        reads: { metric, _ in
            // The comparison of every report's figures: its sets, the reports without a value
            // and why (their municipalities' scopes), and the metric's themes.
            var reads: Set<Dependency> = [.siteFrame, .metric(metric.id), .figuresOf(metric: metric.id),
                                          .everyReportIdentity, .everyMunicipalityFacts]
            for theme in metric.matter.themes ?? [] { reads.insert(.themeTitle(theme.value)) }
            return reads
        })

    static let metricYear = PageKind<(Document<MetricMatter>, Int)>(
        name: "metric-year", template: "metric", path: { "jamfor/\($0.0.id)/\($0.1)/" },
        title: { item, _ in "\(item.0.matter.title) \(item.1)" }, kind: { .metricYear($0.0, $0.1) },
        reads: { item, index in
            // The comparison of that year's reports only.
            let (metric, year) = item
            var reads: Set<Dependency> = [.siteFrame, .metric(metric.id)]
            for theme in metric.matter.themes ?? [] { reads.insert(.themeTitle(theme.value)) }
            for report in index.reportsByYear[year] ?? [] {
                reads.formUnion([.figures(metric: metric.id, report: report.id), .reportIdentity(report.id),
                                 .municipalityFacts(report.index.matter.municipality.value)])
            }
            return reads
        })

    static let themeIndex = PageKind<Void>(
        name: "theme-index", template: "theme-index", path: { "teman/" }, title: { _, _ in "Teman" },
        kind: { .themeIndex },
        reads: { _, index in
            var reads: Set<Dependency> = [.siteFrame]
            for theme in index.content.themes { reads.formUnion([.theme(theme.id), .taggedSections(theme: theme.id)]) }
            return reads
        })

    static let theme = PageKind<Document<ThemeMatter>>(
        name: "theme", template: "theme", path: { "teman/\($0.id)/" }, title: { theme, _ in theme.matter.title },
        kind: { .theme($0) },
        reads: { theme, index in
            // Every report (by label) with its sections and goals of the theme; the theme's
            // metrics (a metric that joins the theme reads as one in the new site's index).
            var reads: Set<Dependency> = [.siteFrame, .theme(theme.id), .taggedSections(theme: theme.id), .goalsOfTheme(theme.id),
                                          .everyReportIdentity, .everyMunicipalityFacts, .scaleLevels]
            for metric in index.metricsByTheme[theme.id] ?? [] { reads.insert(.metricFacts(metric.id)) }
            return reads
        })

    static let goals = PageKind<Void>(
        name: "goals", template: "goals", path: { "mal/" }, title: { _, _ in "Mål och måluppfyllelse i jämförelse" },
        kind: { .goals },
        reads: { _, index in
            // Every theme's goals (or their counts on a large site), and the pages narrowed to
            // each theme and municipality, named by their titles.
            var reads: Set<Dependency> = [.siteFrame, .everyThemeTitle, .scaleLevels, .everyMunicipalityFacts, .everyReportLabel]
            for theme in index.content.themes { reads.insert(.goalsOfTheme(theme.id)) }
            return reads
        })

    static let goalsOfTheme = PageKind<Document<ThemeMatter>>(
        name: "goals-of-theme", template: "goals", path: { "mal/tema/\($0.id)/" },
        title: { theme, _ in "Mål inom \(theme.matter.title.lowercasedFirst)" }, kind: { .goalsOfTheme($0) },
        reads: { theme, index in
            // On a large site each municipality's latest report with goals of the theme.
            [.siteFrame, .themeTitle(theme.id), .goalsOfTheme(theme.id), .scaleLevels, .everyMunicipalityFacts,
             index.content.reports.count <= SiteIndex.listsEveryReportUpTo ? .everyReportLabel : .everyReportIdentity]
        })

    static let goalsOfMunicipality = PageKind<Document<MunicipalityMatter>>(
        name: "goals-of-municipality", template: "goals", path: { "mal/kommun/\($0.id)/" },
        title: { municipality, _ in "Mål i \(municipality.matter.name)" }, kind: { .goalsOfMunicipality($0) },
        reads: { municipality, index in
            var reads: Set<Dependency> = [.siteFrame, .municipalityFacts(municipality.id), .everyThemeTitle, .scaleLevels]
            for report in index.reportsByMunicipality[municipality.id] ?? [] {
                reads.formUnion([.goals(report: report.id), .reportLabel(report.id)])
            }
            return reads
        })

    static let report = PageKind<Report>(
        name: "report", template: "report", path: { "\($0.id)/" }, title: { report, _ in report.index.matter.title },
        kind: { .report($0) },
        reads: { report, index in
            // Its facts, sections, headline figures, and the reports to read next.
            var reads: Set<Dependency> = [.siteFrame, .reportText(report.id), .reportIdentity(report.id), .reportTitle(report.id),
                                          .sectionList(report.id), .municipalityFacts(report.index.matter.municipality.value)]
            for metric in headlineMetrics { reads.formUnion([.figures(metric: metric, report: report.id), .metricFacts(metric)]) }
            for other in index.comparisons[report.id] ?? [] {
                reads.formUnion([.reportLabel(other.reportID), .reportTitle(other.reportID), .municipalityFacts(other.municipalityID)])
            }
            return reads
        })

    static let section = PageKind<(Report, Section)>(
        name: "section", template: "section", path: { "\($0.0.id)/\($0.1.kind.rawValue)/" },
        title: { item, _ in item.1.document.matter.title }, kind: { .section($0.0, $0.1) },
        reads: { item, index in
            let (report, section) = item
            let matter = section.document.matter
            // Its own file, the report it belongs to (label, neighbours), the metrics and
            // themes it names, and the same section of each report it compares with.
            var reads: Set<Dependency> = [.siteFrame, .section(report: report.id, kind: section.kind), .reportIdentity(report.id),
                                          .reportTitle(report.id), .sectionList(report.id),
                                          .municipalityFacts(report.index.matter.municipality.value)]
            if !(matter.goals ?? []).isEmpty { reads.insert(.scaleLevels) }
            for theme in matter.themes ?? [] { reads.insert(.themeTitle(theme.value)) }
            for figure in matter.figures ?? [] { reads.insert(.metricFacts(figure.metric.value)) }
            for other in index.comparisons[report.id] ?? [] {
                reads.formUnion([.reportLabel(other.reportID), .municipalityFacts(other.municipalityID), .sectionList(other.reportID)])
            }
            return reads
        })

    static let search = PageKind<Void>(
        name: "search", template: "search", path: { "sok/" }, title: { _, _ in "Sök" }, kind: { .search },
        reads: { _, _ in [.siteFrame, .pageList, .everyMunicipalityFacts, .everyReportLabel] })

    static let notFound = PageKind<Void>(
        name: "not-found", template: "not-found", path: { "404/" }, title: { _, _ in "Sidan finns inte" }, kind: { .notFound },
        reads: { _, _ in [.siteFrame] })
}
