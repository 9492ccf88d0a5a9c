import Foundation
import Testing
@testable import ReportKit

/// The benchmark's synthetic corpus: the same seed gives the same bytes, it passes `check`,
/// and building it on one thread or on all cores gives the same site.
@Suite struct BenchCorpusTests {
    func generate(pages: Int, seed: Int, into folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestSite.repository.appendingPathComponent("scripts/bench").path,
                             "--generate-only", folder.path, "--pages", "\(pages)", "--seed", "\(seed)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func sameSeedSameBytesAndTheCorpusBuildsClean() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("arsrapport-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("a"), second = root.appendingPathComponent("b"), other = root.appendingPathComponent("c")
        try generate(pages: 300, seed: 7, into: first)
        try generate(pages: 300, seed: 7, into: second)
        try generate(pages: 300, seed: 8, into: other)
        let a = TestSite.snapshot(first)
        #expect(a.count > 300)
        #expect(a == TestSite.snapshot(second))
        #expect(a != TestSite.snapshot(other))

        let templates = TestSite.repository.appendingPathComponent("templates")
        let single = SiteBuilder.build(BuildOptions(content: first, templates: templates, output: root.appendingPathComponent("one"),
                                                    parallel: false, displayRoot: root))
        #expect(single.errors == [])
        #expect(single.pagesWritten >= 300)
        let parallel = SiteBuilder.build(BuildOptions(content: first, templates: templates, output: root.appendingPathComponent("all"),
                                                      parallel: true, displayRoot: root))
        #expect(parallel.errors == [])
        #expect(TestSite.snapshot(root.appendingPathComponent("one")) == TestSite.snapshot(root.appendingPathComponent("all")))
        // Both builds streamed their pages to disk as they were rendered; `check` holds them
        // in memory instead: the same files, byte for byte.
        let held = SiteBuilder.build(BuildOptions(content: first, templates: templates, output: root.appendingPathComponent("mem"),
                                                  write: false, displayRoot: root))
        var streamed = TestSite.snapshot(root.appendingPathComponent("all"))
        streamed.removeValue(forKey: SiteWriter.markerName)
        #expect(StreamingTests.bytes(held.files) == streamed)

        // With this many reports the goals page counts verdicts per theme instead of listing
        // every goal; the theme pages list them.
        let goals = try String(contentsOf: root.appendingPathComponent("all/mal/index.html"), encoding: .utf8)
        #expect(goals.contains("rapporter visas här hur många mål som fått varje bedömning"))
        #expect(goals.contains("<ul class=\"goal-counts\"><li class=\"verdict verdict-"))
        #expect(!goals.contains("<ul class=\"goals\">"))
        let theme = try String(contentsOf: root.appendingPathComponent("all/teman/ekonomi/index.html"), encoding: .utf8)
        #expect(theme.contains("<ul class=\"goals\">"))
    }
}
