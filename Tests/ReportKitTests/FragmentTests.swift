import Foundation
import Testing
@testable import ReportKit

/// A goal is rendered once per build for each way pages show it, from `partials/goal`, and
/// every page that shows it includes that HTML (the golden pages of `FixtureTests` hold the
/// bytes).
@Suite struct FragmentTests {
    /// The base site's goals appear on their section page, the theme page, the goals page and
    /// the theme's and the municipality's goals pages; the last two lie at the same depth and
    /// share one render of each goal.
    @Test func eachGoalIsRenderedOncePerVariant() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try StreamingTests.render(site, into: MemoryOutput(keeping: [:]))
        let counts = result.goalFragments
        let goals = try goalIDs(site)
        #expect(!goals.isEmpty)
        // Section page, theme page (both two folders deep but one without report and filter),
        // goals page, and one shared render for mal/tema/… and mal/kommun/….
        #expect(counts.keys == 4 * goals.count)
        #expect(counts.renders == counts.keys, "a fragment rendered more than once")
        #expect(counts.requests == 5 * goals.count)
    }

    /// The same goal reads the same on the two goals pages of one depth, and a change to the
    /// partial reaches every page that shows a goal.
    @Test func pagesIncludeTheRenderedPartial() throws {
        let site = try TestSite()
        defer { site.remove() }
        let partial = site.templates.appendingPathComponent("partials/goal.mustache")
        let text = try String(contentsOf: partial, encoding: .utf8)
        try site.write("templates/partials/goal.mustache", text.replacingOccurrences(of: "<h3>", with: "<h3 data-fragment>"))
        let output = MemoryOutput(keeping: [:])
        let result = try StreamingTests.render(site, into: output)
        let pages = Dictionary(uniqueKeysWithValues: output.files(result.paths).compactMap { file -> (String, String)? in
            guard case .text(let html) = file.contents else { return nil }
            return (file.path, html)
        })
        let goals = try goalIDs(site)
        for path in ["testby-2022/ekonomi/index.html", "teman/ekonomi/index.html", "mal/index.html",
                     "mal/tema/ekonomi/index.html", "mal/kommun/testby/index.html"] {
            let html = try #require(pages[path], "\(path)")
            #expect(html.components(separatedBy: "<h3 data-fragment>").count - 1 == goals.count, "\(path)")
        }
        for goal in goals {
            let byTheme = try #require(Self.item("testby-2022-mal-\(goal)", in: pages["mal/tema/ekonomi/index.html"] ?? ""))
            #expect(Self.item("testby-2022-mal-\(goal)", in: pages["mal/kommun/testby/index.html"] ?? "") == byTheme)
        }
    }

    /// The base fixture's goal ids, as the content decodes them (all of the theme `ekonomi`,
    /// in the report `testby-2022`).
    private func goalIDs(_ site: TestSite) throws -> [String] {
        let (content, _) = ContentDecoder.decode(ContentLoader(root: site.content, displayRoot: "content").load())
        let goals = content.reports.flatMap { $0.sections.flatMap { $0.document.matter.goals ?? [] } }
        #expect(goals.allSatisfy { $0.theme.value == "ekonomi" })
        return goals.map(\.id.value)
    }

    /// The `<li>` with `id` in `html`, through its `</li>`.
    static func item(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<li id=\"\(id)\""),
              let end = html.range(of: "</li>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
