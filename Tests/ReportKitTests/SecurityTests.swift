import Foundation
import Testing
@testable import ReportKit

/// Content pasted from elsewhere never runs code in a reader's browser: known XSS payloads go
/// through every field that reaches a page, and the built HTML holds no script, no event
/// handler and no script or data URL.
@Suite struct SecurityTests {
    static let payloads = [
        #"<script>alert(1)</script>"#,
        #""><img src=x onerror=alert(1)>"#,
        #"'><svg onload=alert(1)>"#,
        #"<iframe src="javascript:alert(1)"></iframe>"#,
        #"<a href="javascript:alert(1)">x</a>"#,
        #"<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>"#,
        #"<style>body{background:url(javascript:alert(1))}</style>"#,
        #"</title><script>alert(1)</script>"#,
        #"{{{body}}}"#,
        #"<body onload=alert(1)>"#,
    ]
    static let markdownPayloads = [
        "[klick](javascript:alert(1))", "[klick](JAVASCRIPT:alert(1))", "[klick](data:text/html;base64,PHNjcmlwdD4=)",
        "![bild](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "<javascript:alert(1)>", "[x](vbscript:msgbox(1))",
        "[x]( javascript:alert(1))", "[x](&#106;avascript:alert(1))",
    ]

    /// Every start tag with its attribute names, reading quoted values as a browser does.
    static func tags(in html: String) -> [(String, [String])] {
        var result: [(String, [String])] = []
        let characters = Array(html.unicodeScalars)
        var i = 0
        func isName(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ":" }
        while i < characters.count {
            guard characters[i] == "<", i + 1 < characters.count, characters[i + 1].properties.isAlphabetic else {
                i += 1
                continue
            }
            i += 1
            var tag = ""
            while i < characters.count, isName(characters[i]) { tag.unicodeScalars.append(characters[i]); i += 1 }
            var attributes: [String] = []
            while i < characters.count, characters[i] != ">" {
                if characters[i].properties.isWhitespace || characters[i] == "/" { i += 1; continue }
                var name = ""
                while i < characters.count, !characters[i].properties.isWhitespace, !"=>/".unicodeScalars.contains(characters[i]) {
                    name.unicodeScalars.append(characters[i]); i += 1
                }
                attributes.append(name.lowercased())
                if i < characters.count, characters[i] == "=" {
                    i += 1
                    if i < characters.count, characters[i] == "\"" || characters[i] == "'" {
                        let quote = characters[i]
                        i += 1
                        while i < characters.count, characters[i] != quote { i += 1 }
                        i += 1
                    } else {
                        while i < characters.count, !characters[i].properties.isWhitespace, characters[i] != ">" { i += 1 }
                    }
                }
            }
            result.append((tag.lowercased(), attributes))
        }
        return result
    }

