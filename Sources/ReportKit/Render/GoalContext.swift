import Mustache

/// A goal as `partials/goal` shows it, on its section page and on the pages that gather goals
/// (which add the report it is from, a link to it there and the filter's data).
final class GoalContext: MustacheParent {
    /// The partial a goal is rendered from, once per `GoalFragmentKey`.
    static let template = "partials/goal"

    let id: TemplateText
    let title: TemplateText
    let level: TemplateText
    let verdictLevel: TemplateText
    let verdictClass: TemplateText
    let verdictQuote: TemplateText?
    let verdictSource: TemplateText?
    let verdictMapping: TemplateText?
    let indicators: GridContext?
    /// Gathering pages only.
    var report: TemplateText?
    var href: TemplateText?
    /// The `data-` attributes the goals page's filter reads, or false.
    var filter: Any = false

    init(id: String, title: String, level: String, verdictLevel: String, verdictClass: String,
         verdict: (quote: String, source: String, mapping: String)?, indicators: GridContext?) {
        self.id = TemplateText(id)
        self.title = TemplateText(title)
        self.level = TemplateText(level)
        self.verdictLevel = TemplateText(verdictLevel)
        self.verdictClass = TemplateText(verdictClass)
        verdictQuote = verdict.map { TemplateText($0.quote) }
        verdictSource = verdict.map { TemplateText($0.source) }
        verdictMapping = verdict.map { TemplateText($0.mapping) }
        self.indicators = indicators
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "level": level
        case "verdict_level": verdictLevel
        case "verdict_class": verdictClass
        case "verdict_quote": verdictQuote
        case "verdict_source": verdictSource
        case "verdict_mapping": verdictMapping
        case "indicators": indicators
        case "report": report
        case "href": href
        case "filter": filter
        default: nil
        }
    }

    /// What the goals page's filter matches a goal by.
    final class Filter: MustacheParent {
        let municipalityID: TemplateText
        let themeID: TemplateText

        init(municipalityID: String, themeID: String) {
            self.municipalityID = TemplateText(municipalityID)
            self.themeID = TemplateText(themeID)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "municipality_id": municipalityID
            case "theme_id": themeID
            default: nil
            }
        }
    }
}

/// What a goal's HTML depends on: the goal, the theme it is listed under on a gathering page
/// (nil: on its own section page, which shows no report, link or filter data), and the root
/// prefix of the page, which every relative link in it starts with.
struct GoalFragmentKey: Hashable, Sendable {
    let report: String
    let goal: String
    let theme: String?
    let root: String
}
