import Foundation
import Testing
@testable import ReportKit

/// Problems once reported at 1:1, twice, or at the wrong line, now at the place to fix and
/// once each (issue #16, defect 10).
@Suite struct LocationTests {
    func errors(_ files: [String: String]) throws -> [String] {
        let site = try TestSite(files: files)
        defer { site.remove() }
        return site.build(write: false).errors
    }

    func errors(editing path: String, _ edit: (String) -> String) throws -> [String] {
        let site = try TestSite()
        defer { site.remove() }
        let url = site.root.appendingPathComponent(path)
        try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        return site.build(write: false).errors
    }

    static let ekonomi = "content/testby-2022/ekonomi.md"

    @Test func unknownMunicipalityUnderDifferencesIsAtItsKey() throws {
        let found = try errors(editing: "content/jamfor/nettokostnad.md") { $0.replacingOccurrences(of: "  testby: Hela året.\n", with: "  testby: Hela året.\n  testbi: Fel namn.\n") }
        #expect(found == ["content/jamfor/nettokostnad.md:12:3: error: differences names unknown municipality \"testbi\"; did you mean \"testby\"?"])
    }

    /// A repeated table id: one error, at the second id (not a duplicate-anchor error at 1:1 too).
    @Test func duplicateTableIdIsOneErrorAtItsLine() throws {
        let found = try errors(editing: Self.ekonomi) { text in
            let table = text[text.range(of: "  - id: drift\n")!.lowerBound..<text.range(of: "goals:\n")!.lowerBound]
            return text.replacingOccurrences(of: "goals:\n", with: table + "goals:\n")
        }
        #expect(found == ["\(Self.ekonomi):50:9: error: table id \"drift\" is already used on this page"])
    }

    /// `## Innehåll` becomes `id="innehall"`, which the layout's table of contents has; and a
    /// link to `#översikt` is one diagnostic, not a second one in percent-encoding at 1:1.
    @Test func headingClashAndNonASCIIAnchor() throws {
        let found = try errors(editing: "content/testby-2022/sammanfattning.md") { $0 + "\n## Innehåll\n\nText [a](#översikt).\n" }
        #expect(found == [
            "content/testby-2022/sammanfattning.md:12:1: error: heading \"Innehåll\" gets the id \"innehall\", which the page already uses elsewhere (its layout, a table or a figure); rename the heading",
            "content/testby-2022/sammanfattning.md:14:6: error: link to missing anchor #översikt on /testby-2022/sammanfattning/",
        ])
    }

    /// Two reports may use the same goal id (the docs allow it): their theme page is fine.
    @Test func goalIdsRepeatedAcrossReportsAreNoDuplicateAnchors() throws {
        let site = try TestSite()
        defer { site.remove() }
        let from = site.content.appendingPathComponent("testby-2022"), to = site.content.appendingPathComponent("testby-2023")
        try FileManager.default.copyItem(at: from, to: to)
        for name in try FileManager.default.contentsOfDirectory(atPath: to.path) {
            let url = to.appendingPathComponent(name)
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "2022", with: "2023").write(to: url, atomically: true, encoding: .utf8)
        }
        let result = site.build()
        #expect(result.errors == [])
        let theme = try site.read("teman/ekonomi/index.html")
        #expect(theme.contains("id=\"testby-2022-mal-ekonomi-i-balans\"") && theme.contains("id=\"testby-2023-mal-ekonomi-i-balans\""))
    }

    /// Repeated keys in two mappings of one file: both reported, each at its repetition.
    @Test func everyRepeatedKeyIsReported() throws {
        let found = try errors(editing: Self.ekonomi) { text in
            text.replacingOccurrences(of: "    metric: budgetavvikelse\n", with: "    metric: budgetavvikelse\n    basis: prognos\n")
                .replacingOccurrences(of: "    value: -1054.4\n", with: "    value: -1054.4\n    value: -1054.5\n")
        }
        #expect(found == [
            "\(Self.ekonomi):11:5: error: key \"value\" appears more than once in the same mapping (first on line 10); keep one",
            "\(Self.ekonomi):26:5: error: key \"basis\" appears more than once in the same mapping (first on line 25); keep one",
        ])
        let page = try errors(["content/teman/ekonomi.md": "---\ntitle: A\ndescription: x\ntitle: B\ndescription: y\n---\ntitle: C\n"])
        #expect(page == [
            "content/teman/ekonomi.md:4:1: error: key \"title\" appears more than once in the same mapping (first on line 2); keep one",
            "content/teman/ekonomi.md:5:1: error: key \"description\" appears more than once in the same mapping (first on line 3); keep one",
        ])
    }

    @Test func unclosedBracketIsWhereItOpens() throws {
        #expect(try errors(["content/teman/ekonomi.md": "---\ntitle: [Ekonomi\ndescription: x\n---\n"]) == [
            "content/teman/ekonomi.md:2:8: error: YAML syntax error: a bracket or quote opened here is not closed (found \"did not find expected ',' or ']'\" at 3:12); close it on this line, or quote the whole value",
        ])
    }

    @Test func byteOrderMarkInTheMiddleCROnlyAndComplexKeys() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/teman/ekonomi.md", Data("---\ntitle: Ekonomi\ndescription: x\u{FEFF}y\n---\n".utf8))
        try site.write("content/teman/a.md", Data("---\rtitle: A\rdescription: x\r---\rText\r".utf8))
        try site.write("content/teman/b.md", Data("---\ntitle: B\ndescription: x\nnote: a\rb\n---\n".utf8))
        try site.write("content/teman/c.md", "---\ntitle: C\ndescription: x\n? [a, b]\n: c\n---\n")
        #expect(site.build(write: false).errors == [
            "content/teman/a.md:1:4: error: file has CR-only line endings (old Mac style), so it reads as one line; save it with LF line endings",
            "content/teman/b.md:4:8: error: file has a carriage return (CR) without a line feed here; save it with LF line endings",
            "content/teman/c.md:4:3: error: a key must be plain text, not a list (a YAML complex key); write the key as a word",
            "content/teman/ekonomi.md:3:15: error: file contains an invisible byte-order mark (U+FEFF) here, in the middle of the text (from pasting or joining files?); delete it",
        ])
    }
}
