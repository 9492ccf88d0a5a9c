import Mustache

/// What `section.mustache` shows beside the frame: where the section stands in its report,
/// what to compare it with, and its key figures, tables, contradictions and goals.
final class SectionContext: MustacheParent {
    var draft = false
    var reportTitle = TemplateText("")
    var reportLabel = TemplateText("")
    var reportHref = TemplateText("")
    var summarises = TemplateText("")
    var citation: (source: TemplateText, href: Any, quote: Any) = (TemplateText(""), false, false)
    var period = TemplateText("")
    var reportKind = TemplateText("")
    var compare: TemplateItems<CompareRow>?
    var previous: LinkRow?
    var next: LinkRow?
    var themes: TemplateItems<LinkRow>?
    var figures: FiguresTable?
    var tables: TemplateItems<GridContext>?
    var discrepancies: TemplateItems<Discrepancy>?
    var goals: TemplateItems<RenderedFragment>?

    func child(named name: String) -> Any? {
        switch name {
        case "draft": draft
        case "report_title": reportTitle
        case "report_label": reportLabel
        case "report_href": reportHref
        case "summarises": summarises
        case "source": citation.source
        case "source_href": citation.href
        case "source_quote": citation.quote
        case "period": period
        case "report_kind": reportKind
        case "compare": compare
        case "previous": previous
        case "next": next
        case "themes": themes
        case "figures": figures
        case "tables": tables
        case "discrepancies": discrepancies
        case "goals": goals
        default: nil
        }
    }

    /// Another report in "Jämför med": its same section (`href`), else its nearest section
    /// (`nearest`), else its start page (`start_href`); the two it does not use are false, so
    /// that Mustache does not look for them further out.
    final class CompareRow: MustacheParent {
        let label: TemplateText
        let href: Any
        let nearest: Any
        let startHref: Any

        init(label: String, href: String?, nearest: LinkRow?, startHref: String?) {
            self.label = TemplateText(label)
            self.href = TemplateText.orFalse(href)
            self.nearest = nearest ?? false as Any
            self.startHref = TemplateText.orFalse(startHref)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "href": href
            case "nearest": nearest
            case "start_href": startHref
            default: nil
            }
        }
    }

    /// Two places where the report says different things: `{{note}} ({{lines}})`.
    final class Discrepancy: MustacheParent {
        let note: TemplateText
        let lines: TemplateText

        init(note: String, lines: String) {
            self.note = TemplateText(note)
            self.lines = TemplateText(lines)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "note": note
            case "lines": lines
            default: nil
            }
        }
    }
}

/// The key-figure table of a section (`partials/figures`): its anchor, CSV link and size, and a
/// row per figure, which the partial lays out itself.
final class FiguresTable: MustacheParent {
    let id: TemplateText
    let long: Bool
    let what: TemplateText
    let csvHref: TemplateText
    let csvSize: TemplateText
    let items: [FigureRow]

    init(id: String, long: Bool, what: String, csvHref: String, csvSize: String, items: [FigureRow]) {
        self.id = TemplateText(id)
        self.long = long
        self.what = TemplateText(what)
        self.csvHref = TemplateText(csvHref)
        self.csvSize = TemplateText(csvSize)
        self.items = items
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "long": long
        case "what": what
        case "csv_href": csvHref
        case "csv_size": csvSize
        case "items": items
        default: nil
        }
    }
}

/// A figure's row on its section page: the parts every page showing the figure shares
/// (`FigureFacts`, worked out once per build) and the link to its metric from this page.
final class FigureRow: MustacheParent {
    let facts: FigureFacts
    let metricHref: TemplateText

    init(facts: FigureFacts, metricHref: String) {
        self.facts = facts
        self.metricHref = TemplateText(metricHref)
    }

    func child(named name: String) -> Any? {
        name == "metric_href" ? metricHref : facts.child(named: name)
    }
}
