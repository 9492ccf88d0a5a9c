import Foundation
import Testing
@testable import ReportKit

/// `arsrapport new`: what it writes decodes, its placeholders fail a build until they are
/// replaced or the report is a draft, and it never overwrites a report.
@Suite struct ScaffoldTests {
    @Test(arguments: [ReportMatter.Kind.årsredovisning, .delårsrapport])
    func newReportFailsTheBuildListingItsPlaceholders(kind: ReportMatter.Kind) throws {
        let site = try TestSite()
        defer { site.remove() }
        let before = TestSite.snapshot(site.output)
        let written = try ReportScaffold(municipality: "nacka", year: 2024, kind: kind).write(into: site.content)
        #expect(written.contains("kommuner/nacka.md"))
        #expect(written.filter { $0.hasPrefix("nacka-2024/") }.count == 8)
        let result = site.build()
        #expect(!result.succeeded)
        #expect(TestSite.snapshot(site.output) == before)
        // Every problem is a placeholder, in every file written: the municipality, the report and its sections.
        #expect(result.diagnostics.allSatisfy { $0.messageKey == .placeholder && $0.severity == .error }, "\(result.lines)")
        #expect(Set(result.diagnostics.map(\.location.path)) == Set(written.map { "content/\($0)" }))
        #expect(result.lines.contains("content/nacka-2024/ekonomi.md:3:14: error: \"FYLL I: rapportens egna rubriker\" is a placeholder from `arsrapport new`; write what it asks for, or mark the report draft: true in its index.md to leave it out of the site until it is done"))
        // serve's settings: warnings, and the site builds.
        var options = BuildOptions(content: site.content, templates: site.templates, output: site.output, write: false, displayRoot: site.root)
        options.placeholders = .warning
        options.drafts = true
        let served = SiteBuilder.build(options)
        #expect(served.succeeded)
        #expect(served.diagnostics.count == result.diagnostics.count)
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
        let result = site.build(write: false)
        #expect(result.diagnostics.count == 16 && result.diagnostics.allSatisfy { $0.messageKey == .placeholder }, "\(result.lines)")
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
        let check = try cli.run(["check"], in: site.root)
        #expect(check.status == 1)
        #expect(check.stderr.contains("is a placeholder from `arsrapport new`"))
    }

    /// A draft is left out of `build` (also its placeholders), links to it are reported, and
    /// `--drafts` builds it with the Utkast banner.
    @Test func draftIsLeftOutAndLinksToItAreReported() throws {
        let site = try TestSite()
        defer { site.remove() }
        _ = try ReportScaffold(municipality: "testby", year: 2023, kind: .årsredovisning).write(into: site.content)
        let index = site.content.appendingPathComponent("testby-2023/index.md")
        try String(contentsOf: index, encoding: .utf8).replacingOccurrences(of: "# draft: true ", with: "draft: true # ")
            .write(to: index, atomically: true, encoding: .utf8)
        let draft = site.build()
        #expect(draft.lines == [])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("testby-2023").path))
        #expect(!(try site.read("kommuner/testby/index.html")).contains("testby-2023"))

        let cli = CLITests()
        let withDrafts = try cli.run(["build", "--drafts", "--output", "utkast"], in: site.root)
        #expect(withDrafts.status == 0)
        #expect(withDrafts.stderr.contains("warning: \"FYLL I"))
        let page = try String(contentsOf: site.root.appendingPathComponent("utkast/testby-2023/ekonomi/index.html"), encoding: .utf8)
        #expect(page.contains("<p class=\"draft-banner\" role=\"note\"><strong>Utkast.</strong>"))
        #expect(!(try site.read("testby-2022/ekonomi/index.html")).contains("draft-banner"))

        let summary = site.content.appendingPathComponent("testby-2022/sammanfattning.md")
        try (String(contentsOf: summary, encoding: .utf8) + "\nSe [förra året](../testby-2023/ekonomi.md).\n")
            .write(to: summary, atomically: true, encoding: .utf8)
        let linked = site.build()
        #expect(!linked.succeeded)
        #expect(linked.errors.count == 1)
        #expect(linked.errors.first?.hasSuffix("error: this links to content/testby-2023/ekonomi.md, which is a draft (draft: true) and is left out of the site; remove the link, or publish the report") == true)
    }
}
