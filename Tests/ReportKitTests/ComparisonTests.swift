import Foundation
import Testing
@testable import ReportKit

/// The built real site as a reader meets it: comparisons, cross-links, open data, and a crawl.
@Suite(.serialized) struct ComparisonTests {
    /// One build of the real content shared by the tests of this suite.
    static let built: (output: URL, content: Content) = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("arsrapport-compare-\(UUID().uuidString)")
        let result = SiteBuilder.build(BuildOptions(content: RealContentTests.content,
                                                    templates: TestSite.repository.appendingPathComponent("templates"),
                                                    output: output, displayRoot: TestSite.repository))
        precondition(result.succeeded, "\(result.errors)")
        return (output, RealContentTests.decoded())
    }()

    /// "Huddinge 2020", as pages name a report.
    static func label(_ report: Report) -> String {
        let id = report.index.matter.municipality.value
        let name = built.content.municipalities.first { $0.id == id }?.matter.shortName ?? id
        return "\(name) \(report.index.matter.year.value)"
    }

    static func page(_ path: String) throws -> String {
        try String(contentsOf: built.output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Text of an HTML fragment without tags and with entities decoded.
    static func text(_ html: some StringProtocol) -> String {
        var result = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { result.append(character) }
        }
        return result.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Rows of the table with `id`, each as its cells' text.
    static func rows(ofTable id: String, in html: String) -> [[String]] {
        guard let start = html.range(of: "id=\"\(id)\""),
              let body = html[start.upperBound...].range(of: "<tbody>"),
              let end = html[body.upperBound...].range(of: "</tbody>") else { return [] }
        return html[body.upperBound..<end.lowerBound].components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "</t").dropLast().map { cell in text(cell.drop { $0 != ">" }.dropFirst()) }
        }
    }

    /// `−1 054,4 mnkr` → −1054.4.
    static func number(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: ",", with: ".")
            .filter { $0.isNumber || $0 == "-" || $0 == "." }
        return Double(cleaned)
    }

    static let factors: [MeasureUnit: Double] = [.mnkr: 1e6, .mkr: 1e6, .tkr: 1e3, .kr: 1]

    @Test func comparisonPagesShowTheFiguresNormalised() throws {
        let content = Self.built.content
        var compared = 0
        for metric in content.metrics {
            let rows = Self.rows(ofTable: "jamforelse", in: try Self.page("jamfor/\(metric.id)/index.html"))
            for report in content.reports {
                // The outcome for the whole committee, for the report's own period when stated.
                let all: [Figure] = report.sections.flatMap { (section: Section) -> [Figure] in section.document.matter.figures ?? [] }
                let candidates = all.filter { (f: Figure) -> Bool in
                    f.metric.value == metric.id && f.basis == Figure.Basis.utfall && f.breakdown == nil
                }
                let period = report.index.matter.period.value
                guard let figure = candidates.first(where: { $0.period.value.start == period.start && $0.period.value.end == period.end })
                        ?? candidates.first else { continue }
                var expected = figure.value.value.doubleValue
                if let from = Self.factors[figure.unit.value], let to = Self.factors[metric.matter.unit] { expected = expected * from / to }
                if figure.sign == Figure.Sign.inverted { expected = -expected }
                let label = "\(content.municipality(report.index.matter.municipality.value)!.matter.shortName) \(report.index.matter.year.value)"
                guard let row = rows.first(where: { $0.first == label }) else {
                    Issue.record("jamfor/\(metric.id): no row for \(label)")
                    continue
                }
                #expect(Self.number(row[3]).map { abs($0 - expected) < 1e-9 } == true,
                        "jamfor/\(metric.id) \(label): page shows \(row[3]), content gives \(expected) \(metric.matter.unit.rawValue)")
                #expect(row[3].hasSuffix("\u{A0}\(metric.matter.unit.rawValue)"))
                compared += 1
            }
        }
        #expect(compared >= 12)
    }

    @Test func partialYearIsSaidNextToTheNumbers() throws {
        let html = try Self.page("jamfor/nettokostnad/index.html")
        let huddinge = Self.rows(ofTable: "jamforelse", in: html).first { $0.first == "Huddinge 2020" }
        #expect(huddinge?[1].contains("delår") == true)
        #expect(html.contains("Ett delårsvärde täcker bara en del av året"))
        // Every bar is an SVG image with a title (report and value) and a description (period).
        #expect(html.contains(#"<svg class="bar-track" role="img" aria-labelledby="stapel-1-titel stapel-1-beskrivning""#))
        #expect(html.contains("-titel\">Huddinge 2020: "))
        #expect(html.contains("<desc id=\"stapel-1-beskrivning\">Utfall, "))
    }

    @Test func sectionPagesLinkToTheSameSectionOfTheOtherReports() throws {
        let content = Self.built.content
        var links = 0
        for report in content.reports {
            for section in report.sections {
                let html = try Self.page("\(report.id)/\(section.kind.rawValue)/index.html")
                guard let compare = html.range(of: "id=\"jamfor-med\""), let end = html[compare.upperBound...].range(of: "</nav>") else {
                    Issue.record("\(report.id)/\(section.kind.rawValue) has no Jämför med")
                    continue
                }
                let nav = html[compare.upperBound..<end.lowerBound]
                for other in content.reports where other.id != report.id {
                    if other.sections.contains(where: { $0.kind == section.kind }) {
                        #expect(nav.contains("href=\"../../\(other.id)/\(section.kind.rawValue)/index.html\""),
                                "\(report.id)/\(section.kind.rawValue) does not link to \(other.id)")
                        links += 1
                    } else {
                        #expect(nav.contains("\(Self.label(other)) saknar avsnittet"), "\(report.id)/\(section.kind.rawValue) about \(other.id)")
                    }
                }
            }
        }
        #expect(links > 60)
    }

    @Test func openDataEqualsTheFiguresOnThePages() throws {
        let csv = try Self.page("data/nyckeltal.csv")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.built.output.appendingPathComponent("data/nyckeltal.json"))) as! [[String: String]]
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "kommun,rapport,period_start,period_slut,nyckeltal,basis,uppdelning,varde,enhet,normaliserat_varde,normaliserad_enhet,kalla")
        #expect(lines.count - 1 == json.count)
        let figures = Self.built.content.normalisedFigures()
        #expect(json.count == figures.count)
        for (row, figure) in zip(json, figures) {
            #expect(row["varde"] == figure.figure.value.value.description)
            #expect(row["normaliserat_varde"] == figure.value.description)
            // The number the page shows for this figure, in the section the row links to.
            let (path, anchor) = row["kalla"]!.split(separator: "#", maxSplits: 1).map(String.init).pair
            let html = try Self.page(path + "index.html")
            let shown = NumberFormat.format(figure.figure.value.value, unit: figure.figure.unit.value)
            if let anchor, let start = html.range(of: "id=\"\(anchor)\""), let end = html[start.upperBound...].range(of: "</tr>") {
                #expect(html[start.upperBound..<end.lowerBound].contains(shown), "\(path)#\(anchor) does not show \(shown)")
            } else {
                #expect(html.contains(shown), "\(path) does not show \(shown)")
            }
        }
        // CSV and JSON hold the same values.
        for (line, row) in zip(lines.dropFirst(), json) {
            #expect(line.contains(",\(row["varde"]!),\(row["enhet"]!),\(row["normaliserat_varde"]!),"))
        }
    }

    @Test func pagesAndStylesheetStayLight() throws {
        for (path, data) in TestSite.snapshot(Self.built.output) where path.hasSuffix(".html") {
            #expect(data.count < 150_000, "\(path) is \(data.count) bytes")
        }
        let css = try Data(contentsOf: Self.built.output.appendingPathComponent("assets/style.css"))
        #expect(css.count < 30_000)
    }

    /// The search index holds the body text in passages, each under an anchor its page has.
    @Test func searchIndexHoldsBodyTextUnderExistingAnchors() throws {
        let script = try Self.page("assets/sokindex.js")
        let prefix = "window.ARSRAPPORT_SOKINDEX = "
        #expect(script.hasPrefix(prefix))
        let json = script.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        let index = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        let pages = index["pages"] as? [[String: Any]] ?? []
        let passages = index["passages"] as? [[Any]] ?? []
        #expect(pages.count > 90)
        #expect(passages.count > pages.count * 3)
        var ids: [String: Set<String>] = [:]
        for passage in passages {
            guard let number = passage[0] as? Int, let anchor = passage[1] as? String, let path = pages[number]["p"] as? String,
                  !anchor.isEmpty else { continue }
            if ids[path] == nil {
                ids[path] = SiteRenderer.ids(in: try Self.page(path + "index.html")).0
            }
            #expect(ids[path]?.contains(anchor) == true, "\(path)#\(anchor)")
        }
        func hits(_ word: String) -> [(path: String, anchor: String)] {
            passages.compactMap { passage in
                guard let text = passage[3] as? String, text.localizedLowercase.contains(word), let number = passage[0] as? Int else { return nil }
                return (pages[number]["p"] as? String ?? "", passage[1] as? String ?? "")
            }
        }
        // Body text that no title, heading or table holds, under the heading it stands under.
        #expect(hits("inflationen").contains { $0.path == "solna-2023/mal-och-resultat/" && !$0.anchor.isEmpty })
        #expect(Set(hits("hemlöshet").map(\.path)).count >= 8)
        #expect(!script.contains("</script"))
        let page = try Self.page("sok/index.html")
        #expect(page.contains(#"<script src="../assets/sokindex.js"></script>"#))
        #expect(page.contains("Sökningen behöver JavaScript"))
        // Only the search page loads the index.
        for (path, data) in TestSite.snapshot(Self.built.output) where path.hasSuffix(".html") && path != "sok/index.html" {
            #expect(!String(decoding: data, as: UTF8.self).contains("sokindex.js"), "\(path)")
        }
    }

    @Test func crawlFindsNoBrokenLinksAndReachesEveryPage() throws {
        let root = Self.built.output
        let all = TestSite.snapshot(root)
        let pages = all.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        let checker = LinkChecker(pages: pages.map { ($0.key, $0.value) }, otherFiles: Array(all.keys))
        let broken = checker.brokenLinks(in: pages.map { ($0.key, $0.value) })
        #expect(broken.isEmpty, "\(broken.prefix(10))")

        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            for link in LinkChecker.links(in: pages[page] ?? "") {
                guard let (path, _) = LinkChecker.resolve(link, from: page), path.hasSuffix(".html"),
                      reached.insert(path).inserted else { continue }
                queue.append(path)
            }
        }
        let unreachable = Set(pages.keys).subtracting(reached).subtracting(["404.html"])
        #expect(unreachable.isEmpty, "not reachable from the start page: \(unreachable.sorted())")
        #expect(pages.count > 90)
    }
}

extension Array where Element == String {
    var pair: (String, String?) { (self[0], count > 1 ? self[1] : nil) }
}
