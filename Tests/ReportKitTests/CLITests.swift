import Foundation
import Testing
@testable import ReportKit

/// The executable as a person runs it: exit codes, help, version, the summary line.
@Suite struct CLITests {
    static let binary = TestSite.repository.appendingPathComponent(".build/debug/arsrapport")

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func run(_ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildSucceedsWithSummary() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("built 18 pages (30 files), 0 errors, 0 warnings in "))
        #expect(result.stdout.contains("; search index "), "the build says how large the search index is")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func errorsExitWithOneAndListEveryProblem() throws {
        let site = try TestSite(files: [
            "content/teman/ekonomi.md": "---\ntitle: Ekonomi\ndescripton: x\n---\n",
            "content/testby-2022/sammanfattning.md": "---\ntitle: S\nsummarises: S\nsource: {lines: [1, 2]}\n---\n[x](saknas.md)\n",
        ])
        defer { site.remove() }
        let result = try run(["build", "--output", "ut"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr == """
            content/teman/ekonomi.md:2:1: error: missing required key "description"
            content/teman/ekonomi.md:3:1: error: unknown key "descripton"; did you mean "description"?
            content/testby-2022/sammanfattning.md:6:1: error: link to missing page "saknas.md" (content/testby-2022/saknas.md); did you mean "testby-2022/ekonomi.md"?

            """.replacingOccurrences(of: "\n\n", with: "\n") + "build failed: 3 errors, 0 warnings; nothing was written (" + result.stderr.split(separator: "(").last!)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("ut").path))
    }

    /// A section that records a contradiction: one warning on an otherwise clean site.
    static let sectionWithWarning = "---\ntitle: Personal\nsummarises: Personal\nsource: {lines: [1, 2]}\n"
        + "discrepancies:\n  - lines: [1, 2]\n    note: Texten och tabellen säger olika.\n---\nText.\n"

    @Test func quietPrintsOnlyErrorsAndVerboseTheStages() throws {
        let site = try TestSite(files: ["content/testby-2022/personal.md": Self.sectionWithWarning])
        defer { site.remove() }
        let normal = try run(["check"], in: site.root)
        #expect(normal.status == 0)
        // A recorded contradiction is counted, not printed.
        #expect(normal.stderr.isEmpty)
        #expect(normal.stdout.hasPrefix("1 known contradiction in the sources, see `arsrapport check --contradictions`\nchecked: 0 errors, 0 warnings in "))
        #expect(try run(["check", "--contradictions"], in: site.root).stderr.contains("warning: recorded contradiction"))

        let quiet = try run(["check", "--quiet"], in: site.root)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)

        let verbose = try run(["build", "--verbose"], in: site.root)
        #expect(verbose.status == 0)
        #expect(verbose.stdout.contains("  stage         time   peak memory"))
        for stage in ["load", "validate", "assemble", "render", "write"] {
            #expect(verbose.stdout.contains("  \(stage) "), "no \(stage) line")
        }
        // Not a terminal: no colour codes, no progress line.
        #expect(!(normal.stderr + verbose.stderr + verbose.stdout).contains("\u{1B}"))

        try site.write("content/testby-2022/ekonomi.md", try String(contentsOf: site.content.appendingPathComponent("testby-2022/ekonomi.md"), encoding: .utf8)
            .replacingOccurrences(of: "unit: mnkr", with: "unit: mnkk"))
        let failing = try run(["check", "-q"], in: site.root)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains(": error: unit \"mnkk\""))
        #expect(!failing.stderr.contains("warning:"))
        #expect(try run(["check", "--quiet", "--verbose"], in: site.root).status == 2)
    }

    @Test func checkWritesNothingAndSucceeds() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try run(["check", "--content", "content", "--templates", "templates"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("checked: 0 errors, 0 warnings in "))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func badUsageExitsWithTwo() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try run(["build", "--no-such-option"], in: site.root).status == 2)
        #expect(try run(["bygg"], in: site.root).status == 2)
        #expect(try run(["build", "--base-url", "intranet/x"], in: site.root).status == 2)
    }

    @Test func helpAndVersion() throws {
        let site = try TestSite()
        defer { site.remove() }
        let help = try run(["--help"], in: site.root)
        #expect(help.status == 0)
        #expect(help.stdout.contains("build"))
        #expect(help.stdout.contains("check"))
        for command in ["build", "check"] {
            let sub = try run([command, "--help"], in: site.root)
            #expect(sub.status == 0)
            #expect(sub.stdout.contains("--content"))
            #expect(sub.stdout.contains("--base-url"))
        }
        #expect(try run(["build", "--help"], in: site.root).stdout.contains("--output"))
        let version = try run(["--version"], in: site.root)
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
    }

    /// The unknown-key fixture: two errors in one file.
    func twoErrorSite() throws -> TestSite {
        let site = try TestSite()
        try site.apply(overlay: TestSite.fixtures.appendingPathComponent("invalid/unknown-key"))
        return site
    }

    @Test func checkFormatGithub() throws {
        let site = try twoErrorSite()
        defer { site.remove() }
        let result = try run(["check", "--format", "github"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stdout == """
            ::error file=content/kommuner/testby.md,line=4,col=1::unknown key "comittee_scope"; did you mean "committee_scope"?
            ::error file=content/kommuner/testby.md,line=10,col=5::unknown key "nivå"; the keys allowed here are term, level

            """)
    }

    @Test func checkFormatJSON() throws {
        let site = try twoErrorSite()
        defer { site.remove() }
        let result = try run(["check", "--format", "json"], in: site.root)
        #expect(result.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(document?["errors"] as? Int == 2)
        #expect(document?["warnings"] as? Int == 0)
        let entries = document?["diagnostics"] as? [[String: Any]] ?? []
        #expect(entries.map { $0["line"] as? Int } == [4, 10])
        #expect(entries.map { $0["column"] as? Int } == [1, 5])
        #expect(entries.map { $0["file"] as? String } == ["content/kommuner/testby.md", "content/kommuner/testby.md"])
        #expect(entries.map { $0["severity"] as? String } == ["error", "error"])
        #expect(entries.first?["message"] as? String == "unknown key \"comittee_scope\"; did you mean \"committee_scope\"?")
    }

    @Test func checkFormatGithubEscapesNewlinesAndPercent() {
        let diagnostic = Diagnostic.uncatalogued(.error, "100% fel\nrad två", at: .init(path: "content/a,b.md", line: 2, column: 3))
        #expect(DiagnosticFormatter.format([diagnostic], as: .github) == "::error file=content/a%2Cb.md,line=2,col=3::100%25 fel%0Arad två\n")
    }

    @Test func schemaPrintsTheDocumentAndWritesEachKind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arsrapport-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let printed = try run(["schema"], in: folder)
        #expect(printed.status == 0)
        #expect(printed.stdout == FrontMatterSchema.document())

        #expect(try run(["schema", "--kind", "section", "--output", "section.json"], in: folder).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("section.json"), encoding: .utf8)
                == FrontMatterSchema.document(for: .section))

        #expect(try run(["schema", "--output-dir", "schemas"], in: folder).status == 0)
        for kind in FrontMatterKind.allCases {
            let written = try String(contentsOf: folder.appendingPathComponent("schemas/\(kind.rawValue).schema.json"), encoding: .utf8)
            #expect(written == FrontMatterSchema.document(for: kind), "schemas/\(kind.rawValue).schema.json")
        }
    }

    @Test func schemaRejectsOutputDirWithKind() throws {
        let result = try run(["schema", "--output-dir", "x", "--kind", "page"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output-dir writes every kind"))
        #expect(try run(["schema", "--kind", "figure"], in: FileManager.default.temporaryDirectory).status == 2)
    }
}
