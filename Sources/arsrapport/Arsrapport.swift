import ArgumentParser
import Foundation
import ReportKit

/// The command-line front end: parses arguments and prints results; the work is in ReportKit.
@main
struct Arsrapport: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "arsrapport",
        abstract: .text(.helpTool),
        version: version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportTableCommand.self,
                      SchemaCommand.self],
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
    @Option(help: Help.text(.helpContent))
    var content = "content"

    @Option(help: Help.text(.helpTemplates))
    var templates = "templates"

    @Option(help: Help.text(.helpBaseURL))
    var baseURL: String?

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError(Catalogue.text(.cliBaseURL, baseURL, in: Language.current))
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
        abstract: .text(.helpBuild),
        discussion: .text(.helpBuildDiscussion)
    )

    @OptionGroup var site: SiteOptions

    @Option(help: Help.text(.helpOutput))
    var output = "public"

    @Flag(help: Help.text(.helpTimings))
    var timings = false

    @Flag(help: Help.text(.helpDrafts))
    var drafts = false

    @OptionGroup var printing: OutputOptions

    func run() throws {
        let started = ContinuousClock.now
        let line = ProgressLine()
        var options = site.buildOptions(output: output, write: true)
        options.drafts = drafts
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
        abstract: .text(.helpCheck)
    )

    @OptionGroup var site: SiteOptions

    @Option(help: Help.text(.helpFormat))
    var format: DiagnosticFormat = .text

    @Flag(help: Help.text(.helpContradictions))
    var contradictions = false

    @Option(help: Help.text(.helpBaseRef))
    var baseRef: String?

    @Flag(help: Help.text(.helpAllFiles))
    var allFiles = false

    @OptionGroup var printing: OutputOptions

    func run() throws {
        let started = ContinuousClock.now
        let line = ProgressLine()
        var options = site.buildOptions(output: "public", write: false)
        let drawing = format == .text && !printing.quiet
        if drawing { options.progress = line.progress; line.start() }
        let result = SiteBuilder.check(options)
        if drawing { line.stop() }
        var choices = PrintChoices(contradictions: contradictions)
        if format == .github, !allFiles, let base = baseRef ?? ProcessInfo.processInfo.environment["GITHUB_BASE_REF"], !base.isEmpty {
            choices.changedFiles = ChangedFiles.since(base)
        }
        try Report.finish(result, verb: "check", started: started, format: format, output: printing, choices: choices)
    }
}

extension ReportMatter.Kind: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: .text(.helpNew),
        discussion: .text(.helpNewDiscussion)
    )

    @Argument(help: Help.text(.helpMunicipality))
    var municipality: String

    @Argument(help: Help.text(.helpYear))
    var year: Int

    @Option(help: Help.text(.helpKind))
    var kind: ReportMatter.Kind = .årsredovisning

    @Option(help: Help.text(.helpContent))
    var content = "content"

    func run() throws {
        do {
            let written = try ReportScaffold(municipality: municipality, year: year, kind: kind)
                .write(into: URL(fileURLWithPath: content))
            for path in written { print(TerminalText.escaped(Catalogue.text(.newCreated, "\(content)/\(path)", in: Language.current))) }
            print(Catalogue.text(.newNext, in: Language.current))
        } catch {
            FileHandle.standardError.write(Data("error: \(TerminalText.escaped(error.message.text(in: Language.current)))\n".utf8))
            throw ExitCode.failure
        }
    }
}
