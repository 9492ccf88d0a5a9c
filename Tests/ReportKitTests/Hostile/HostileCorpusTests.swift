import Foundation
import Testing
@testable import ReportKit

/// Replays every case of `Fixtures/hostile/` against the executable, as CI runs it: each case
/// is a set of files laid over the base site (plus named pipes listed in `fifos.txt`, which
/// git cannot hold). The expected outcome is pinned beside it: `expected.txt` holds what
/// `build` prints on standard error (without the timed summary line), `status.txt` its exit
/// status; a failing build must leave `public/` byte for byte as it was, and a succeeding one
/// must not publish the files listed in `unpublished.txt`. `about.txt` says what is tried.
/// After a deliberate change: `ARSRAPPORT_UPDATE_FIXTURES=1 swift test --filter HostileCorpus`,
/// then review the diff.
@Suite struct HostileCorpusTests {
    static let corpus = TestSite.fixtures.appendingPathComponent("hostile")
    static let pinned: Set<String> = ["about.txt", "expected.txt", "status.txt", "fifos.txt", "unpublished.txt"]

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The replay below passes with no cases at all: an emptied corpus must fail here.
    @Test func theCorpusIsThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }
        #expect(names.count >= 29, "only \(names.count) hostile cases")
        for name in names {
            let folder = Self.corpus.appendingPathComponent(name)
            for file in ["about.txt", "expected.txt", "status.txt"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(name) has no \(file)")
            }
        }
    }

    static func lines(_ file: URL) -> [String] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test(arguments: cases)
    func replay(name: String) throws {
        let folder = Self.corpus.appendingPathComponent(name)
        let site = try TestSite()
        defer { site.remove() }
        let cli = CLITests()
        #expect(try cli.run(["build", "--quiet"], in: site.root).status == 0)
        let before = TestSite.snapshot(site.output)

        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if Self.pinned.contains(relative) { continue }
            try site.write(relative, try Data(contentsOf: url))
        }
        for fifo in Self.lines(folder.appendingPathComponent("fifos.txt")) {
            #expect(mkfifo(site.root.appendingPathComponent(fifo).path, 0o644) == 0)
        }

        let run = try cli.run(["build"], in: site.root)
        // Everything printed but the summary line, whose milliseconds vary.
        let printed = run.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("build failed: ") }
        if ProcessInfo.processInfo.environment["ARSRAPPORT_UPDATE_FIXTURES"] == "1" {
            try (printed.map { $0 + "\n" }.joined()).write(to: folder.appendingPathComponent("expected.txt"), atomically: true, encoding: .utf8)
            try "\(run.status)\n".write(to: folder.appendingPathComponent("status.txt"), atomically: true, encoding: .utf8)
        }
        #expect(printed == Self.lines(folder.appendingPathComponent("expected.txt")))
        #expect("\(run.status)" == Self.lines(folder.appendingPathComponent("status.txt")).first)
        let after = TestSite.snapshot(site.output)
        if run.status != 0 {
            #expect(after == before, "public/ changed after a failed build")
        }
        for path in Self.lines(folder.appendingPathComponent("unpublished.txt")) {
            #expect(after[path] == nil, "\(path) was published")
        }
    }
}
