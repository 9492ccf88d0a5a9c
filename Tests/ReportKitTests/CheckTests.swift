import Foundation
import Testing
@testable import ReportKit

/// `arsrapport check` (`SiteBuilder.check`) runs every stage of a build but keeps no file:
/// it must say exactly what a build says, and leave the disk and its result empty of pages.
@Suite struct CheckTests {
    static let cases = ["base"] + FixtureTests.invalidCases

    @Test(arguments: cases)
    func checkReportsWhatBuildReportsAndWritesNothing(name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        if name != "base" { try site.apply(overlay: FixtureTests.invalid.appendingPathComponent(name)) }
        let before = TestSite.snapshot(site.root)
        let listing = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()

        let checked = SiteBuilder.check(BuildOptions(content: site.content, templates: site.templates, output: site.output,
                                                     displayRoot: site.root))
        #expect(checked.files.isEmpty, "check kept \(checked.files.count) files")
        #expect(TestSite.snapshot(site.root) == before, "check changed a file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == listing, "check made a file or folder")

        let built = site.build()
        #expect(checked.lines == built.lines)
        #expect(checked.pagesRendered == built.pagesRendered)
        #expect(checked.succeeded == (name == "base"))
    }
}
