import Foundation
import Testing
@testable import ReportKit

/// Whole sites: one that must build into exactly the expected files, and a corpus of broken
/// variants of it that must each fail with exactly the expected diagnostics, leaving the
/// previously built `public/` byte for byte as it was.
@Suite struct FixtureTests {
    static let invalid = TestSite.fixtures.appendingPathComponent("invalid")
    static var invalidCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: invalid.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func baseSiteBuildsIntoTheExpectedFiles() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = site.build()
        #expect(result.lines == [])
        let expectedFolder = TestSite.fixtures.appendingPathComponent("base/expected")
        // Theme assets are copied as they are (checked below), not pinned here: the theme changes
        // more often than the pages' structure.
        var actual = TestSite.snapshot(site.output)
        #expect(actual["assets/style.css"] == (try Data(contentsOf: site.templates.appendingPathComponent("assets/style.css"))))
        actual = actual.filter { !$0.key.hasPrefix("assets/") }
        if ProcessInfo.processInfo.environment["ARSRAPPORT_UPDATE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.copyItem(at: site.output, to: expectedFolder)
            try FileManager.default.removeItem(at: expectedFolder.appendingPathComponent("assets"))
        }
        let expected = TestSite.snapshot(expectedFolder)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for path in expected.keys.sorted() where actual[path] != expected[path] {
            Issue.record("\(path) differs from Fixtures/base/expected/\(path) (run with ARSRAPPORT_UPDATE_FIXTURES=1 to accept a deliberate change)")
        }
    }

    /// The parameterised test below passes with no cases at all: a missing or emptied
    /// fixture folder must fail here instead.
    @Test func invalidFixturesAreThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.invalid.path).filter { !$0.hasPrefix(".") }
        #expect(names.count >= 16, "only \(names.count) invalid fixtures in \(Self.invalid.path)")
        #expect(Self.invalidCases == names.sorted())
        for name in names {
            #expect(FileManager.default.fileExists(atPath: Self.invalid.appendingPathComponent("\(name)/expected.txt").path), "\(name) has no expected.txt")
        }
    }

    @Test(arguments: invalidCases)
    func invalidSiteFailsWithItsDiagnosticsAndKeepsPublic(name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = TestSite.snapshot(site.output)
        #expect(!before.isEmpty)

        let overlay = Self.invalid.appendingPathComponent(name)
        try site.apply(overlay: overlay)
        let result = site.build()
        let expected = try String(contentsOf: overlay.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(!result.succeeded)
        #expect(result.lines == expected)
        #expect(TestSite.snapshot(site.output) == before, "public/ changed after a failed build")
    }
}
