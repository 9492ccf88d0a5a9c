import Mustache
import Testing
@testable import ReportKit

/// `TemplateText` must render exactly as the String it holds, at any depth of a context.
@Suite struct TemplateTextTests {
    static let template = """
        {{title}}|{{{raw}}}|{{#href}}<a href="{{href}}">{{label}}</a>{{/href}}{{^href}}{{label}}{{/href}}\
        |{{#items}}[{{text}}{{#note}} ({{note}}){{/note}}{{#empty(text)}}empty{{/empty(text)}}{{#flag}}!{{/flag}}]{{/items}}\
        |{{#nested}}{{inner.value}}{{title}}{{/nested}}|{{#blank}}<span>{{blank}}</span>{{/blank}}{{^missing}}none{{/missing}}
        """

    static var contexts: [[String: Any]] { [
        ["title": "A & B", "raw": "<b>x</b>", "href": "../a/index.html", "label": "Länk",
         "items": [["text": "one", "note": "*", "flag": true], ["text": "", "flag": false], ["text": "<3"]],
         "nested": ["inner": ["value": "deep"]], "blank": ""],
        ["title": "", "raw": "", "label": "utan länk", "items": [[String: Any]](), "nested": [String: Any]()],
    ] }

    /// The context with every String in it, at any depth, made a `TemplateText`.
    static func wrapped(_ value: Any) -> Any {
        switch value {
        case let text as String: return TemplateText(text)
        case let context as [String: Any]: return context.mapValues(wrapped)
        case let list as [Any]: return list.map(wrapped)
        default: return value
        }
    }

    @Test(arguments: 0..<2)
    func rendersLikePlainValues(index: Int) throws {
        let template = try MustacheTemplate(string: Self.template)
        let plain = template.render(Self.contexts[index])
        let prepared = template.render(Self.wrapped(Self.contexts[index]))
        #expect(prepared == plain)
        #expect(!plain.isEmpty)
    }
}
