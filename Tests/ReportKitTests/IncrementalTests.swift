import Foundation
import Testing
@testable import ReportKit

/// `serve` rebuilds through a `BuildSession`, which re-renders only the pages a change reaches.
/// Each test edits the real site step by step and compares every rebuild with a build from
/// scratch of the same files: the same files, byte for byte, and the same diagnostics.
@Suite(.serialized) struct IncrementalTests {
    /// The real content and templates in a temporary folder.
    static func realSite() throws -> TestSite {
        let site = try TestSite(base: nil)
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("content"), to: site.content)
        return site
    }

    static func options(_ site: TestSite) -> BuildOptions {
        BuildOptions(content: site.content, templates: site.templates, output: site.output, write: false, displayRoot: site.root)
    }

    static func bytes(_ files: [OutputFile]) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: files.map { file -> (String, [UInt8]) in
            switch file.contents {
            case .bytes(let bytes): return (file.path, bytes)
            case .text(let text): return (file.path, Array(text.utf8))
            case .copy(let url): return (file.path, [UInt8]((try? Data(contentsOf: url)) ?? Data()))
            }
        })
    }

    /// Rebuilds in the session and from scratch, and requires the same result.
    @discardableResult
    static func expectSameAsScratch(_ session: BuildSession, _ site: TestSite, _ step: String,
                                    changed: Set<String>? = nil) -> BuildResult {
        nonisolated(unsafe) var preview: BuildResult?
        let incremental = session.build(changed: changed) { preview = $0 }
        let scratch = SiteBuilder.build(options(site))
        if let preview {
            // The preview's pages are those of the full build; the others are the last build's.
            let (early, full) = (bytes(preview.files), bytes(scratch.files))
            let own = preview.rerendered ?? []
            #expect(!own.isEmpty && own.isSubset(of: incremental.rerendered ?? []), "preview after \(step)")
            let different = own.filter { early[$0] != full[$0] }.sorted()
            #expect(different.isEmpty, "preview pages differ after \(step): \(different)")
            #expect(preview.errors.isEmpty)
        }
        #expect(incremental.lines == scratch.lines, "diagnostics differ after: \(step)")
        let (a, b) = (bytes(incremental.files), bytes(scratch.files))
        #expect(a.keys.sorted() == b.keys.sorted(), "file lists differ after: \(step)")
        let different = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(different.isEmpty, "files differ after \(step): \(different.prefix(10))")
        return incremental
    }

    func edit(_ site: TestSite, _ path: String, _ change: (String) -> String) throws {
        let url = site.content.appendingPathComponent(path)
        let before = try String(contentsOf: url, encoding: .utf8)
        let after = change(before)
        #expect(after != before, "the edit of \(path) changed nothing")
        try after.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func rebuildsMatchBuildsFromScratch() throws {
        let site = try Self.realSite()
        defer { site.remove() }
        let session = BuildSession(options: Self.options(site))
        let first = session.build()
        #expect(first.errors == [])
        let total = first.pagesRendered

        let unchanged = Self.expectSameAsScratch(session, site, "no change")
        #expect(unchanged.pagesRendered == 0)

        try edit(site, "huddinge-2020/ekonomi.md") { $0.replacingOccurrences(of: "value: 40.9", with: "value: 41.5") }
        let figure = Self.expectSameAsScratch(session, site, "a figure's value")
        #expect(figure.pagesRendered > 0 && figure.pagesRendered < total / 2, "rendered \(figure.pagesRendered) of \(total)")
        #expect(figure.rerendered?.contains("huddinge-2020/ekonomi/index.html") == true)
        #expect(figure.rerendered?.contains("jamfor/verksamhetens-intakter/index.html") == true)
        #expect(figure.timings.contains { $0.stage == "preview" }, "a figure's edit is previewed")

        try edit(site, "huddinge-2020/ekonomi.md") { $0.replacingOccurrences(of: "## Volymer", with: "## Volymer och antal") }
        Self.expectSameAsScratch(session, site, "a heading (anchors move)")

        try edit(site, "huddinge-2020/ekonomi.md") { $0.replacingOccurrences(of: "title: Ekonomi", with: "title: Ekonomin") }
        Self.expectSameAsScratch(session, site, "a section title (backlinks, search page)")

        try edit(site, "huddinge-2020/ekonomi.md") { $0 + "\nSe även [Solnas ekonomi](../solna-2023/ekonomi.md).\n" }
        Self.expectSameAsScratch(session, site, "a new link (backlinks of the target)")

        try edit(site, "huddinge-2020/mal-och-resultat.md") { $0.replacing("term: god\n", with: "term: godtagbar\n", maxReplacements: 1) }
        Self.expectSameAsScratch(session, site, "a goal's verdict")

        try edit(site, "huddinge-2020/ekonomi.md") { $0.replacingOccurrences(of: "unit: mnkr", with: "unit: mnk") }
        let broken = Self.expectSameAsScratch(session, site, "an error")
        #expect(!broken.errors.isEmpty)

        try edit(site, "huddinge-2020/ekonomi.md") { $0.replacingOccurrences(of: "unit: mnk\n", with: "unit: mnkr\n") }
        let fixed = Self.expectSameAsScratch(session, site, "the error fixed")
        #expect(fixed.errors == [])

        try edit(site, "jamfor/nettokostnad.md") { $0.replacingOccurrences(of: "title: Nettokostnad", with: "title: Nettokostnaden") }
        // The pages that show the metric's title: its own, the index, the sections and themes
        // that name it, the start page, the search page (PageCatalogue declares each).
        let metric = Self.expectSameAsScratch(session, site, "a metric's title")
        #expect(metric.pagesRendered > 0 && metric.pagesRendered < total / 2, "rendered \(metric.pagesRendered) of \(total)")

        try edit(site, "huddinge-2020/index.md") { $0 + "\nEtt nytt stycke.\n" }
        Self.expectSameAsScratch(session, site, "a report's index text")

        try site.write("content/huddinge-2020/framtid.md", """
            ---
            title: Framtid
            summarises: Framtiden
            source: {lines: [1, 2]}
            ---
            Text om framtiden.
            """)
        Self.expectSameAsScratch(session, site, "a new section")
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("huddinge-2020/framtid.md"))
        Self.expectSameAsScratch(session, site, "the section removed")

        let layout = site.templates.appendingPathComponent("layout.mustache")
        try (String(contentsOf: layout, encoding: .utf8).replacingOccurrences(of: "</footer>", with: "<p>Ny rad</p></footer>"))
            .write(to: layout, atomically: true, encoding: .utf8)
        let template = Self.expectSameAsScratch(session, site, "a template")
        #expect(template.pagesRendered == total)
    }

    /// A CSV table edited (its .md file unchanged), broken, fixed, and a draft report added:
    /// each rebuild equals a build from scratch.
    @Test func csvTableAndDraftEdits() throws {
        let site = try Self.realSite()
        defer { site.remove() }
        let session = BuildSession(options: Self.options(site))
        #expect(session.build().errors == [])
        let csv = "haninge-2022/driftredovisning.csv"
        try edit(site, csv) { $0.replacingOccurrences(of: "Socialnämnd;2\u{A0}479", with: "Socialnämnd;12\u{A0}479") }
        let changed = Self.expectSameAsScratch(session, site, "a CSV cell changed")
        #expect(changed.errors.contains { $0.contains("driftredovisning.csv:") }, "the sums no longer add up")
        try edit(site, csv) { $0.replacingOccurrences(of: "Socialnämnd;12\u{A0}479", with: "Socialnämnd;2\u{A0}479") }
        #expect(Self.expectSameAsScratch(session, site, "the CSV cell restored").errors == [])
        try site.write("content/nacka-2024/index.md", "---\ntitle: T\nmunicipality: huddinge\ncommittee: S\nreport_kind: årsredovisning\nyear: 2024\nperiod: 2024\ndraft: true\nsource: {document: x.txt, title: X}\n---\nFYLL I: text.\n")
        #expect(Self.expectSameAsScratch(session, site, "a draft report added").errors == [])
    }

    /// `serve` passes the files its watcher saw change: only those are read again, including
    /// files added and removed, and each rebuild still equals a build from scratch. A change
    /// the list leaves out is not seen until a build without a list (nil: look at every file).
    @Test func rebuildsFromTheWatchersListOfChangedFiles() throws {
        let site = try Self.realSite()
        defer { site.remove() }
        let session = BuildSession(options: Self.options(site))
        #expect(session.build().errors == [])
        func path(_ relative: String) -> String { site.content.appendingPathComponent(relative).path }

        try edit(site, "huddinge-2020/ekonomi.md") { $0.replacingOccurrences(of: "value: 40.9", with: "value: 41.5") }
        let figure = Self.expectSameAsScratch(session, site, "a figure, listed", changed: [path("huddinge-2020/ekonomi.md")])
        #expect(figure.rerendered?.contains("jamfor/verksamhetens-intakter/index.html") == true)

        try site.write("content/huddinge-2020/framtid.md", """
            ---
            title: Framtid
            summarises: Framtiden
            source: {lines: [1, 2]}
            ---
            Text om framtiden.
            """)
        try site.write("content/huddinge-2020/a.png", Data([0x89, 0x50, 0x4E, 0x47]))
        let added = Self.expectSameAsScratch(session, site, "a section and an asset added, listed",
                                             changed: [path("huddinge-2020/framtid.md"), path("huddinge-2020/a.png")])
        #expect(added.files.contains { $0.path == "huddinge-2020/framtid/index.html" })

        try FileManager.default.removeItem(at: site.content.appendingPathComponent("huddinge-2020/framtid.md"))
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("huddinge-2020/a.png"))
        // With an editor's swap file and a file outside the content, which are not read.
        let removed = Self.expectSameAsScratch(session, site, "the section and the asset removed, listed",
                                               changed: [path("huddinge-2020/framtid.md"), path("huddinge-2020/a.png"),
                                                         path("huddinge-2020/.ekonomi.md.swp"), "/elsewhere/x.md"])
        #expect(!removed.files.contains { $0.path == "huddinge-2020/framtid/index.html" })

        // A change the list does not mention: not read, the site stays as it was…
        try edit(site, "huddinge-2020/ekonomi.md") { $0.replacingOccurrences(of: "value: 41.5", with: "value: 42.5") }
        let unlisted = session.build(changed: [path("huddinge-2020/index.md")])
        #expect(unlisted.pagesRendered == 0, "an unlisted file was read again")
        // …until a build that does not know what changed looks at every file.
        let seen = Self.expectSameAsScratch(session, site, "an unlisted change, then no list", changed: nil)
        #expect(seen.rerendered?.contains("huddinge-2020/ekonomi/index.html") == true)
    }
}
