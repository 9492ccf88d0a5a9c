import Foundation
import Testing
@testable import ReportKit

/// Inputs that are not text, too big, hostile or misplaced: each gets its diagnostic, and the
/// previously built site survives every one of them.
@Suite struct BadInputTests {
    /// Builds the base site, applies `change`, builds again: returns the diagnostics of the
    /// second build after checking that it failed and left `public/` byte-identical.
    func failingBuild(_ change: (TestSite) throws -> Void) throws -> [String] {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = TestSite.snapshot(site.output)
        try change(site)
        let result = site.build()
        #expect(!result.succeeded)
        #expect(TestSite.snapshot(site.output) == before, "public/ changed")
        return result.lines
    }

    @Test func utf16File() throws {
        let lines = try failingBuild { site in
            var data = Data([0xFF, 0xFE])
            for unit in "---\ntitle: Ekonomi\ndescription: x\n---\n".utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
            try site.write("content/teman/ekonomi.md", data)
        }
        #expect(lines == ["content/teman/ekonomi.md:1:1: error: file is UTF-16 text; save it as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"])
    }

    @Test func latin1File() throws {
        let lines = try failingBuild { site in
            try site.write("content/teman/ekonomi.md", Data("---\ntitle: Ekonomi\ndescription: Bist".utf8) + Data([0xE5]) + Data("nd\n---\n".utf8))
        }
        #expect(lines == ["content/teman/ekonomi.md:3:18: error: file is not valid UTF-8 (byte 0xE5); it may be Latin-1 or Windows-1252: save it as UTF-8"])
    }

    @Test func emptyFile() throws {
        let lines = try failingBuild { try $0.write("content/teman/ekonomi.md", "") }
        #expect(lines == ["content/teman/ekonomi.md:1:1: error: file is empty; a page starts with front matter between two '---' lines (see docs/content-format.md)"])
    }

    @Test func twentyMegabyteFileIsRefusedUnread() throws {
        let lines = try failingBuild { site in
            try site.write("content/teman/ekonomi.md", Data(repeating: UInt8(ascii: "a"), count: 20 * 1024 * 1024))
        }
        #expect(lines == ["content/teman/ekonomi.md:1:1: error: file is 20.0 MB, more than the 5.0 MB allowed for one page; split it into several sections"])
    }

    @Test func aliasBombIsRejectedQuickly() throws {
        var yaml = "---\ntitle: Ekonomi\ndescription: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "---\n"
        let clock = ContinuousClock.now
        let lines = try failingBuild { try $0.write("content/teman/ekonomi.md", yaml) }
        #expect(ContinuousClock.now - clock < .seconds(30))
        #expect(lines == [
            "content/teman/ekonomi.md:4:1: error: unknown key \"a0\"",
            "content/teman/ekonomi.md:5:1: error: unknown key \"a1\"",
            "content/teman/ekonomi.md:6:1: error: unknown key \"a2\"",
            "content/teman/ekonomi.md:7:1: error: unknown key \"a3\"",
            "content/teman/ekonomi.md:8:1: error: unknown key \"a4\"",
            "content/teman/ekonomi.md:9:1: error: unknown key \"a5\"",
            "content/teman/ekonomi.md:10:1: error: unknown key \"a6\"",
            "content/teman/ekonomi.md:11:1: error: unknown key \"a7\"",
            "content/teman/ekonomi.md:12:1: error: unknown key \"a8\"",
            "content/teman/ekonomi.md:13:1: error: unknown key \"a9\"",
        ])
    }

    @Test func aliasBombUnderAListKeyIsBounded() throws {
        var yaml = "---\ntitle: Nettokostnad\nunit: mnkr\ndefinition: x\nkind: flow\nsign: non-negative\narea: hela-namnden\nthemes: &a0 [ekonomi, ekonomi, ekonomi]\n"
        yaml += "differences:\n"
        for level in 1...12 {
            yaml += "  k\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "---\n"
        let clock = ContinuousClock.now
        let lines = try failingBuild { try $0.write("content/jamfor/nettokostnad.md", yaml) }
        #expect(ContinuousClock.now - clock < .seconds(30))
        #expect(lines == ["content/jamfor/nettokostnad.md:10:7: error: expected text, found a list"])
    }

    @Test func deeplyNestedDocumentIsRejected() throws {
        let depth = 5000
        let yaml = "---\ntitle: Ekonomi\ndescription: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n"
        let lines = try failingBuild { try $0.write("content/teman/ekonomi.md", yaml) }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("content/teman/ekonomi.md:3:") == true)
    }

    @Test func fileNameOutsideTheAllowedCharacters() throws {
        let lines = try failingBuild { site in
            try site.write("content/testby-2022/Ekonomi 2.md", "---\ntitle: x\n---\n")
        }
        #expect(lines == ["content/testby-2022/Ekonomi 2.md:1:1: error: name \"Ekonomi 2\" may only use a-z, 0-9 and single '-' (it becomes part of a web address); rename it to \"ekonomi-2\""])
    }

    @Test func linkLeavingTheContentFolder() throws {
        let lines = try failingBuild { site in
            try site.write("content/testby-2022/sammanfattning.md",
                           "---\ntitle: S\nsummarises: S\nsource: {lines: [1, 2]}\n---\n[hemligt](../../../etc/passwd.md)\n")
        }
        #expect(lines == ["content/testby-2022/sammanfattning.md:6:1: error: link \"../../../etc/passwd.md\" leads outside the content folder"])
    }

    @Test func symlinkOutsideContent() throws {
        let lines = try failingBuild { site in
            try site.write("elsewhere/secret.md", "---\ntitle: x\ndescription: y\n---\n")
            try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("teman/hemligt.md"),
                                                       withDestinationURL: site.root.appendingPathComponent("elsewhere/secret.md"))
        }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("content/teman/hemligt.md:1:1: error: symbolic link points outside the content folder") == true)
    }

    @Test func symlinkLoop() throws {
        let lines = try failingBuild { site in
            try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("testby-2022/loop"),
                                                       withDestinationURL: site.content.appendingPathComponent("testby-2022"))
            try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("teman/self.md"),
                                                       withDestinationURL: site.content.appendingPathComponent("teman/self.md"))
        }
        #expect(lines == [
            "content/teman/self.md:1:1: error: symbolic link points to nothing (or to itself)",
            "content/testby-2022/loop:1:1: error: symbolic link loop: this folder is already part of the content",
        ])
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file, so a file cannot be made unreadable"))
    func unreadableFile() throws {
        let lines = try failingBuild { site in
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.content.appendingPathComponent("teman/ekonomi.md").path)
        }
        #expect(lines == ["content/teman/ekonomi.md:1:1: error: cannot read file: permission denied"])
    }

    @Test func markdownPipeTableIsReported() throws {
        let lines = try failingBuild { site in
            try site.write("content/testby-2022/sammanfattning.md",
                           "---\ntitle: S\nsummarises: S\nsource: {lines: [1, 2]}\n---\nText.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        }
        #expect(lines == ["content/testby-2022/sammanfattning.md:8:1: error: Markdown tables (| … |) are not supported and would show as raw text; put the table under tables: in the front matter, or write it as a list"])
    }
}