    /// YAML double-quoted string holding `text`.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func theTagScannerSeesHandlersAndSkipsQuotedText() {
        #expect(Self.tags(in: #"<img src=x onerror=alert(1)>"#).first?.1 == ["src", "onerror"])
        #expect(Self.tags(in: #"<meta content="&lt;img onerror=x&gt;" name='a>b'><b onclick="x">"#).map(\.1) == [["content", "name"], ["onclick"]])
    }

    /// A script, data or vbscript link in Markdown is a content mistake: an error at its line,
    /// so the page is never published (it used to be emptied silently).
    @Test(arguments: markdownPayloads)
    func markdownLinkPayloadsAreErrors(payload: String) throws {
        let site = try TestSite(files: ["content/teman/ekonomi.md": "---\ntitle: Ekonomi\ndescription: x\n---\nText.\n\n\(payload)\n"])
        defer { site.remove() }
        let errors = site.build().errors
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/teman/ekonomi.md:7:1: error: links to \"") == true, "\(errors)")
        #expect(errors.first?.contains("addresses are not allowed") == true, "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func payloadsInEveryFieldAreInert() throws {
        let all = Self.payloads.joined(separator: " ")
        let q = Self.quoted(all)
        let body = Self.payloads.joined(separator: "\n\n")
        let site = try TestSite(files: [
            "content/index.md": "---\ntitle: \(q)\ndescription: \(q)\n---\n\(body)\n",
            "content/kommuner/testby.md": "---\nname: \(q)\nshort_name: \(q)\ncommittee_scope: \(q)\nscope: [barn-och-unga]\nverdict_scale:\n  - term: \(q)\n    level: uppfyllt\n  - term: uppfyllt\n    level: uppfyllt\n---\n\(body)\n",
            "content/teman/ekonomi.md": "---\ntitle: \(q)\ndescription: \(q)\n---\n\(body)\n",
            "content/jamfor/budgetavvikelse.md": "---\ntitle: \(q)\nunit: mnkr\ndefinition: \(q)\nkind: flow\nsign: signed\npositive_means: \(q)\narea: hela-namnden\ndifferences:\n  testby: \(q)\n---\n\(body)\n",
            "content/testby-2022/personal.md": """
                ---
                title: \(q)
                summarises: \(q)
                source: {lines: [81, 90]}
                figures:
                  - metric: budgetavvikelse
                    basis: prognos
                    value: 1.0
                    unit: mnkr
                    period: 2022
                    breakdown: \(q)
                    note: \(q)
                    source: {line: 85, quote: \(q)}
                tables:
                  - id: xss
                    caption: \(q)
                    note: \(q)
                    missing: \(q)
                    source: {lines: [1, 2]}
                    columns:
                      - {id: a, label: \(q)}
                      - {id: b, label: \(q)}
                    rows:
                      - [\(q), \(q)]
                goals:
                  - id: xss
                    level: nämnd
                    title: \(q)
                    theme: ekonomi
                    verdict: {term: \(q), quote: \(q), line: 1}
                    indicators:
                      - {name: \(q), outcome: \(q), target: \(q), trend: \(q), note: \(q)}
                discrepancies:
                  - {lines: [1], note: \(q)}
                ---
                \(body)
                """,
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.errors == [])
        let pages = TestSite.snapshot(site.output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        for (path, data) in pages.sorted(by: { $0.key < $1.key }) {
            let html = String(decoding: data, as: UTF8.self)
            let lower = html.lowercased()
            // The site's own scripts (search, the goals filter) are the only ones, loaded from assets/.
            for match in lower.matches(of: /<script[^>]*>/) {
                let tag = String(match.output)
                #expect(tag.firstMatch(of: /^<script src="(\.\.\/)*assets\/(sok|sokindex|mal)\.js">$/) != nil, "\(path) contains \(tag)")
            }
            let scripts = ["sok/index.html": 2, "mal/index.html": 1]
            #expect(lower.matches(of: /<script/).count == scripts[path, default: 0], "\(path) has a script element")
            for tag in ["<iframe", "<object", "<embed", "<style", "<svg onload", "<img src=x", "<body onload"] {
                #expect(!lower.contains(tag), "\(path) contains \(tag)")
            }
            for (tag, attributes) in Self.tags(in: html) {
                for name in attributes where name.hasPrefix("on") {
                    Issue.record("\(path): <\(tag)> has event-handler attribute \(name)")
                }
            }
            for link in LinkChecker.links(in: html) {
                let squeezed = link.lowercased().filter { !$0.isWhitespace }
                for scheme in ["javascript:", "data:", "vbscript:"] {
                    #expect(!squeezed.hasPrefix(scheme), "\(path) links to \(link)")
                }
            }
            #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'"#),
                    "\(path) has no Content-Security-Policy")
        }
        // The search index carries the payloads as data: it is one JSON value, nothing else.
        let index = try site.read("assets/sokindex.js")
        let json = index.dropFirst("window.ARSRAPPORT_SOKINDEX = ".count).trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) is [String: Any])
        #expect(!index.lowercased().contains("</script"))
        // The payloads arrive as visible text, not dropped silently from fields.
        let start = try site.read("index.html")
        #expect(start.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
