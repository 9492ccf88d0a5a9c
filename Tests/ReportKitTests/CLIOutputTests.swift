import Foundation
import Testing
@testable import ReportKit

/// What the executable prints on the real site and in each language: quiet when all is well,
/// known contradictions counted, GitHub annotations only where a pull request changes files.
@Suite struct CLIOutputTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [Substring] { (stdout + stderr).split(separator: "\n") }
    }

    /// Runs the debug executable with only the given environment (plus PATH), so that the
    /// machine's own LANG does not decide the language.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { a, _ in a }
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

    /// A copy of the real site (content and templates) in a temporary folder.
    static func realSite() throws -> TestSite {
        let site = try TestSite(base: nil)
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.copyItem(at: RealContentTests.content, to: site.content)
        return site
    }

    @Test func realSiteBuildPrintsAtMostThreeLines() throws {
        let site = try Self.realSite()
        defer { site.remove() }
        let result = try Self.run(["build"], in: site.root)
        #expect(result.status == 0)
        #expect(result.lines.count <= 3, "\(result.lines)")
        #expect(result.stderr.isEmpty)
        #expect(result.lines.first == "58 known contradictions in the sources, see `arsrapport check --contradictions`")
        #expect(result.lines.last?.hasPrefix("built ") == true)

        let swedish = try Self.run(["build"], in: site.root, environment: ["LANG": "sv_SE.UTF-8"])
        #expect(swedish.lines.first == "58 kända motsägelser i källorna, se `arsrapport check --contradictions`")
        #expect(swedish.lines.last?.hasPrefix("byggde ") == true)
    }

    @Test func checkContradictionsListsAllOfThem() throws {
        let site = try Self.realSite()
        defer { site.remove() }
        let result = try Self.run(["check", "--contradictions"], in: site.root)
        #expect(result.status == 0)
        let listed = result.stderr.split(separator: "\n").filter { $0.contains(": warning: recorded contradiction") }
        #expect(listed.count == 58)
        let expected = try String(contentsOf: TestSite.fixtures.appendingPathComponent("real-content-warnings.txt"), encoding: .utf8)
            .split(separator: "\n")
        #expect(listed == expected)
        // In Swedish, the same contradictions at the same places, every one translated.
        let swedish = try Self.run(["check", "--contradictions"], in: site.root, environment: ["LANG": "sv_SE.UTF-8"])
        let listedSwedish = swedish.stderr.split(separator: "\n").filter { $0.contains(": warning: antecknad motsägelse") }
        #expect(listedSwedish.count == 58)
        #expect(listedSwedish.map { $0.prefix { $0 != " " } } == listed.map { $0.prefix { $0 != " " } })
    }

    @Test func languageFromTheLocaleVariablesOrTheOption() throws {
        #expect(Language.from(environment: [:]) == .english)
        #expect(Language.from(environment: ["LANG": "sv_SE.UTF-8"]) == .swedish)
        #expect(Language.from(environment: ["LANG": "sv_SE.UTF-8", "LC_ALL": "C"]) == .english)
        #expect(Language.from(environment: ["LANG": "en_GB.UTF-8", "LC_MESSAGES": "sv_FI"]) == .swedish)
        #expect(Language.from(environment: ["LC_ALL": "", "LANG": "sv"]) == .swedish)
        #expect(Language.from(arguments: ["check", "--lang", "en"], environment: ["LANG": "sv_SE.UTF-8"]) == .english)
        #expect(Language.from(arguments: ["check", "--lang=sv"], environment: [:]) == .swedish)
    }

    @Test func helpInTheUsersLanguage() throws {
        let folder = FileManager.default.temporaryDirectory
        let swedish = try Self.run(["build", "--help"], in: folder, environment: ["LANG": "sv_SE.UTF-8"])
        #expect(swedish.stdout.contains("OVERVIEW: Kontrollera innehållet och skriv webbplatsen."))
        #expect(swedish.stdout.contains("Mappen med rapporternas Markdown-filer."))
        let english = try Self.run(["build", "--help"], in: folder, environment: ["LANG": "C.UTF-8"])
        #expect(english.stdout.contains("OVERVIEW: Validate the content and write the website."))
        let chosen = try Self.run(["check", "--help", "--lang", "en"], in: folder, environment: ["LC_ALL": "sv_SE.UTF-8"])
        #expect(chosen.stdout.contains("Validate the content and templates without writing anything."))
        // The tool's own help, and its subcommands' abstracts.
        let tool = try Self.run(["--help"], in: folder, environment: ["LANG": "sv_SE.UTF-8"])
        #expect(tool.stdout.contains("OVERVIEW: Bygger en webbplats som jämför socialnämndernas årsredovisningar."))
        #expect(tool.stdout.contains("Kontrollera innehållet och skriv webbplatsen."))
        #expect(tool.stdout.contains("Skriv ett JSON Schema"))
        let toolEnglish = try Self.run(["--help", "--lang", "en"], in: folder, environment: ["LANG": "sv_SE.UTF-8"])
        #expect(toolEnglish.stdout.contains("OVERVIEW: Builds a website that compares the social services committees' annual"))
        #expect(toolEnglish.stdout.contains("Validate the content and write the website."))
        #expect(!toolEnglish.stdout.contains("Kontrollera innehållet"))
    }

    /// Two fixtures' diagnostics, in the language of the locale and in the one `--lang` names
    /// over it. (The catalogues' keys are compared in MessageCatalogueTests.)
    @Test(arguments: ["missing-keys-nested", "several-rules"],
          [("en", "expected.txt", ["LANG": "C.UTF-8"], ["LANG": "sv_SE.UTF-8"]),
           ("sv", "expected.sv.txt", ["LANG": "sv_SE.UTF-8"], ["LC_ALL": "en_GB.UTF-8"])])
    func fixtureDiagnosticsInBothLanguages(fixtureName: String,
                                           language: (code: String, file: String, locale: [String: String], otherLocale: [String: String])) throws {
        let site = try TestSite()
        defer { site.remove() }
        let fixture = TestSite.fixtures.appendingPathComponent("invalid/\(fixtureName)")
        try site.apply(overlay: fixture)
        let expected = try String(contentsOf: fixture.appendingPathComponent(language.file), encoding: .utf8)
        func diagnostics(_ run: Run) -> String { run.stderr.split(separator: "\n").dropLast().joined(separator: "\n") + "\n" }
        let result = try Self.run(["check"], in: site.root, environment: language.locale)
        #expect(result.status == 1)
        #expect(diagnostics(result) == expected, "\(language.code)")
        let summary = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix(language.code == "sv" ? "kontrollen misslyckades: " : "check failed: "), "\(summary)")
        let option = try Self.run(["check", "--lang", language.code], in: site.root, environment: language.otherLocale)
        #expect(option.status == 1)
        #expect(diagnostics(option) == expected, "--lang \(language.code)")
    }

    @Test func githubAnnotatesWarningsOnlyInChangedFiles() throws {
        let site = try TestSite(files: ["content/testby-2022/personal.md": CLITests.sectionWithWarning])
        defer { site.remove() }
        // A warning that is not a recorded contradiction: a CSV file no table reads.
        try site.write("content/testby-2022/oanvand.csv", "A;B\n1;2\n")
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments
            process.currentDirectoryURL = site.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "base")
        try git("checkout", "-q", "-b", "change")
        try site.write("content/teman/ekonomi.md", "---\ntitle: Ekonomi\ndescription: Ändrad.\n---\n")
        try git("commit", "-q", "-am", "change")

        let all = try Self.run(["check", "--format", "github", "--all-files"], in: site.root)
        #expect(all.stdout.contains("::warning file=content/testby-2022/oanvand.csv"))
        let changed = try Self.run(["check", "--format", "github", "--base-ref", "main"], in: site.root)
        #expect(changed.status == 0)
        #expect(!changed.stdout.contains("::warning"))
        #expect(changed.stdout.contains("1 warnings in files this change does not touch are not annotated"))
        let fromCI = try Self.run(["check", "--format", "github"], in: site.root, environment: ["GITHUB_BASE_REF": "main"])
        #expect(fromCI.stdout == changed.stdout.replacingOccurrences(of: #"\d+ ms"#, with: fromCI.stdout.firstMatch(of: /\d+ ms/).map { String($0.output) } ?? "", options: .regularExpression))
        // An error in a file the change does not touch is still annotated: it fails the build.
        try site.write("content/testby-2022/personal.md", "---\ntitle: Personal\n---\n")
        try git("commit", "-q", "-am", "break")
        let failing = try Self.run(["check", "--format", "github", "--base-ref", "HEAD~1"], in: site.root)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("::error file=content/testby-2022/personal.md"))
    }
}
