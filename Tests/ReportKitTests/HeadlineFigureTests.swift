import Foundation
import Testing
@testable import ReportKit

/// For each report, a sample of headline figures and verdicts read from the built pages and
/// compared with the municipality's own text: the page shows `shows` in the element with
/// `id`, and line `line` of the source report contains `source`.
@Suite(.serialized) struct HeadlineFigureTests {
    struct Sample: CustomTestStringConvertible, Sendable {
        /// Page below the site root, e.g. `huddinge-2020/ekonomi/`.
        let page: String
        /// Element id on that page: `figur-<figure id>` or `mal-<goal id>`.
        let id: String
        /// Text the element must contain, as the page prints it (sv-SE, no-break spaces).
        let shows: String
        /// 1-based line of the report's .txt in shared/seeds.
        let line: Int
        /// Text that line must contain, exactly as the report prints it.
        let source: String

        var testDescription: String { "\(page)#\(id) \(shows)" }
    }

    static let documents = [
        "huddinge-2020": "001_2ca8271a2c576322.txt", "haninge-2022": "002_11565862c6692d6f.txt",
        "solna-2023": "003_c2ca7959cafa510e.txt", "botkyrka-2018": "004_1b20acc0b3f3a9ec.txt",
    ]

    static let samples: [Sample] = HeadlineSamples.huddinge + HeadlineSamples.haninge + HeadlineSamples.solna + HeadlineSamples.botkyrka

    @Test func atLeastFifteenSamplesPerReport() {
        for report in Self.documents.keys.sorted() {
            #expect(Self.samples.filter { $0.page.hasPrefix(report + "/") }.count >= 15, "\(report)")
        }
    }

    @Test(arguments: samples)
    func pageShowsWhatTheReportSays(sample: Sample) throws {
        let html = try String(contentsOf: ComparisonTests.built.output.appendingPathComponent(sample.page + "index.html"), encoding: .utf8)
        guard let start = html.range(of: "id=\"\(sample.id)\"") else {
            Issue.record("no element #\(sample.id) on \(sample.page)")
            return
        }
        let end = html[start.upperBound...].range(of: sample.id.hasPrefix("mal-") ? "</li>" : "</tr>")?.lowerBound ?? html.endIndex
        let element = ComparisonTests.text(html[start.upperBound..<end])
        #expect(element.contains(sample.shows), "#\(sample.id) shows \"\(element)\"")

        let report = String(sample.page.split(separator: "/")[0])
        let lines = try RealContentTests.seedLines(Self.documents[report]!)
        #expect(lines[sample.line - 1].contains(sample.source), "line \(sample.line) is \"\(lines[sample.line - 1])\"")
    }
}
