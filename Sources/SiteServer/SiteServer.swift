import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import ReportKit
import Synchronization

/// `arsrapport serve`: builds the site, serves it from memory on localhost, and rebuilds it
/// whenever a file under content/ or templates/ changes. Open tabs reload after each
/// successful build and show the errors of a failed one. Nothing is written to disk.
public final class SiteServer: Sendable {
    let options: BuildOptions
    let port: UInt16
    /// Where progress and problems are printed (the terminal).
    let log: @Sendable (String) -> Void
    /// Also print each build's stage times; false prints only errors and the address.
    let verbose: Bool
    let quiet: Bool
    private let site = LiveSite()
    private let stopped = Atomic<Bool>(false)
    /// The warnings last printed (placeholders left by `new`, a CSV file no table reads…), so
    /// that a rebuild prints them only when they change. Known contradictions are not printed.
    private let warnings = Mutex<[Diagnostic]>([])

    /// - Parameter port: 0 picks a free port.
    public init(options: BuildOptions, port: UInt16, quiet: Bool = false, verbose: Bool = false,
                log: @escaping @Sendable (String) -> Void) {
        self.quiet = quiet
        self.verbose = verbose
        var options = options
        options.write = false
        options.baseURL = nil  // served at the root of localhost
        self.options = options
        self.port = port
        self.log = log
    }

    /// Runs until SIGINT (Ctrl-C) or SIGTERM; then closes connections and returns.
    public func run() async throws {
        // Builds run on their own thread, which owns the session and the watcher: they are
        // long, synchronous work that must not hold a thread of Swift's cooperative pool,
        // which serves the requests.
        let (ready, readyContinuation) = AsyncStream<MessagePart?>.makeStream()
        let rebuilds = Thread { [self] in
            let watcher: FileWatcher
            do { watcher = try FileWatcher(watching: [options.content, options.templates]) } catch {
                readyContinuation.yield((error as? CataloguedError)?.message ?? MessagePart(.serveFailed, "\(error)"))
                return
            }
            var warned = false
            func warnAboutUnwatched() {
                guard let first = watcher.unwatched.first, !warned else { return }
                warned = true
                log("warning: " + text(.serveUnwatched, "\(watcher.unwatched.count)", TerminalText.escaped(first)))
            }
            warnAboutUnwatched()
            let session = BuildSession(options: options)
            report(session.build(), rebuild: false)
            readyContinuation.yield(nil)
            while !stopped.load(ordering: .relaxed) {
                guard let change = watcher.waitForChange(timeout: 0.25) else { continue }
                warnAboutUnwatched()
                // The watcher's list of changed files spares the build a look at every file.
                let result = session.build(changed: change.paths) { preview in
                    self.report(preview, rebuild: true, preview: true)
                }
                report(result, rebuild: true)
            }
        }
        rebuilds.start()
        for await failure in ready {
            if let failure { throw ServeError(message: failure) }
            break
        }

        let server = try Self.httpServer(for: site, port: port)
        // A port in use makes run() fail at once; say so rather than wait for listening.
        let failure = Mutex<String?>(nil)
        let serverTask = Task {
            do { try await server.run() } catch { failure.withLock { $0 = Self.describe(error) } }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while !(await server.isListening) {
            if let message = failure.withLock({ $0 }) {
                throw ServeError(message: MessagePart(.serveCannotListen, "\(port)", message))
            }
            guard ContinuousClock.now < deadline else { throw ServeError(message: MessagePart(.serveDidNotStart)) }
            try await Task.sleep(for: .milliseconds(20))
        }
        if case .ip4(_, let port)? = await server.listeningAddress {
            log(text(.serveServing, "\(port)"))
        }

        await Self.waitForSignal()
        log(text(.serveStopping))
        stopped.store(true, ordering: .relaxed)
        site.close()
        await server.stop(timeout: 1)
        serverTask.cancel()
        _ = await serverTask.result
    }

    /// The HTTP server of `serve`, on 127.0.0.1 only, answering from `site`.
    static func httpServer(for site: LiveSite, port: UInt16) throws -> HTTPServer {
        HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 60, logger: .disabled,
                   handler: ClosureHTTPHandler { request in await Responder(site: site).respond(to: request) })
    }

    struct ServeError: CataloguedError {
        let message: MessagePart
    }

    /// A message of the catalogues in the language of the build's messages.
    private func text(_ key: MessageKey, _ arguments: String...) -> String {
        Catalogue.text(key, arguments, in: options.language)
    }

    /// FlyingSocks' errors name the failing call and the system's message.
    static func describe(_ error: any Error) -> String {
        if let socket = error as? SocketError, case .failed(_, _, let message) = socket { return message.lowercased() }
        return "\(error)"
    }

    private func report(_ result: BuildResult, rebuild: Bool, preview: Bool = false) {
        site.publish(result, preview: preview, language: options.language)
        let milliseconds = Int((result.timings.reduce(0) { $0 + $1.seconds } * 1000).rounded())
        if !result.succeeded {
            let errors = result.diagnostics.filter { $0.severity == .error }
            let problems = DiagnosticFormatter.format(errors, as: .text, language: options.language)
            let count = Catalogue.text(errors.count == 1 ? .errorsOne : .errorsMany, "\(errors.count)", in: options.language)
            log(problems + text(.serveBuildFailed, count, "\(milliseconds)"))
            return
        }
        if quiet { return }
        if !preview { printWarningsIfChanged(result) }
        if preview {
            log(text(.serveRebuiltReport, "\(result.pagesRendered)", "\(milliseconds)"))
        } else if rebuild {
            log(text(.serveRebuilt, "\(result.pagesRendered)", "\(result.files.filter { $0.path.hasSuffix(".html") }.count)", "\(milliseconds)"))
        } else {
            log(text(.serveBuilt, "\(result.files.filter { $0.path.hasSuffix(".html") }.count)", "\(milliseconds)"))
        }
        if verbose {
            log(result.timings.map { "\($0.stage) \(Int(($0.seconds * 1000).rounded())) ms" }.joined(separator: ", "))
        }
    }

    /// Prints the build's warnings (not the known contradictions) when they differ from the
    /// last ones printed: a placeholder left by `new` is said once, not on every save.
    func printWarningsIfChanged(_ result: BuildResult) {
        let current = result.diagnostics.filter { $0.severity == .warning && $0.category != .knownContradiction }
        let changed = warnings.withLock { printed in
            defer { printed = current }
            return printed != current
        }
        if changed, !current.isEmpty {
            log(String(DiagnosticFormatter.format(current, as: .text, language: options.language).dropLast()))
        }
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    private static func waitForSignal() async {
        let (signals, continuation) = AsyncStream<Void>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // the source, not the default action, handles it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        for await _ in signals { break }
        for source in sources { source.cancel() }
    }
}
