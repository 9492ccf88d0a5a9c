import Mustache

/// What `theme.mustache` shows: the theme's lead, per municipality its latest reports with the
/// sections that take the theme up, the goals of the theme and its metrics.
final class ThemeContext: MustacheParent {
    let lead: TemplateText
    let reports: [Entry]
    let goals: TemplateItems<RenderedFragment>?
    let metrics: TemplateItems<LinkRow>?

    init(lead: String, reports: [Entry], goals: TemplateItems<RenderedFragment>?, metrics: TemplateItems<LinkRow>?) {
        self.lead = TemplateText(lead)
        self.reports = reports
        self.goals = goals
        self.metrics = metrics
    }

    func child(named name: String) -> Any? {
        switch name {
        case "lead": lead
        case "reports": reports
        case "goals": goals
        case "metrics": metrics
        default: nil
        }
    }

    /// A report with the sections that take the theme up (`none` without any), or a
    /// municipality's older reports, counted and linked to its page.
    final class Entry: MustacheParent {
        let label: TemplateText
        let sections: [LinkRow]?
        let none: Bool
        let older: Older?

        init(label: String, sections: [LinkRow]?, none: Bool, older: Older?) {
            self.label = TemplateText(label)
            self.sections = sections
            self.none = none
            self.older = older
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "sections": sections
            case "none": none
            case "older": older
            default: nil
            }
        }
    }

    /// "3 till, se kommunens sida".
    final class Older: MustacheParent {
        let count: TemplateText
        let href: TemplateText

        init(count: Int, href: String) {
            self.count = TemplateText("\(count)")
            self.href = TemplateText(href)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "count": count
            case "href": href
            default: nil
            }
        }
    }
}

/// What `theme-index.mustache` shows: every theme with the number of reports taking it up.
final class ThemeIndexContext: MustacheParent {
    let themes: [Theme]

    init(themes: [Theme]) { self.themes = themes }

    func child(named name: String) -> Any? {
        name == "themes" ? themes : nil
    }

    final class Theme: MustacheParent {
        let title: TemplateText
        let href: TemplateText
        let description: TemplateText
        let count: TemplateText

        init(title: String, href: String, description: String, count: String) {
            self.title = TemplateText(title)
            self.href = TemplateText(href)
            self.description = TemplateText(description)
            self.count = TemplateText(count)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "href": href
            case "description": description
            case "count": count
            default: nil
            }
        }
    }
}
