import ArgumentParser
import Foundation
import ReportKit

/// How much `build`, `check` and `serve` print.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: Help.text(.helpQuiet))
    var quiet = false

    @Flag(name: .shortAndLong, help: Help.text(.helpVerbose))
    var verbose = false

    @Option(help: Help.text(.helpLang))
    var lang: Language?

    var language: Language { lang ?? Language.current }

    func validate() throws {
        if quiet && verbose { throw ValidationError(Catalogue.text(.cliQuietVerbose, in: language)) }
    }
}

/// `--help` texts in the language of the run.
enum Help {
    static func text(_ key: MessageKey) -> ArgumentHelp { ArgumentHelp(stringLiteral: Catalogue.text(key, [], in: Language.current)) }
}

extension String {
    /// For `abstract:` and `discussion:`, which take plain strings.
    static func text(_ key: MessageKey) -> String { Catalogue.text(key, [], in: Language.current) }
}

extension Language: ExpressibleByArgument {
    /// The language of this run, read before the arguments are parsed (for `--help`).
    static let current = Language.from(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
}

/// The terminal on standard error: colour and a live progress line only when it is one (not
/// in CI logs or pipes), and never with NO_COLOR set (https://no-color.org).
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    static let colour = isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `path:line:col: error: message` with the position bold and the severity red or yellow.
    static func colourise(_ text: String) -> String {
        guard colour else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for (label, code) in [(": error: ", "1;31"), (": warning: ", "1;33")] {
                if let range = line.range(of: label) {
                    return "\u{1B}[1m\(line[..<range.lowerBound]):\u{1B}[0m \u{1B}[\(code)m\(label.dropFirst(2).dropLast())\u{1B}[0m "
                        + line[range.upperBound...]
                }
            }
            return String(line)
        }.joined(separator: "\n")
    }
}

/// A line on the terminal that shows the running stage and pages per second, drawn only for a
/// build that has taken more than a second, and erased when it ends.
final class ProgressLine: Sendable {
    let progress = BuildProgress()
    private let finished = DispatchSemaphore(value: 0)
    private let drawn = DispatchSemaphore(value: 0)

    /// Starts drawing (on a terminal only); call `stop()` when the build returns.
    func start() {
        guard Terminal.isInteractive else {
            drawn.signal()
            return
        }
        let started = ContinuousClock.now
        Thread { [self] in
            var visible = false
            var stageStarted = (name: "", at: ContinuousClock.now)
            while finished.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
                let elapsed = ContinuousClock.now - started
                guard elapsed > .seconds(1) else { continue }
                let stage = progress.stage, done = progress.done, total = progress.total
                if stage != stageStarted.name { stageStarted = (stage, .now) }
                var line = "\(stage)…"
                if total > 0 {
                    let seconds = Self.seconds(ContinuousClock.now - stageStarted.at)
                    let rate = seconds > 0.2 ? " · \(Int(Double(done) / seconds)) per second" : ""
                    line = "\(stage) \(done)/\(total)\(stage == "render" ? " pages" : " files")\(rate)"
                }
                Terminal.write("\r\u{1B}[K" + line)
                visible = true
            }
            if visible { Terminal.write("\r\u{1B}[K") }
            drawn.signal()
        }.start()
    }

    /// Stops and erases the line before anything else is printed.
    func stop() {
        finished.signal()
        drawn.wait()
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// What `finish` prints besides the diagnostics themselves.
struct PrintChoices {
    /// List the contradictions the content records, instead of counting them in one line.
    var contradictions = false
    /// For `--format github`: annotate warnings only in these files (errors always).
    var changedFiles: Set<String>?
}

/// Prints diagnostics and the summary line; throws the exit code on failure.
enum Report {
    static func finish(_ result: BuildResult, verb: String, started: ContinuousClock.Instant,
                       format: DiagnosticFormat = .text, output: OutputOptions = OutputOptions(),
                       choices: PrintChoices = PrintChoices()) throws {
        let language = output.language
        if format == .json {
            // The whole answer is the JSON document, on standard output, for a program to read.
            print(DiagnosticFormatter.format(result.diagnostics, as: .json), terminator: "")
            if result.diagnostics.hasErrors { throw ExitCode.failure }
            return
        }
        let known = result.diagnostics.knownContradictions
        var shown = choices.contradictions ? result.diagnostics : result.diagnostics.filter { $0.category != .knownContradiction }
        if output.quiet { shown = shown.filter { $0.severity == .error } }
        var unannotated = 0
        if format == .github, let changed = choices.changedFiles {
            let before = shown.count
            shown = shown.filter { $0.severity == .error || changed.contains($0.location.path) }
            unannotated = before - shown.count
        }
        let printed = DiagnosticFormatter.format(shown, as: format, language: language)
        if format == .github {
            print(printed, terminator: "")  // Actions reads workflow commands from standard output
        } else {
            Terminal.write(Terminal.colourise(printed))
        }
        if output.verbose { printTimings(result) }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors - known.count
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let counts = Catalogue.counts(errors: errors, warnings: warnings, in: language)
        if errors > 0 {
            let line = Catalogue.text(verb == "build" ? .buildFailed : .checkFailed, counts, "\(milliseconds)", in: language)
            Terminal.write((Terminal.colour ? "\u{1B}[1;31m\(line)\u{1B}[0m" : line) + "\n")
            throw ExitCode.failure
        }
        guard !output.quiet else { return }
        if unannotated > 0 { print(Catalogue.text(.notAnnotated, "\(unannotated)", in: language)) }
        if !known.isEmpty, !choices.contradictions { print(Catalogue.text(known.count == 1 ? .knownContradictionOne : .knownContradictions, "\(known.count)", in: language)) }
        let rate = milliseconds >= 1000
            ? Catalogue.text(.pagesPerSecond, "\(Int64(result.pagesWritten) * 1000 / milliseconds)", in: language) : ""
        if verb == "build" {
            let index = result.searchIndexBytes > 0
                ? Catalogue.text(.searchIndexSize, "\((result.searchIndexBytes + 999) / 1000)", in: language) : ""
            print(Catalogue.text(.builtSummary, "\(result.pagesWritten)", "\(result.filesWritten)", counts, "\(milliseconds)", rate + index,
                                 in: language))
        } else {
            print(Catalogue.text(.checkedSummary, counts, "\(milliseconds)", in: language))
        }
    }

    /// Each stage's time and the process's peak memory after it, on standard output.
    static func printTimings(_ result: BuildResult) {
        print("  stage         time   peak memory")
        for (stage, seconds, memory) in result.timings {
            print("  \(stage.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%8.1f ms %8.1f MB", seconds * 1000, Double(memory) / 1_048_576))")
        }
    }
}
