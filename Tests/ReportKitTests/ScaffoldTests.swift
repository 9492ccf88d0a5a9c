import Foundation
import Testing
@testable import ReportKit

/// `arsrapport new`: what it writes passes `check` at once, and it never overwrites a report.
@Suite struct ScaffoldTests {
    @Test(arguments: [ReportMatter.Kind.årsredovisning, .delårsrapport])
    func newReportForANewMunicipalityPassesCheck(kind: ReportMatter.Kind) throws {
        let site = try TestSite()
        defer { site.remove() }
        let written = try ReportScaffold(municipality: "nacka", year: 2024, kind: kind).write(into: site.content)
        #expect(written.contains("kommuner/nacka.md"))
        #expect(written.filter { $0.hasPrefix("nacka-2024/") }.count == 8)
        let result = site.build(write: false)
        #expect(result.lines == [])
        let content = ContentDecoder.decode(ContentLoader(root: site.content, displayRoot: "content").load()).0
        let report = try #require(content.reports.first { $0.id == "nacka-2024" })
        #expect(report.index.matter.reportKind.value == kind)
        #expect(report.sections.count == 7)
    }

    @Test func newReportForAnExistingMunicipalityKeepsItsFile() throws {
        let site = try TestSite()
        defer { site.remove() }
        let before = try Data(contentsOf: site.content.appendingPathComponent("kommuner/testby.md"))
        let written = try ReportScaffold(municipality: "testby", year: 2023, kind: .årsredovisning).write(into: site.content)
        #expect(!written.contains("kommuner/testby.md"))
        #expect(try Data(contentsOf: site.content.appendingPathComponent("kommuner/testby.md")) == before)
        #expect(site.build(write: false).lines == [])
    }

    @Test func newTwiceFailsWithoutTouchingFiles() throws {
        let site = try TestSite()
        defer { site.remove() }
        _ = try ReportScaffold(municipality: "nacka", year: 2024, kind: .årsredovisning).write(into: site.content)
        try site.write("content/nacka-2024/ekonomi.md", "---\ntitle: Ekonomi\nsummarises: x\nsource: {lines: [1, 2]}\n---\nRedigerad.\n")
        let before = TestSite.snapshot(site.content)
        #expect(throws: ReportScaffold.Failure.self) {
            try ReportScaffold(municipality: "nacka", year: 2024, kind: .delårsrapport).write(into: site.content)
        }
        #expect(TestSite.snapshot(site.content) == before)
    }

    @Test func newThroughTheCommandLine() throws {
        let site = try TestSite()
        defer { site.remove() }
        let cli = CLITests()
        let first = try cli.run(["new", "nacka", "2024", "--kind", "delårsrapport"], in: site.root)
        #expect(first.status == 0)
        #expect(first.stdout.contains("created content/nacka-2024/index.md"))
        let again = try cli.run(["new", "nacka", "2024"], in: site.root)
        #expect(again.status == 1)
        #expect(again.stderr == "error: content/nacka-2024 already exists; nothing was written\n")
        #expect(try cli.run(["new", "Nacka Kommun", "2024"], in: site.root).status == 1)
        #expect(try cli.run(["new", "nacka", "2024", "--kind", "kvartal"], in: site.root).status == 2)
        #expect(try cli.run(["check"], in: site.root).status == 0)
    }
}
