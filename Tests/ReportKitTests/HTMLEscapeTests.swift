import Foundation
import Mustache
import Testing
@testable import ReportKit

/// The byte-level escaper must write what swift-mustache's own escaper writes.
@Suite struct HTMLEscapeTests {
    static let samples = [
        "", "plain", "Årsredovisning 2022 – Socialnämnden", "a < b > c", "R&D", "\"quoted\"", "it's",
        "<script>alert('x')</script>", "&amp; already", "1\u{A0}054,4\u{A0}mnkr", "emoji 👩‍👩‍👧 & <b>",
        "../../a/index.html#x", "&&&<<<>>>\"\"\"'''",
    ]

    @Test(arguments: samples)
    func matchesMustacheEscaping(text: String) throws {
        let mustache = try MustacheTemplate(string: "{{value}}").render(["value": text])
        #expect(HTMLEscape.escape(text) == mustache)
    }

    @Test func loadedTemplatesEscapeWithIt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("escape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("partials"), withIntermediateDirectories: true)
        for name in TemplateSet.required + TemplateSet.requiredPartials {
            try "\(name)\n".write(to: root.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        try "<p>{{value}}</p>\n{{{value}}}\n".write(to: root.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        let (set, diagnostics) = TemplateSet.load(from: root, displayRoot: "templates")
        #expect(diagnostics.isEmpty)
        let html = set.flatMap { $0.library.render(["value": "<a & 'b'>"], withTemplate: "t") }
        // The pragma line that selects the escaper leaves no trace in the output.
        #expect(html == "<p>&lt;a &amp; &#39;b&#39;&gt;</p>\n<a & 'b'>\n")
        // An ampersand with a combining mark is one Character, which swift-mustache's escaper
        // passes through; escaping bytes catches it, which shows that this escaper is in use.
        let combining = set.flatMap { $0.library.render(["value": "&\u{301}"], withTemplate: "t") }
        #expect(combining == "<p>&amp;\u{301}</p>\n&\u{301}\n")
    }
}
