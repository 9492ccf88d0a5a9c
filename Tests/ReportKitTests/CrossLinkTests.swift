import Foundation
import Testing
@testable import ReportKit

/// A reader can go on from any report, municipality or section to the other municipalities.
@Suite struct CrossLinkTests {
    /// The other municipalities a page links to, by the folders of their reports and pages.
    static func municipalitiesLinked(from path: String, except own: String) throws -> Set<String> {
        let html = try ComparisonTests.page(path)
        var found: Set<String> = []
        for link in LinkChecker.links(in: html) {
            let target = link.replacingOccurrences(of: "../", with: "")
            if target.hasPrefix("kommuner/") {
                found.insert(String(target.dropFirst("kommuner/".count).prefix { $0 != "/" }))
            } else if let folder = target.split(separator: "/").first, let dash = folder.lastIndex(of: "-"),
                      Int(folder[folder.index(after: dash)...]) != nil {
                found.insert(String(folder[..<dash]))
            }
        }
        found.remove(own)
        return found
    }

    @Test func reportAndMunicipalityPagesLinkToTheOtherMunicipalities() throws {
        let content = ComparisonTests.built.content
        #expect(content.reports.count >= 3)
        for report in content.reports {
            let own = report.index.matter.municipality.value
            let others = try Self.municipalitiesLinked(from: "\(report.id)/index.html", except: own)
            #expect(others.count >= 2, "\(report.id)/ links to \(others.sorted())")
        }
        for municipality in content.municipalities {
            let others = try Self.municipalitiesLinked(from: "kommuner/\(municipality.id)/index.html", except: municipality.id)
            #expect(others.count >= 2, "kommuner/\(municipality.id)/ links to \(others.sorted())")
        }
    }

    /// Solna's "Förväntad utveckling" has no counterpart elsewhere: each other report offers
    /// its nearest section instead, and says so.
    @Test func aSectionOthersLackLinksToTheirNearestSection() throws {
        let html = try ComparisonTests.page("solna-2023/framtid/index.html")
        guard let start = html.range(of: "id=\"jamfor-med\""), let end = html[start.upperBound...].range(of: "</nav>") else {
            Issue.record("no Jämför med on solna-2023/framtid/")
            return
        }
        let compare = String(html[start.upperBound..<end.lowerBound])
        for report in ["Huddinge 2020", "Haninge 2022", "Botkyrka 2018"] {
            #expect(compare.contains("\(report) saknar avsnittet; närmast är <a href=\"../../"), "\(report)")
        }
        #expect(compare.contains("vasentliga-handelser/index.html"))
    }

    /// One list of sections, in the order the report itself has them.
    @Test func reportStartPageListsItsSectionsOnceInTheReportsOrder() throws {
        let html = try ComparisonTests.page("huddinge-2020/index.html")
        #expect(html.components(separatedBy: "<ol class=\"sections\">").count == 2)
        let order = ["ansvarsomrade", "sammanfattning", "vasentliga-handelser", "mal-och-resultat", "personal", "ekonomi",
                     "kvalitet-och-internkontroll", "verksamhetsstatistik", "ovrigt"]
        let positions = order.compactMap { html.range(of: "huddinge-2020/\($0)/index.html")?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        for section in order {
            #expect(html.components(separatedBy: "huddinge-2020/\(section)/index.html").count == 2, "\(section) listed more than once")
        }
    }
}
