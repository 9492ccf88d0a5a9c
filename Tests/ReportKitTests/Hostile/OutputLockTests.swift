import Foundation
import Testing
@testable import ReportKit

/// Builds into one output exclude each other (issue #16, defect 2), leftovers of killed builds
/// are removed by the next build and nothing else is (defect 3), and an output that is a
/// symbolic link is written where it leads (defect 11).
@Suite struct OutputLockTests {
    static let refusal = "another arsrapport build is writing into"

    func start(_ site: TestSite, output: String = "out") throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["build", "--quiet", "--output", output]
        process.currentDirectoryURL = site.root
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    /// Twenty pairs of builds started together: every time the output is one whole, marked
    /// build, and a build that did not write says why.
    @Test func concurrentBuildsNeverBreakTheOutput() throws {
        let site = try TestSite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("out")
        #expect(site.build(output: out).succeeded)
        let whole = TestSite.snapshot(out)
        #expect(whole[SiteWriter.markerName] != nil)
        for pair in 1...20 {
            let builds = try [start(site), start(site)]
            for (process, errors) in builds {
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                if process.terminationStatus != 0 {
                    #expect(message.contains(Self.refusal), "pair \(pair): \(message)")
                }
            }
            #expect(TestSite.snapshot(out) == whole, "pair \(pair): the output is not one whole build")
            let strays = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") }
            #expect(strays == [], "pair \(pair)")
        }
    }

    /// While another build holds the lock, a build fails at once with a clear message and
    /// leaves the output as it was.
    @Test func aBuildWhileTheLockIsHeldFailsAtOnce() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = TestSite.snapshot(site.output)
        let lock = try OutputLock(beside: site.output)
        let result = site.build()
        lock.release()
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.hasPrefix("public:1:1: error: \(Self.refusal) \(site.output.path) right now") == true)
        #expect(TestSite.snapshot(site.output) == before)
        #expect(site.build().succeeded)
    }

    /// What killed builds leave, at every point: a staging folder with its marker (killed while
    /// writing), without it (killed while creating it, or after the swap while removing the old
    /// build), the `.old` of the two-rename swap. All go; look-alikes that are not this output's stay.
    @Test func leftoversOfKilledBuildsAreRemovedAndOnlyThey() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let fm = FileManager.default
        let own = [".public.tmp-12345", ".public.tmp-999", ".public.tmp-4242.old", ".public.tmp-77"]
        let foreign = [".public.tmp-abc", ".publicity.tmp-1", ".other.tmp-5", "public.tmp-3", ".public.tmp-", ".public.tmp-12.bak"]
        for (index, name) in (own + foreign).enumerated() {
            let folder = site.root.appendingPathComponent(name)
            try fm.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("assets/sok.js"))
            if index % 2 == 0 { try Data().write(to: folder.appendingPathComponent(SiteWriter.markerName)) }
        }
        try fm.createDirectory(at: site.root.appendingPathComponent(".public.tmp-77"), withIntermediateDirectories: true)
        #expect(site.build().succeeded)
        let left = Set(try fm.contentsOfDirectory(atPath: site.root.path))
        for name in own { #expect(!left.contains(name), "\(name) was left") }
        for name in foreign { #expect(left.contains(name), "\(name) is not this output's and was removed") }
    }

    /// `out -> target`: the target receives the new build atomically, the link stays a link.
    @Test func symlinkedOutputIsWrittenWhereItLeads() throws {
        let site = try TestSite()
        defer { site.remove() }
        let target = site.root.appendingPathComponent("srv/site")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let link = site.root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(site.build(output: link).succeeded)
        try site.write("content/index.md", "---\ntitle: Ändrad startsida\n---\nNy text.\n")
        let second = site.build(output: link)
        #expect(second.succeeded, "\(second.lines)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let page = try String(contentsOf: target.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("Ändrad startsida"))
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent(SiteWriter.markerName).path))
        let strays = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        #expect(strays.sorted() == [".site.lock", "site"])
    }
}
