import Foundation
import Testing
@testable import ReportKit

/// A build puts each page into the staging folder as soon as it is rendered; `check` and
/// `serve` keep the files in memory instead. The site is the same either way, and a build
/// that fails after pages were streamed leaves the published site as it was.
@Suite struct StreamingTests {
    /// Renders `site` from scratch into `output`, as the pipeline does after validation.
    static func render(_ site: TestSite, into output: any SiteOutput) throws -> SiteRenderer.Result {
        let loaded = ContentLoader(root: site.content, displayRoot: "content").load()
        var (content, _) = ContentDecoder.decode(loaded)
        content.leaveOutDrafts()
        let (assembled, _) = SiteAssembler.assemble(content)
        let templates = try #require(TemplateSet.load(from: site.templates, displayRoot: "templates").0)
        let linker = Linker(baseURL: nil)
        return SiteRenderer(index: SiteIndex(site: assembled, linker: linker), templates: templates, linker: linker,
                            contentRoot: site.content)
            .render(into: output, reusing: nil, change: nil)
    }

    static func bytes(_ files: [OutputFile]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: files.map { file -> (String, Data) in
            switch file.contents {
            case .bytes(let bytes): return (file.path, Data(bytes))
            case .text(let text): return (file.path, Data(text.utf8))
            case .copy(let url): return (file.path, (try? Data(contentsOf: url)) ?? Data())
            }
        })
    }

    @Test(arguments: [true, false])
    func streamedAndInMemoryBuildsAreByteIdentical(parallel: Bool) throws {
        let site = try IncrementalTests.realSite()
        defer { site.remove() }
        let streamed = site.build(baseURL: "https://example.se/rapporter/", parallel: parallel)
        #expect(streamed.errors == [])
        #expect(streamed.files.isEmpty, "a build that writes keeps no file in memory")
        var onDisk = TestSite.snapshot(site.output)
        #expect(onDisk.removeValue(forKey: SiteWriter.markerName) != nil)
        #expect(streamed.filesWritten == onDisk.count && streamed.pagesWritten > 20)

        let inMemory = site.build(write: false, baseURL: "https://example.se/rapporter/", parallel: parallel)
        #expect(inMemory.errors == [])
        let held = Self.bytes(inMemory.files)
        #expect(held.keys.sorted() == onDisk.keys.sorted())
        let different = held.keys.filter { held[$0] != onDisk[$0] }.sorted()
        #expect(different.isEmpty, "streamed and in-memory files differ: \(different.prefix(10))")
    }

    /// A broken anchor is found only once every page is rendered, so the pages are in the
    /// staging folder by then: the folder is removed and public/ stays as it was.
    @Test func failureAfterPagesWereStreamedLeavesPublicUntouched() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = TestSite.snapshot(site.output)
        let page = site.content.appendingPathComponent("testby-2022/ekonomi.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try (text + "\nSe [avsnittet](#finns-inte).\n").write(to: page, atomically: true, encoding: .utf8)

        let writer = SiteWriter(output: site.output, sources: [site.content, site.templates], workspaces: [])
        let staging = try writer.beginStaging()
        let rendered = try Self.render(site, into: staging)
        #expect(rendered.diagnostics.contains { $0.description.contains("link to missing anchor #finns-inte") })
        let streamedPage = staging.folder.appendingPathComponent("testby-2022/ekonomi/index.html").path
        #expect(FileManager.default.fileExists(atPath: streamedPage), "the page was written before the failure was known")
        staging.discard()
        #expect(!FileManager.default.fileExists(atPath: staging.folder.path))

        // The same through the whole pipeline.
        let result = site.build()
        #expect(result.errors.contains { $0.contains("link to missing anchor #finns-inte") })
        #expect(result.filesWritten == 0)
        #expect(TestSite.snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "staging folders left: \(leftovers)")

        // The lock was released: the next build, with the link fixed, goes through.
        try text.write(to: page, atomically: true, encoding: .utf8)
        #expect(site.build().succeeded)
    }

    /// A file that cannot be written fails the build at the swap, which then leaves the
    /// output as it was and removes the staging folder.
    @Test func aFailedWriteIsReportedAtFinish() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = TestSite.snapshot(site.output)
        let writer = SiteWriter(output: site.output, sources: [site.content, site.templates], workspaces: [])
        let staging = try writer.beginStaging()
        staging.put(OutputFile(path: "a/index.html", contents: .text("A")))
        staging.put(OutputFile(path: "a/index.html/b.html", contents: .text("B")))  // below a file
        #expect(throws: SiteWriter.WriteError.self) { try staging.finish() }
        #expect(!FileManager.default.fileExists(atPath: staging.folder.path))
        #expect(TestSite.snapshot(site.output) == before)
    }
}
