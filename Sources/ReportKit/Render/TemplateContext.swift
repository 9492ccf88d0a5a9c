import Mustache

/// A page's context as swift-mustache reads it: the parts every page has (`PageFrame`) and the
/// part of its kind.
///
/// A kind's part is a Swift type answering `child(named:)` with a `switch`, its values already
/// in the form the engine renders without asking twice (`TemplateText`, `Bool`, arrays of
/// typed rows, nil when absent), so that a lookup costs neither a hashed dictionary nor a
/// chain of casts.
final class PageContext: MustacheParent {
    let kind: any MustacheParent
    let frame: PageFrame

    init(kind: any MustacheParent, frame: PageFrame) {
        self.kind = kind
        self.frame = frame
    }

    func child(named name: String) -> Any? {
        kind.child(named: name) ?? frame.child(named: name)
    }
}

/// A page kind without a part of its own (a Markdown page, the 404 page).
struct NoKindContext: MustacheParent {
    func child(named: String) -> Any? { nil }
}

/// A list the template wraps in a container: `{{#toc}}<nav>{{#items}}…{{/items}}</nav>{{/toc}}`.
final class TemplateItems<Row>: MustacheParent {
    let items: [Row]

    /// Nil for an empty list, so that the container disappears with it.
    static func wrap(_ items: [Row]) -> TemplateItems? {
        items.isEmpty ? nil : TemplateItems(items)
    }

    init(_ items: [Row]) { self.items = items }

    func child(named name: String) -> Any? {
        name == "items" ? items : nil
    }
}

/// A link with its text: `{{#previous}}<a href="{{href}}">{{title}}</a>{{/previous}}`.
final class LinkRow: MustacheParent {
    let title: TemplateText
    let href: TemplateText

    init(title: String, href: String) {
        self.title = TemplateText(title)
        self.href = TemplateText(href)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        default: nil
        }
    }
}

/// An entry of a `<select>` or a filter: `{{id}}` and `{{name}}`.
final class OptionRow: MustacheParent {
    let id: TemplateText
    let name: TemplateText

    init(id: String, name: String) {
        self.id = TemplateText(id)
        self.name = TemplateText(name)
    }

    func child(named field: String) -> Any? {
        switch field {
        case "id": id
        case "name": name
        default: nil
        }
    }
}

/// A count of goals at one level of the common scale: `{{label}}: {{count}}` in `verdict-{{class}}`.
final class LevelCountRow: MustacheParent {
    let label: TemplateText
    let count: TemplateText
    let level: TemplateText

    init(label: String, count: Int, level: String) {
        self.label = TemplateText(label)
        self.count = TemplateText("\(count)")
        self.level = TemplateText(level)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "count": count
        case "class": level
        default: nil
        }
    }
}

extension TemplateText {
    init(_ text: String) { self.init(text: text) }

    /// The text, or false where the template must not find an outer context's value of the name.
    static func orFalse(_ text: String?) -> Any {
        text.map { TemplateText($0) as Any } ?? false
    }
}

extension Citation {
    /// The values of `source`, `source_href` and `source_quote`, the link and the quote false
    /// when absent so that an outer context's value of the name cannot show through.
    var templateValues: (source: TemplateText, href: Any, quote: Any) {
        (TemplateText(text), TemplateText.orFalse(href), TemplateText.orFalse(quote))
    }
}
