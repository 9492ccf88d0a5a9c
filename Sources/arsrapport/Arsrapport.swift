import ArgumentParser
import Foundation
import ReportKit

/// The command-line front end: parses arguments and prints results; the work is in ReportKit.
@main
struct Arsrapport: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "arsrapport",
        abstract: "Builds a website that compares the social services committees' annual reports.",
        version: version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, SchemaCommand.self],
        defaultSubcommand: nil
    )

    /// Like `ParsableCommand.main()`, but bad usage exits with 2 (the convention of most Unix
    /// tools and of this project), not ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder with the reports' Markdown files.")
    var content = "content"

    @Option(help: "Folder with the Mustache templates and the theme's assets.")
    var templates = "templates"

    @Option(help: "Address the site is published at, e.g. https://intranet.example/arsrapporter/ (links, canonical URLs and the sitemap use it). Leave out for a site that works opened from disk.")
    var baseURL: String?

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http://, got \"\(baseURL)\"")
        }
    }
}

extension SiteOptions {
    func buildOptions(output: String, write: Bool) -> BuildOptions {
        BuildOptions(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
                     output: URL(fileURLWithPath: output), baseURL: baseURL, write: write)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints diagnostics and the summary line; throws the exit code on failure.
enum Report {
    static func finish(_ result: BuildResult, verb: String, started: ContinuousClock.Instant,
                       format: DiagnosticFormat = .text) throws {
        if format == .json {
            // The whole answer is the JSON document, on standard output, for a program to read.
            print(DiagnosticFormatter.format(result.diagnostics, as: .json), terminator: "")
            if result.diagnostics.hasErrors { throw ExitCode.failure }
            return
        }
        let printed = DiagnosticFormatter.format(result.diagnostics, as: format)
        if format == .github {
            print(printed, terminator: "")  // Actions reads workflow commands from standard output
        } else {
            FileHandle.standardError.write(Data(printed.utf8))
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if errors > 0 {
            FileHandle.standardError.write(Data("\(verb) failed: \(counts); nothing was written (\(milliseconds) ms)\n".utf8))
            throw ExitCode.failure
        }
        if verb == "build" {
            print("built \(result.pagesWritten) pages (\(result.filesWritten) files), \(counts) in \(milliseconds) ms")
        } else {
            print("checked: \(counts) in \(milliseconds) ms")
        }
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the content and write the website.",
        discussion: "The new site replaces the output folder in one step: if anything is wrong, the previous site is left exactly as it was."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Folder to write the website to.")
    var output = "public"

    @Flag(help: "Print how long each stage took.")
    var timings = false

    func run() throws {
        let started = ContinuousClock.now
        let result = SiteBuilder.build(site.buildOptions(output: output, write: true))
        if timings {
            print("  stage         time   peak memory")
            for (stage, seconds, memory) in result.timings {
                print("  \(stage.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%8.1f ms %8.1f MB", seconds * 1000, Double(memory) / 1_048_576))")
            }
        }
        try Report.finish(result, verb: "build", started: started)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and templates without writing anything."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print problems: text (for people), github (annotations on a pull request's changed lines), json (for programs).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let started = ContinuousClock.now
        let result = SiteBuilder.build(site.buildOptions(output: "public", write: false))
        try Report.finish(result, verb: "check", started: started, format: format)
    }
}

extension ReportMatter.Kind: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new report folder with every section, ready to fill in.",
        discussion: "Example: arsrapport new huddinge 2024 --kind årsredovisning. The files pass `check` at once; never overwrites an existing report."
    )

    @Argument(help: "The municipality's id, e.g. huddinge (a-z, 0-9 and '-').")
    var municipality: String

    @Argument(help: "The report's year, e.g. 2024.")
    var year: Int

    @Option(help: "delårsrapport or årsredovisning.")
    var kind: ReportMatter.Kind = .årsredovisning

    @Option(help: "Folder with the reports' Markdown files.")
    var content = "content"

    func run() throws {
        do {
            let written = try ReportScaffold(municipality: municipality, year: year, kind: kind)
                .write(into: URL(fileURLWithPath: content))
            for path in written { print("created \(content)/\(path)") }
            print("Fill in the files, then run `arsrapport check`. The fields are described in docs/content-format.md.")
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}
