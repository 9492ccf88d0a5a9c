import Foundation
import Testing
@testable import ReportKit

/// A metric's year page (`jamfor/<metric>/<year>/`) says which year it shows where a reader
/// or a search meets it: in its chart's title and downloads, and in the search index.
@Suite(.serialized) struct YearPageTests {
    /// The base fixture with a second municipality whose report of 2022 states the net cost,
    /// so that the year page of 2022 compares two values and has a chart.
    static let built: (site: TestSite, errors: [String])? = {
        typealias T = ComparableSetsTests
        let files = T.alfa.merging(T.report("alfa-2022", figures: T.figure("nettokostnad", value: "990.5"))) { a, _ in a }
        guard let site = try? TestSite(files: files) else { return nil }
        return (site, site.build().errors)
    }()

    static func read(_ path: String) throws -> String {
        let built = try #require(Self.built)
        #expect(built.errors == [])
        return try built.site.read(path)
    }

    /// The text of the chart's title on the page at `path`.
    static func chartTitle(_ html: String) -> String? {
        guard let start = html.range(of: "<span class=\"chart-title\">"),
              let end = html[start.upperBound...].range(of: "</span>") else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func yearPageChartNamesTheYear() throws {
        let year = try Self.read("jamfor/nettokostnad/2022/index.html")
        #expect(Self.chartTitle(year) == "Nettokostnad (mnkr), jämförbara värden i rapporterna från 2022")
        #expect(year.contains("<a href=\"../../../jamfor/nettokostnad/2022/diagram.csv\" download=\"nettokostnad-2022.csv\">"))
        #expect(year.contains("<a href=\"../../../jamfor/nettokostnad/2022/diagram.svg\" download=\"nettokostnad-2022.svg\">"))
        let svg = try Self.read("jamfor/nettokostnad/2022/diagram.svg")
        #expect(svg.contains("<title id=\"titel\">Nettokostnad (mnkr), jämförbara värden i rapporterna från 2022</title>"))
        let csv = try Self.read("jamfor/nettokostnad/2022/diagram.csv")
        #expect(csv.contains("\"Alfa 2022, helår, utfall\"") || csv.contains("Alfa 2022, helår, utfall,"), "\(csv)")

        // The metric's own page shows the latest reports, of whatever year: no year in its title.
        let latest = try Self.read("jamfor/nettokostnad/index.html")
        #expect(Self.chartTitle(latest) == "Nettokostnad (mnkr), jämförbara värden")
        #expect(latest.contains("download=\"nettokostnad.csv\">"))
        let latestSVG = try Self.read("jamfor/nettokostnad/diagram.svg")
        #expect(latestSVG.contains("<title id=\"titel\">Nettokostnad (mnkr), jämförbara värden</title>"))
    }

    /// The search index as the search page reads it.
    static func searchIndex() throws -> (pages: [[String: Any]], passages: [[Any]]) {
        let script = try read("assets/sokindex.js")
        let json = try #require(script.range(of: "= ").map { script[$0.upperBound...].dropLast(2) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (try #require(object["pages"] as? [[String: Any]]), try #require(object["passages"] as? [[Any]]))
    }

    /// "nettokostnad 2022" finds the year page: by its title, and by the values it lists.
    @Test func yearPageIsInTheSearchIndex() throws {
        let (pages, passages) = try Self.searchIndex()
        let number = try #require(pages.firstIndex { $0["p"] as? String == "jamfor/nettokostnad/2022/" }, "no year page in the index")
        #expect(pages[number]["t"] as? String == "Nettokostnad 2022")
        #expect(pages[number]["y"] as? Int == 2022, "the year filter finds it")
        let text = passages.filter { $0.first as? Int == number }.compactMap { $0.last as? String }.joined(separator: "\n")
        #expect(text.contains("Nettokostnad i rapporterna från 2022"))
        #expect(text.contains("Alfa 2022, helår, utfall: 990,5\u{A0}mnkr"), "\(text)")
        #expect(text.contains("Testby 2022, helår, utfall: 1\u{A0}054,4\u{A0}mnkr"), "\(text)")
        // Each year page once, as in the sitemap.
        let years = pages.compactMap { $0["p"] as? String }.filter { $0.range(of: #"^jamfor/[a-z-]+/\d{4}/$"#, options: .regularExpression) != nil }
        #expect(Set(years).count == years.count && years.count >= 2, "\(years)")
    }
}
