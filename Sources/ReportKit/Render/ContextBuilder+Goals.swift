import Mustache

/// What `goals.mustache` shows: the goals of every report grouped by theme, or counts of their
/// verdicts on a large site, with the links that narrow the list and the in-page filter.
final class GoalsContext: MustacheParent {
    var groups: [Group] = []
    var scaleHref = TemplateText("")
    var summaryNote: TemplateText?
    var allHref: TemplateText?
    var byTheme: TemplateItems<LinkRow>?
    var byMunicipality: TemplateItems<LinkRow>?
    var filter: Filter?

    func child(named name: String) -> Any? {
        switch name {
        case "groups": groups
        case "scale_href": scaleHref
        case "summary_note": summaryNote
        case "all_href": allHref
        case "by_theme": byTheme
        case "by_municipality": byMunicipality
        case "filter": filter
        default: nil
        }
    }

    /// A theme's goals, or (on a large site) how many got each verdict.
    final class Group: MustacheParent {
        let theme: TemplateText
        let themeHref: TemplateText
        let id: TemplateText
        let goals: TemplateItems<RenderedFragment>?
        let summary: Summary?

        init(theme: String, themeHref: String, id: String, goals: TemplateItems<RenderedFragment>?, summary: Summary?) {
            self.theme = TemplateText(theme)
            self.themeHref = TemplateText(themeHref)
            self.id = TemplateText(id)
            self.goals = goals
            self.summary = summary
        }

        func child(named name: String) -> Any? {
            switch name {
            case "theme": theme
            case "theme_href": themeHref
            case "id": id
            case "goals": goals
            case "summary": summary
            default: nil
            }
        }
    }

    /// "12 mål i 3 rapporter:" and the count at each level.
    final class Summary: MustacheParent {
        let total: TemplateText
        let levels: [LevelCountRow]

        init(total: String, levels: [LevelCountRow]) {
            self.total = TemplateText(total)
            self.levels = levels
        }

        func child(named name: String) -> Any? {
            switch name {
            case "total": total
            case "levels": levels
            default: nil
            }
        }
    }

    /// The in-page filter: its script and the choices of each of its lists.
    final class Filter: MustacheParent {
        let script: TemplateText
        let municipalities: [OptionRow]
        let themes: [OptionRow]
        let levels: [OptionRow]

        init(script: String, municipalities: [OptionRow], themes: [OptionRow], levels: [OptionRow]) {
            self.script = TemplateText(script)
            self.municipalities = municipalities
            self.themes = themes
            self.levels = levels
        }

        func child(named name: String) -> Any? {
            switch name {
            case "script": script
            case "municipalities": municipalities
            case "themes": themes
            case "levels": levels
            default: nil
            }
        }
    }
}

extension ContextBuilder {
    /// Each theme's goals in every report, or, narrowed, one theme's or one municipality's.
    /// On a large site the whole list shows how many goals got each verdict instead, and the
    /// narrowed pages list them: listed here too, they would make one page of every goal of
    /// every report (8 MB at 1 000 reports).
    func goals(_ page: Page, theme only: String? = nil, municipality: String? = nil) -> GoalsContext {
        let narrowed = only != nil || municipality != nil
        let listed = narrowed || content.reports.count <= Self.listsEveryReportUpTo
        // Narrowed to a theme on a large site: each municipality's latest report with goals of
        // it; the municipality's goals page lists them all.
        let latestOnly = only != nil && content.reports.count > Self.listsEveryReportUpTo
        let reports = municipality.map { index.reportsByMunicipality[$0] ?? [] }
            ?? (latestOnly ? content.latestReports(preferring: Set(content.reports.filter { $0.hasGoals(inTheme: only) }.map(\.id)))
                           : content.reports)
        let context = GoalsContext()
        for theme in content.themes where only == nil || theme.id == only {
            var goals: TemplateItems<RenderedFragment>?
            var summary: GoalsContext.Summary?
            if listed {
                guard let rows = TemplateItems.wrap(goalRows(theme: theme.id, reports: reports, page: page)) else { continue }
                goals = rows
            } else {
                guard let counts = goalSummary(theme: theme.id) else { continue }
                summary = counts
            }
            context.groups.append(GoalsContext.Group(theme: theme.matter.title, themeHref: linker.href(from: page, to: "teman/\(theme.id)/"),
                                                     id: "tema-\(theme.id)", goals: goals, summary: summary))
        }
        context.scaleHref = TemplateText(linker.href(from: page, to: "bedomningsskala/"))
        if !listed {
            context.summaryNote = TemplateText("Med \(content.reports.count) rapporter visas här hur många mål som fått varje bedömning; sidorna per tema och kommun listar målen.")
        } else if latestOnly {
            context.summaryNote = TemplateText("Med \(content.reports.count) rapporter visas här målen i varje kommuns senaste rapport med mål inom temat; kommunens sida om mål listar alla år.")
        }
        if narrowed {
            context.allHref = TemplateText(linker.href(from: page, to: "mal/"))
        } else {
            narrowing(context, page, listed: listed)
        }
        return context
    }

