import Foundation
import Testing
@testable import ReportKit

/// External images, `javascript:`/`file:` links and footnotes are errors at their position
/// (issue #16, defects 5 and 12).
@Suite struct MarkdownPolicyTests {
    func errors(body: String) throws -> [String] {
        let site = try TestSite(files: ["content/teman/ekonomi.md": "---\ntitle: Ekonomi\ndescription: x\n---\n" + body])
        defer { site.remove() }
        return site.build(write: false).errors
    }

    @Test func externalImageIsAnError() throws {
        #expect(try errors(body: "Text.\n\nSe ![spårare](https://tracker.example/p.png) här.\n") == [
            "content/teman/ekonomi.md:7:4: error: images must be files in content/: the site loads nothing from other sites; save the image beside the page and write ![text](bild.png), or link to it as [text](https://tracker.example/p.png)",
        ])
        #expect(try errors(body: "![x](//tracker.example/p.png)\n").count == 1)
        #expect(try errors(body: "[en länk](https://example.org/) är tillåten\n") == [])
    }

    @Test(arguments: [("javascript:alert(1)", "javascript"), ("file:///etc/passwd", "file"), ("JaVa\tScript:x", "JaVa\\tScript"),
                      ("data:text/html,x", "data"), ("vbscript:x", "vbscript")])
    func forbiddenSchemesAreErrors(url: String, scheme: String) throws {
        #expect(try errors(body: "Rad ett.\n[klicka](<\(url)>)\n") == [
            "content/teman/ekonomi.md:6:1: error: links to \"\(scheme):\" addresses are not allowed; link to a page (its .md file), a file in content/, or a web address (https://…)",
        ])
    }

    @Test func footnotesAreErrorsAtTheirMarker() throws {
        let body = "Första stycket.\n\nTexten har en not[^1] och mer.\n\n[^1]: Noten.\n\nEn [^2] utan definition.\n\n[^3]: En not med mellanslag.\n\nI kod `[^2]` är det ingen not.\n\n- punkt med [^a]\n"
        #expect(try errors(body: body) == [
            "content/teman/ekonomi.md:7:18: error: footnotes ([^1]) are not supported and would show as raw text; write the note in the text, in parentheses, or as a sentence after the paragraph",
            "content/teman/ekonomi.md:11:4: error: footnotes ([^2]) are not supported and would show as raw text; write the note in the text, in parentheses, or as a sentence after the paragraph",
            "content/teman/ekonomi.md:13:1: error: footnotes ([^3]) are not supported and would show as raw text; write the note in the text, in parentheses, or as a sentence after the paragraph",
            "content/teman/ekonomi.md:17:13: error: footnotes ([^a]) are not supported and would show as raw text; write the note in the text, in parentheses, or as a sentence after the paragraph",
        ])
    }
}
