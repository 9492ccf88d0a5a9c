import Foundation
import Testing
@testable import ReportKit

/// The open data and the search index are kept per report: after a one-report edit only that
/// report's share is made again, and the files joined from the shares are byte for byte the
/// files encoded whole.
@Suite(.serialized) struct DataSharesTests {
    static let linker = Linker(baseURL: "https://example.org/rapporter/")

    /// The real site as Assemble leaves it, with every page's Markdown rendered.
    static func assemble(_ site: TestSite) -> (Site, [String: RenderedBody]) {
        let loaded = ContentLoader(root: site.content, displayRoot: "content").load()
        var (content, _) = ContentDecoder.decode(loaded, parallel: false)
        content.leaveOutDrafts()
        let (assembled, _) = SiteAssembler.assemble(content)
        let markdown = MarkdownStage(site: assembled, linker: linker)
        return (assembled, Dictionary(uniqueKeysWithValues: assembled.pages.map { ($0.path, markdown.render($0)) }))
    }

    static func bytes(_ files: [OutputFile]) -> [String: [UInt8]] {
        IncrementalTests.bytes(files)
    }

    /// Exports and indexes `site` reusing the memos, and requires the same bytes as the
    /// whole encodings.
    static func export(_ site: Site, _ bodies: [String: RenderedBody], reusing memos: (DataExport.Memo, SearchIndex.Memo)?)
        -> (DataExport.Memo, SearchIndex.Memo) {
        let siteIndex = SiteIndex(site: site, linker: linker)
        let export = DataExport(index: siteIndex, linker: linker)
        let (files, openData) = export.files(reusing: memos?.0)
        #expect(bytes(files) == bytes(export.files()), "open data joined from shares")
        let index = SearchIndex(site: site, linker: linker, comparisons: siteIndex.metricComparisons)
        let (file, searchIndex) = index.file(bodies: bodies, reusing: memos?.1)
        #expect(bytes([file]) == bytes([index.file(bodies: bodies)]), "search index joined from shares")
        return (openData, searchIndex)
    }

    @Test func aOneReportEditRecomputesOnlyThatReportsShares() throws {
        let site = try IncrementalTests.realSite()
        defer { site.remove() }
        let (first, firstBodies) = Self.assemble(site)
        #expect(first.content.reports.count == 4)
        let scratch = Self.export(first, firstBodies, reusing: nil)
        #expect((scratch.0.recomputed, scratch.0.total) == (4, 4))
        #expect((scratch.1.recomputedReports, scratch.1.reports) == (4, 4))

        let same = Self.export(first, firstBodies, reusing: scratch)
        #expect(same.0.recomputed == 0 && same.1.recomputed == 0, "nothing changed")

        let url = site.content.appendingPathComponent("huddinge-2020/ekonomi.md")
        try (String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "value: 40.9", with: "value: 41.5"))
            .write(to: url, atomically: true, encoding: .utf8)
        let (edited, editedBodies) = Self.assemble(site)
        let one = Self.export(edited, editedBodies, reusing: scratch)
        #expect((one.0.recomputed, one.0.total) == (1, 4), "open data shares made again")
        #expect((one.1.recomputedReports, one.1.reports) == (1, 4), "search index shares made again")
        // The report's share, and the share of the one year page that lists the edited value
        // (jamfor/verksamhetens-intakter/2020/); the other pages of no report are reused.
        #expect(one.1.recomputed == 2, "pages of no report reused but the edited value's year page")

        // A new section moves the pages after it: their shares are encoded again, still equal.
        try site.write("content/huddinge-2020/framtid.md", "---\ntitle: Framtid\nsummarises: Framtiden\nsource: {lines: [1, 2]}\n---\nText.\n")
        let (added, addedBodies) = Self.assemble(site)
        _ = Self.export(added, addedBodies, reusing: one)
    }

    @Test func sharesOfAnEmptySiteJoinAsTheWholeEncoding() {
        let site = Site(content: Content(), pages: [], pathsBySource: [:])
        _ = Self.export(site, [:], reusing: nil)
    }
}
