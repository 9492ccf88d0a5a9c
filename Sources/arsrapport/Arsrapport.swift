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

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the content and write the website.",
        discussion: "The new site replaces the output folder in one step: if anything is wrong, the previous site is left exactly as it was."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Folder to write the website to.")
    var output = "public"

    @Flag(help: "Print how long each stage took (also part of --verbose).")
    var timings = false

    @OptionGroup var printing: OutputOptions

    func run() throws {
        let started = ContinuousClock.now
        let line = ProgressLine()
        var options = site.buildOptions(output: output, write: true)
        if !printing.quiet { options.progress = line.progress; line.start() }
        let result = SiteBuilder.build(options)
        if !printing.quiet { line.stop() }
        if timings && !printing.verbose { Report.printTimings(result) }
        try Report.finish(result, verb: "build", started: started, output: printing)
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

    @OptionGroup var printing: OutputOptions

    func run() throws {
        let started = ContinuousClock.now
        let line = ProgressLine()
        var options = site.buildOptions(output: "public", write: false)
        let drawing = format == .text && !printing.quiet
        if drawing { options.progress = line.progress; line.start() }
        let result = SiteBuilder.build(options)
        if drawing { line.stop() }
        try Report.finish(result, verb: "check", started: started, format: format, output: printing)
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
            for path in written { print(TerminalText.escaped("created \(content)/\(path)")) }
            print("Fill in the files, then run `arsrapport check`. The fields are described in docs/content-format.md.")
        } catch {
            FileHandle.standardError.write(Data("error: \(TerminalText.escaped(error.description))\n".utf8))
            throw ExitCode.failure
        }
    }
}
