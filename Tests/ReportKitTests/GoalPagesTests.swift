import Foundation
import Testing
@testable import ReportKit

/// The goals page narrowed without JavaScript, and goals in the themes they are about.
@Suite struct GoalPagesTests {
    /// Climate and environment goals, by their own words, sit under "Miljö och klimat".
    @Test func climateGoalsAreUnderMiljoOchKlimat() {
        var climate = 0
        for report in ComparisonTests.built.content.reports {
            for goal in report.sections.flatMap({ $0.document.matter.goals ?? [] }) {
                let title = goal.title.lowercased()
                guard ["klimat", "miljö", "ekosystem", "giftfri"].contains(where: title.contains) else { continue }
                climate += 1
                #expect(goal.theme.value == "miljo", "\(report.id): \(goal.title) is under \(goal.theme.value)")
            }
        }
        #expect(climate >= 5)
    }

    /// The goals page links to a page per theme and per municipality, each listing only those goals.
    @Test func goalsPageLinksToItsNarrowedPages() throws {
        let content = ComparisonTests.built.content
        let goals = try ComparisonTests.page("mal/index.html")
        #expect(goals.contains("id=\"malfilter\""))
        for municipality in content.municipalities {
            let path = "mal/kommun/\(municipality.id)/"
            #expect(goals.contains("href=\"../\(path)index.html\""), "\(path)")
            let page = try ComparisonTests.page(path + "index.html")
            let others = content.reports.filter { $0.index.matter.municipality.value != municipality.id }
            for other in others {
                #expect(!page.contains("id=\"\(other.id)-mal-"), "\(path) lists a goal of \(other.id)")
            }
        }
        let miljo = try ComparisonTests.page("mal/tema/miljo/index.html")
        #expect(goals.contains("href=\"../mal/tema/miljo/index.html\""))
        #expect(miljo.components(separatedBy: "<li id=\"").count - 1 >= 5)
        #expect(!miljo.contains("id=\"tema-ekonomi\""))
    }
}
