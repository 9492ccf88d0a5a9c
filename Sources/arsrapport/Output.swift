import ArgumentParser
import Foundation
import ReportKit

/// How much `build`, `check` and `serve` print.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each stage's time and memory.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }
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

/// Prints diagnostics and the summary line; throws the exit code on failure.
enum Report {
    static func finish(_ result: BuildResult, verb: String, started: ContinuousClock.Instant,
                       format: DiagnosticFormat = .text, output: OutputOptions = OutputOptions()) throws {
        if format == .json {
            // The whole answer is the JSON document, on standard output, for a program to read.
            print(DiagnosticFormatter.format(result.diagnostics, as: .json), terminator: "")
            if result.diagnostics.hasErrors { throw ExitCode.failure }
            return
        }
        let shown = output.quiet ? result.diagnostics.filter { $0.severity == .error } : result.diagnostics
        let printed = DiagnosticFormatter.format(shown, as: format)
        if format == .github {
            print(printed, terminator: "")  // Actions reads workflow commands from standard output
        } else {
            Terminal.write(Terminal.colourise(printed))
        }
        if output.verbose { printTimings(result) }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if errors > 0 {
            let line = "\(verb) failed: \(counts); nothing was written (\(milliseconds) ms)"
            Terminal.write((Terminal.colour ? "\u{1B}[1;31m\(line)\u{1B}[0m" : line) + "\n")
            throw ExitCode.failure
        }
        guard !output.quiet else { return }
        let rate = milliseconds >= 1000 ? ", \(Int64(result.pagesWritten) * 1000 / milliseconds) pages per second" : ""
        if verb == "build" {
            let index = result.searchIndexBytes > 0 ? "; search index \((result.searchIndexBytes + 999) / 1000) kB" : ""
            print("built \(result.pagesWritten) pages (\(result.filesWritten) files), \(counts) in \(milliseconds) ms\(rate)\(index)")
        } else {
            print("checked: \(counts) in \(milliseconds) ms")
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
