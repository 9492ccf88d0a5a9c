import Foundation
import Testing
@testable import ReportKit

/// Sources a reader can follow: the document's page, linked, or the line of its text version
/// said as such, with the quote.
@Suite struct CitationTests {
    @Test func pageLinksToTheDocumentAndLineIsExplained() throws {
        let site = try TestSite()
        defer { site.remove() }
        let index = site.content.appendingPathComponent("testby-2022/index.md")
        try String(contentsOf: index, encoding: .utf8)
            .replacingOccurrences(of: "source:\n", with: "document_url: https://testby.example/arsredovisning-2022.pdf\nsource:\n")
            .write(to: index, atomically: true, encoding: .utf8)
        let ekonomi = site.content.appendingPathComponent("testby-2022/ekonomi.md")
        try String(contentsOf: ekonomi, encoding: .utf8)
            .replacingOccurrences(of: "source: {line: 30, quote: \"-1 054,4\"}", with: "source: {page: 12, quote: \"-1 054,4\"}")
            .replacingOccurrences(of: "source: {line: 31, quote: \"1 060,0\"}", with: "source: {page: 12, line: 31}")
            .replacingOccurrences(of: "source: {lines: [40, 45]}", with: "source: {page: 14}")
            .write(to: ekonomi, atomically: true, encoding: .utf8)
        let result = site.build()
        #expect(result.lines == [])
        let page = try site.read("testby-2022/ekonomi/index.html")
        #expect(page.contains("<td><a href=\"https://testby.example/arsredovisning-2022.pdf#page=12\">Årsredovisning 2022, s. 12, avsnittet Ekonomi</a>: <q>-1 054,4</q>"))
        #expect(page.contains("<td><a href=\"https://testby.example/arsredovisning-2022.pdf#page=12\">Årsredovisning 2022, s. 12, avsnittet Ekonomi, rad 31 i textversionen</a>"))
        #expect(page.contains("Källa: <a href=\"https://testby.example/arsredovisning-2022.pdf#page=14\">Årsredovisning 2022, s. 14, avsnittet Ekonomi</a>."))
        // Only a line: what the line is, and the quote; the document itself is linked.
        #expect(page.contains("<td><a href=\"https://testby.example/arsredovisning-2022.pdf\">Årsredovisning 2022, avsnittet Ekonomi, rad 32 i textversionen av rapporten</a>: <q>5,6</q>"))
        // The same citation on the metric's comparison page.
        #expect(try site.read("jamfor/nettokostnad/index.html").contains("#page=12\">Årsredovisning 2022, s. 12, avsnittet Ekonomi</a>"))
    }

    @Test func withoutADocumentAddressNothingIsLinked() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().lines == [])
        let page = try site.read("testby-2022/ekonomi/index.html")
        #expect(page.contains("<td>Årsredovisning 2022, avsnittet Ekonomi, rad 30 i textversionen av rapporten: <q>-1 054,4</q>"))
        #expect(!page.contains("#page="))
    }
}
