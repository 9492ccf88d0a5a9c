import Foundation
import Testing
@testable import ReportKit

/// Control characters from content never reach a terminal or a log raw (issue #16, defect 7).
@Suite struct ControlCharacterTests {
    /// A YAML key that holds a newline, a forged diagnostic and an escape sequence; a file whose
    /// name holds a newline and a bidi override.
    static func hostileSite() throws -> TestSite {
        try TestSite(files: [
            "content/teman/ekonomi.md": "---\ntitle: Ekonomi\ndescription: x\n\"ok\\ncontent/forged.md:1:1: error: forged\\e[2J\\u202E\": 1\n---\n",
            "content/teman/bild\nfalsk\u{202E}.png": "x",
        ])
    }

    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { TerminalText.needsEscape($0) && $0 != "\n" }
            && !text.split(separator: "\n").contains { $0.hasPrefix("content/forged.md") || $0.hasPrefix("falsk") }
    }

    @Test func everyTextOutputPathEscapes() throws {
        let site = try Self.hostileSite()
        defer { site.remove() }
        let cli = CLITests()
        for arguments in [["build"], ["check"], ["check", "--format", "github"], ["build", "--quiet"], ["build", "--verbose"]] {
            let run = try cli.run(arguments, in: site.root)
            #expect(run.status == 1)
            #expect(Self.isClean(run.stderr), "\(arguments) stderr: \(run.stderr.debugDescription)")
            #expect(Self.isClean(run.stdout), "\(arguments) stdout: \(run.stdout.debugDescription)")
        }
        let text = try cli.run(["check"], in: site.root).stderr
        #expect(text.contains(#"content/teman/ekonomi.md:4:1: error: unknown key "ok\ncontent/forged.md:1:1: error: forged\u{1B}[2J\u{202E}""#))
        #expect(text.contains(#"content/teman/bild\nfalsk\u{202E}.png:1:1: warning: not published"#))
        let github = try cli.run(["check", "--format", "github"], in: site.root).stdout
        #expect(github.contains(#"unknown key "ok%0Acontent/forged.md:1:1: error: forged\u{1B}[2J\u{202E}""#))
    }

    /// serve prints what DiagnosticFormatter's text format gives, and the browser overlay shows
    /// `Diagnostic.description`: both escaped.
    @Test func serveOutputEscapes() {
        let diagnostic = Diagnostic.uncatalogued(.error, "unknown key \"a\n\u{1B}[2J\u{9B}\u{2066}\"", at: SourceLocation(path: "content/x\r.md", line: 2, column: 1))
        let printed = DiagnosticFormatter.format([diagnostic], as: .text)
        #expect(printed == "content/x\\r.md:2:1: error: unknown key \"a\\n\\u{1B}[2J\\u{9B}\\u{2066}\"\n")
        #expect(diagnostic.description.split(separator: "\n").count == 1)
    }
}
