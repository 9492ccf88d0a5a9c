import Foundation
import ReportKit
import Synchronization

/// The site as `serve` last built it, shared between the rebuild thread and the HTTP server.
/// A failed rebuild keeps the last good pages and adds its errors, which the browser shows
/// over the page until a rebuild succeeds.
final class LiveSite: Sendable {
    struct State: Sendable {
        /// Output path → contents, from the last build that succeeded.
        var files: [String: OutputFile.Contents] = [:]
        /// Errors of the last build, as `path:line:col: error: message`; empty when it succeeded.
        var errors: [String] = []
        /// Counts builds, so that a browser tab can tell a new build from the one it shows.
        var generation = 0
    }

    private let state = Mutex(State())
    /// Tells this server's builds from an earlier server's, for tabs that reconnect after a restart.
    private let server = UUID().uuidString
    private let listeners = Mutex<[UUID: AsyncStream<String>.Continuation]>([:])

    var current: State { state.withLock { $0 } }

    /// Takes a build's result and tells every open tab.
    func publish(_ result: BuildResult) {
        let event = state.withLock { state -> String in
            state.generation += 1
            state.errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
            if result.succeeded {
                state.files = Dictionary(result.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
            }
            return statusEvent(state)
        }
        for listener in listeners.withLock({ Array($0.values) }) { listener.yield(event) }
    }

    /// A stream of server-sent events: the current status at once, then one per build.
    func events() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.removeValue(forKey: id) }
        }
        // Registered and sent under the state lock, so that no build's event falls between.
        state.withLock { state in
            listeners.withLock { $0[id] = continuation }
            continuation.yield("retry: 500\n\n" + statusEvent(state))
        }
        return stream
    }

    /// Ends every event stream, so that open connections close and the server can stop.
    func close() {
        for listener in listeners.withLock({ Array($0.values) }) { listener.finish() }
    }

    /// `event: status` with `{"server": id, "generation": n, "errors": [...]}`.
    func statusEvent(_ state: State) -> String {
        struct Status: Encodable { let server: String; let generation: Int; let errors: [String] }
        let status = Status(server: server, generation: state.generation, errors: state.errors)
        let json = (try? JSONEncoder().encode(status)) ?? Data("{}".utf8)
        return "event: status\ndata: \(String(decoding: json, as: UTF8.self))\n\n"
    }
}