    /// Links to the goals page narrowed to each theme and each municipality (the baseline
    /// without JavaScript), and, where the page lists every goal, the in-page filter.
    private func narrowing(_ context: GoalsContext, _ page: Page, listed: Bool) {
        let pages = site.pages
        context.byTheme = TemplateItems.wrap(pages.compactMap { target in
            guard case .goalsOfTheme(let theme) = target.kind else { return nil }
            return LinkRow(title: theme.matter.title, href: linker.href(from: page, to: target.path))
        })
        context.byMunicipality = TemplateItems.wrap(pages.compactMap { target in
            guard case .goalsOfMunicipality(let municipality) = target.kind else { return nil }
            return LinkRow(title: municipality.matter.shortName, href: linker.href(from: page, to: target.path))
        })
        guard listed else { return }
        context.filter = GoalsContext.Filter(
            script: linker.href(from: page, toFile: "assets/mal.js"),
            municipalities: content.municipalities.map { OptionRow(id: $0.id, name: $0.matter.shortName) },
            themes: content.themes.map { OptionRow(id: $0.id, name: $0.matter.title) },
            levels: (content.scale?.matter.levels ?? []).map { OptionRow(id: $0.id.value, name: $0.label) })
    }

    /// How many of a theme's goals, over every report, got each level of the common scale.
    func goalSummary(theme: String) -> GoalsContext.Summary? {
        var counts: [String: Int] = [:]
        let goals = index.goalsByTheme[theme] ?? []
        let total = goals.count, reports = Set(goals.map(\.report.id)).count
        for placed in goals {
            counts[level(of: placed.goal, in: placed.report)?.id.value ?? "ej-bedomt", default: 0] += 1
        }
        guard total > 0 else { return nil }
        return GoalsContext.Summary(total: "\(total) mål i \(reports) rapporter", levels: (content.scale?.matter.levels ?? []).map { level in
            LevelCountRow(label: level.label, count: counts[level.id.value] ?? 0, level: level.id.value)
        })
    }

    /// The goals of one theme in `reports`, in the order of `reports`, each linking to where
    /// its report states it.
    /// The same goal is shown alike on every such page of the same folder depth (a theme's
    /// and a municipality's goals pages), so each is rendered once per (goal, theme, depth).
    func goalRows(theme: String, reports: [Report], page: Page) -> [RenderedFragment] {
        let position = Dictionary(reports.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let root = linker.root(from: page)
        return (index.goalsByTheme[theme] ?? []).enumerated()
            .compactMap { offset, placed in position[placed.report.id].map { ($0, offset, placed) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map { _, _, placed in
                let key = GoalFragmentKey(report: placed.report.id, goal: placed.goal.id.value, theme: theme, root: root)
                return goalFragments.fragment(key) { renderGoal(gatheredGoal(placed, theme: theme, page: page)) }
            }
    }

    /// A goal as the pages that gather goals show it: with its report, a link to it there
    /// and the filter's data.
    private func gatheredGoal(_ placed: SiteIndex.PlacedGoal, theme: String, page: Page) -> GoalContext {
        let (goal, report, section) = (placed.goal, placed.report, placed.section)
        // Prefixed with the report: two reports may use the same goal id.
        let row = goalContext(goal, report: report, page: page, anchor: "\(report.id)-mal-\(goal.id.value)",
                              sectionPath: sectionPath(report, section))
        row.report = TemplateText(reportLabel(report))
        row.filter = GoalContext.Filter(municipalityID: report.index.matter.municipality.value, themeID: theme)
        row.href = TemplateText(linker.href(from: page, to: sectionPath(report, section), anchor: "mal-\(goal.id.value)"))
        return row
    }
}
