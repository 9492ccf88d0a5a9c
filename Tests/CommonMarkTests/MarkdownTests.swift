import CommonMark
import Testing

@Suite struct MarkdownTests {
    @Test func headingsGetStableSwedishAwareIDs() {
        let rendered = Markdown.render("# Måluppfyllelse år 2022\n\n## Ekonomi\n\n## Ekonomi\n\n### Öppenvård & *insatser*\n")
        #expect(rendered.headings.map(\.id) == ["maluppfyllelse-ar-2022", "ekonomi", "ekonomi-2", "oppenvard-insatser"])
        #expect(rendered.headings.map(\.level) == [1, 2, 2, 3])
        #expect(rendered.headings[3].text == "Öppenvård & insatser")
        #expect(rendered.html.contains(#"<h1 id="maluppfyllelse-ar-2022">Måluppfyllelse år 2022</h1>"#))
        #expect(rendered.html.contains(#"<h2 id="ekonomi-2">Ekonomi</h2>"#))
    }

    @Test func passagesHoldTheTextUnderEachHeading() {
        let rendered = Markdown.render("Inledning med *betoning*\növer två rader.\n\n## Ekonomi\n\n- Ett\n- Två\n\n## Tom\n\n### Personal\n\nText `kod`.")
        #expect(rendered.passages == [
            Passage(heading: nil, text: "Inledning med betoning över två rader."),
            Passage(heading: 0, text: "Ett Två"),
            Passage(heading: 2, text: "Text kod."),
        ])
    }

    @Test func slugFoldsSwedishLettersAndPunctuation() {
        #expect(Slug.make("Våld i nära relationer") == "vald-i-nara-relationer")
        #expect(Slug.make("  Ekonomi – prognos (helår)  ") == "ekonomi-prognos-helar")
        #expect(Slug.make("Café Ünïcode") == "cafe-unicode")
        #expect(Slug.make("!!!") == "avsnitt")
    }

    @Test func safeModeDropsRawHTMLAndScripts() {
        let rendered = Markdown.render("""
            Text <script>alert(1)</script> och <b onclick="x()">fet</b>.

            <iframe src="https://evil.example"></iframe>

            <img src=x onerror=alert(1)>
            """)
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.html.contains("<iframe"))
        #expect(!rendered.html.contains("onclick"))
        #expect(!rendered.html.contains("onerror"))
        #expect(rendered.html.contains("raw HTML omitted"))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java%0Ascript:alert(1)", "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,iVBORw0KGgo=", "file:///etc/passwd",
    ])
    func dangerousURLsAreNeutralised(url: String) {
        let link = Markdown.render("[klick](\(url)) ![bild](\(url))")
        #expect(!link.html.lowercased().contains("javascript"))
        #expect(!link.html.contains("data:"))
        #expect(!link.html.contains("file:"))
        #expect(!link.html.contains("vbscript"))
        #expect(link.html.contains(#"href="""#))
    }

    @Test func urlPolicyIgnoresControlCharactersInSchemes() {
        #expect(!URLPolicy.isAllowed("java\tscript:alert(1)"))
        #expect(!URLPolicy.isAllowed(" javascript:alert(1)"))
        #expect(!URLPolicy.isAllowed("JAVASCRIPT:alert(1)"))
        #expect(URLPolicy.isAllowed("../a.md#b:c"))
        #expect(URLPolicy.isAllowed("HTTPS://example.se"))
    }

    @Test func safeURLsAreKept() {
        let html = Markdown.render("[a](https://example.se/x?y=1) [b](mailto:a@b.se) [c](../x.md#y) [d](#z)").html
        #expect(html.contains(#"href="https://example.se/x?y=1""#))
        #expect(html.contains(#"href="mailto:a@b.se""#))
        #expect(html.contains(#"href="../x.md#y""#))
        #expect(html.contains(##"href="#z""##))
    }

    @Test func linksAreRewrittenAndCarryPositions() {
        var seen: [LinkDestination] = []
        let rendered = Markdown.render("Första raden.\n\n  Se [ekonomi](ekonomi.md#drift) och [extern](https://x.se).\n") { link in
            seen.append(link)
            return link.url.hasSuffix(".md#drift") ? "../ekonomi/index.html#drift" : nil
        }
        #expect(seen.map(\.url) == ["ekonomi.md#drift", "https://x.se"])
        #expect(seen[0].line == 3)
        #expect(seen[0].column == 6)
        #expect(rendered.html.contains(#"<a href="../ekonomi/index.html#drift">ekonomi</a>"#))
        #expect(rendered.html.contains(#"<a href="https://x.se">extern</a>"#))
    }

    @Test func headingPositionsAreReported() {
        let rendered = Markdown.render("Text\n\n## Rubrik\n\n   ### Underrubrik\n")
        #expect(rendered.headings.map(\.line) == [3, 5])
        #expect(rendered.headings.map(\.column) == [1, 4])
    }

    @Test func smartPunctuation() {
        let html = Markdown.render("\"citat\" -- och --- samt...").html
        #expect(html.contains("“citat”"))
        #expect(html.contains("–"))
        #expect(html.contains("—"))
        #expect(html.contains("…"))
    }

    @Test func headingTextThatLooksLikeATagDoesNotConfuseIDs() {
        let rendered = Markdown.render("Text `<h2>` och &lt;h2&gt;\n\n## Riktig rubrik\n")
        #expect(rendered.html.contains(#"<h2 id="riktig-rubrik">Riktig rubrik</h2>"#))
        #expect(rendered.html.contains("<code>&lt;h2&gt;</code>"))
    }

    @Test func oneMegabyteDocument() {
        let section = "## Avsnitt\n\nEtt stycke med **fetstil**, en [länk](a.md) och siffror 1 054,4.\n\n- punkt ett\n- punkt två\n\n"
        let document = String(repeating: section, count: 1_048_576 / section.utf8.count + 1)
        #expect(document.utf8.count > 1_000_000)
        let rendered = Markdown.render(document)
        #expect(rendered.headings.count == document.utf8.count / section.utf8.count + (document.utf8.count % section.utf8.count == 0 ? 0 : 1))
        #expect(Set(rendered.headings.map(\.id)).count == rendered.headings.count)
        #expect(rendered.links.count == rendered.headings.count)
        #expect(rendered.html.hasSuffix("</ul>\n"))
    }

    @Test func emptyDocument() {
        let rendered = Markdown.render("")
        #expect(rendered.html.isEmpty)
        #expect(rendered.headings.isEmpty)
    }
}
