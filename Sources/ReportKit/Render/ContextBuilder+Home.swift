import Mustache

/// What `home.mustache` shows: a card per report, then links to every metric and theme.
final class HomeContext: MustacheParent {
    var reports: [Card] = []
    var metrics: [LinkRow] = []
    var themes: [LinkRow] = []
    var goalsHref = TemplateText("")
    var reportsHeading = TemplateText("")
    /// The site's notice, or false.
    var notice: Any = false

    func child(named name: String) -> Any? {
        switch name {
        case "reports": reports
        case "metrics": metrics
        case "themes": themes
        case "goals_href": goalsHref
        case "reports_heading": reportsHeading
        case "notice": notice
        default: nil
        }
    }

    /// A report's card: what it is, its headline figures and how its goals were judged.
    final class Card: MustacheParent {
        let municipality: TemplateText
        let title: TemplateText
        let href: TemplateText
        let kind: TemplateText
        let period: TemplateText
        let months: TemplateText
        let figures: [Figure]
        let goalCounts: [LevelCountRow]
        let goalTotal: TemplateText
        let goalNote: TemplateText

        init(municipality: String, title: String, href: String, kind: String, period: String, months: String,
             figures: [Figure], goalCounts: [LevelCountRow], goalTotal: Int, goalNote: String) {
            self.municipality = TemplateText(municipality)
            self.title = TemplateText(title)
            self.href = TemplateText(href)
            self.kind = TemplateText(kind)
            self.period = TemplateText(period)
            self.months = TemplateText(months)
            self.figures = figures
            self.goalCounts = goalCounts
            self.goalTotal = TemplateText("\(goalTotal)")
            self.goalNote = TemplateText(goalNote)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "municipality": municipality
            case "title": title
            case "href": href
            case "kind": kind
            case "period": period
            case "months": months
            case "figures": figures
            case "goal_counts": goalCounts
            case "goal_total": goalTotal
            case "goal_note": goalNote
            default: nil
            }
        }
    }

    /// A headline figure on a card: its value and what it is ("jan–aug, utfall"), or false.
    final class Figure: MustacheParent {
        let label: TemplateText
        let value: TemplateText
        let what: Any

        init(label: String, value: String, what: String?) {
            self.label = TemplateText(label)
            self.value = TemplateText(value)
            self.what = TemplateText.orFalse(what)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "value": value
            case "what": what
            default: nil
            }
        }
    }
}

extension ContextBuilder {
    /// The start page: a card for every report on a site of a few, else for the latest report
    /// of each municipality, so that the page grows with the municipalities, not the reports.
    func home(_ page: Page) -> HomeContext {
        let context = HomeContext()
        let shown = content.reports.count <= Self.listsEveryReportUpTo ? content.reports : content.latestReports()
        context.reports = shown.map { report in
            let goals = report.sections.flatMap { $0.document.matter.goals ?? [] }
            let counts = (content.scale?.matter.levels ?? []).map { level in
                LevelCountRow(label: level.label, count: goals.filter { self.level(of: $0, in: report)?.id.value == level.id.value }.count,
                              level: level.id.value)
            }
            let period = report.index.matter.period.value
            return HomeContext.Card(
                municipality: municipalityName(report), title: report.index.matter.title,
                href: linker.href(from: page, to: "\(report.id)/"), kind: reportKindLabel(report),
                period: "\(period.start) – \(period.end)", months: "\(period.months) månader",
                figures: [("Nettokostnad", "nettokostnad"), ("Budgetavvikelse", "budgetavvikelse"), ("Sjukfrånvaro", "sjukfranvaro")]
                    .map { label, metric in
                        let (value, what) = labelledParts(headline(metric, in: report))
                        return HomeContext.Figure(label: label, value: value, what: what)
                    },
                goalCounts: counts, goalTotal: goals.count, goalNote: goalNote(goals, report: report))
        }
        context.metrics = metricsByTitle.map { LinkRow(title: $0.matter.title, href: linker.href(from: page, to: "jamfor/\($0.id)/")) }
        context.themes = content.themes.map { LinkRow(title: $0.matter.title, href: linker.href(from: page, to: "teman/\($0.id)/")) }
        context.goalsHref = TemplateText(linker.href(from: page, to: "mal/"))
        let home = content.home?.matter
        let count = NumberFormat.swedishWord(shown.count)
        if shown.count < content.reports.count {
            context.reportsHeading = TemplateText("Den senaste rapporten från varje kommun")
        } else {
            context.reportsHeading = TemplateText(home?.reportsHeading.map { $0.replacingAll("{antal}", with: count) }
                ?? (shown.count == 1 ? "Rapporten i korthet" : "De \(count) rapporterna sida vid sida"))
        }
        // The notice is about comparing the reports: there is nothing to compare with one.
        if content.reports.count > 1, let notice = home?.notice { context.notice = TemplateText(notice) }
        return context
    }

    /// What a card's goal count counts: "21 mål som rapporten redovisar (3 kommunfullmäktiges
    /// mål, 18 nämndmål), 12 med målvärden; 2 utan bedömning. Nivåerna är webbplatsens översättning
    /// av rapportens egna ord."
    func goalNote(_ goals: [Goal], report: Report) -> String {
        let kf = goals.filter { $0.level == .kf }.count
        let withTargets = goals.filter { ($0.indicators ?? []).contains { $0.target != nil } }.count
        let unjudged = goals.filter { $0.verdict == nil }.count
        var text = "\(goals.count) mål som rapporten redovisar (\(kf) kommunfullmäktiges mål, \(goals.count - kf) nämndmål), "
            + "\(withTargets) med målvärden"
        if unjudged > 0 { text += "; \(unjudged) utan bedömning i rapporten" }
        let terms = Set(goals.compactMap { $0.verdict?.term.value }).sorted()
        if !terms.isEmpty {
            text += ". Rapportens egna ord (\(terms.map { "”\($0)”" }.joined(separator: ", "))) är översatta till den gemensamma skalan av webbplatsen"
        }
        return text + "."
    }

}
