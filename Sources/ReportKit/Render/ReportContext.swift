import Mustache

/// What `report.mustache` shows: the report's facts, its sections, its headline figures and
/// the other reports to read next.
final class ReportContext: MustacheParent {
    var draft = false
    var municipality = TemplateText("")
    var municipalityHref = TemplateText("")
    var facts: [Fact] = []
    var sections: [SectionLink] = []
    var others: TemplateItems<OtherReport>?
    var headline: [Fact] = []

    func child(named name: String) -> Any? {
        switch name {
        case "draft": draft
        case "municipality": municipality
        case "municipality_href": municipalityHref
        case "facts": facts
        case "sections": sections
        case "others": others
        case "headline": headline
        default: nil
        }
    }

    /// A labelled value, "uppgift saknas" (and `missing`) where the report gives none.
    final class Fact: MustacheParent {
        let label: TemplateText
        let value: TemplateText
        let missing: Bool

        init(_ label: String, _ value: String?) {
            self.label = TemplateText(label)
            self.value = TemplateText(value ?? NumberFormat.missing)
            missing = value == nil
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "value": value
            case "missing": missing
            default: nil
            }
        }
    }

    /// A section of the report, with what it summarises.
    final class SectionLink: MustacheParent {
        let title: TemplateText
        let href: TemplateText
        let summarises: TemplateText

        init(title: String, href: String, summarises: String) {
            self.title = TemplateText(title)
            self.href = TemplateText(href)
            self.summarises = TemplateText(summarises)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "href": href
            case "summarises": summarises
            default: nil
            }
        }
    }

    /// Another report to read next, with its municipality's page.
    final class OtherReport: MustacheParent {
        let label: TemplateText
        let title: TemplateText
        let href: TemplateText
        let municipality: TemplateText
        let municipalityHref: TemplateText

        init(label: String, title: String, href: String, municipality: String, municipalityHref: String) {
            self.label = TemplateText(label)
            self.title = TemplateText(title)
            self.href = TemplateText(href)
            self.municipality = TemplateText(municipality)
            self.municipalityHref = TemplateText(municipalityHref)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "title": title
            case "href": href
            case "municipality": municipality
            case "municipality_href": municipalityHref
            default: nil
            }
        }
    }
}
