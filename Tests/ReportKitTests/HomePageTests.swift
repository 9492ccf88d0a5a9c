import Foundation
import Testing
@testable import ReportKit

/// The start page's words come from content/index.md or are computed, never from the template.
@Suite struct HomePageTests {
    /// The base site with a second report: testby-2022 copied as testby-2023.
    static func twoReports() throws -> TestSite {
        let site = try TestSite()
        let from = site.content.appendingPathComponent("testby-2022")
        for name in try FileManager.default.contentsOfDirectory(atPath: from.path) {
            let text = try String(contentsOf: from.appendingPathComponent(name), encoding: .utf8)
            try site.write("content/testby-2023/\(name)", text.replacingOccurrences(of: "2022", with: "2023")
                .replacingOccurrences(of: "id: ekonomi-i-balans", with: "id: ekonomi-i-balans-2023"))
        }
        return site
    }

    @Test func templateHoldsNoCountOrNotice() throws {
        let template = try String(contentsOf: TestSite.repository.appendingPathComponent("templates/home.mustache"), encoding: .utf8)
        #expect(!template.contains("fyra"))
        #expect(!template.contains("Huddinge"))
    }

    @Test func headingCountsTheReports() throws {
        let site = try Self.twoReports()
        defer { site.remove() }
        #expect(site.build().lines == [])
        let home = try site.read("index.html")
        #expect(home.contains("<h2 id=\"rapporterna\">De två rapporterna sida vid sida</h2>"))
        #expect(!home.contains("class=\"notice\""), "the base site's index.md gives no notice")
    }

    @Test func headingAndNoticeFromIndexMd() throws {
        let site = try Self.twoReports()
        defer { site.remove() }
        try site.write("content/index.md", """
            ---
            title: Testsajt
            reports_heading: "Våra {antal} rapporter"
            notice: perioderna skiljer sig åt.
            ---
            Välkommen.

            """)
        let result = site.build()
        #expect(result.errors == [])
        let home = try site.read("index.html")
        #expect(home.contains("<h2 id=\"rapporterna\">Våra två rapporter</h2>"))
        #expect(home.contains("<p class=\"notice\"><strong>Observera:</strong> perioderna skiljer sig åt.</p>"))
    }

    @Test func realSiteSaysFour() throws {
        let site = try CLIOutputTests.realSite()
        defer { site.remove() }
        #expect(site.build().errors == [])
        let home = try site.read("index.html")
        #expect(home.contains("<h2 id=\"rapporterna\">De fyra rapporterna sida vid sida</h2>"))
        #expect(home.contains("<p class=\"notice\"><strong>Observera:</strong> rapporterna gäller olika år och perioder"))
    }
}
