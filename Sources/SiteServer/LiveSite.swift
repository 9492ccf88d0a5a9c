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
        /// Size and modification time of the files served from disk (assets), to tell whether
        /// they changed between builds.
        var stamps: [String: String] = [:]
        /// Errors of the last build, as `path:line:col: error: message`; empty when it succeeded.
        var errors: [String] = []
        /// Counts builds, so that a browser tab can tell a new build from the one it shows.
        var generation = 0
        /// Files the last build changed (`huddinge-2020/ekonomi/index.html`, `assets/style.css`),
        /// so that a tab reloads only when its page or something it loaded changed; nil for the
        /// first build.
        var changed: [String]?
        /// The last build was a preview: the changed report's own pages, with the comparison
        /// pages still to come.
        var preview = false
        /// The files previews put since the last good full build.
        var previewed: Set<String> = []
    }

    private let state = Mutex(State())
    /// Tells this server's builds from an earlier server's, for tabs that reconnect after a restart.
    private let server = UUID().uuidString
    private let listeners = Mutex<[UUID: AsyncStream<String>.Continuation]>([:])

    var current: State { state.withLock { $0 } }

    /// Takes a build's result and tells every open tab; errors are shown in `language`.
    func publish(_ result: BuildResult, preview: Bool = false, language: Language = .english) {
        let event = state.withLock { state -> String in
            state.generation += 1
            state.preview = preview
            state.errors = result.diagnostics.filter { $0.severity == .error }.map { $0.description(in: language) }
            state.changed = []
            if result.succeeded, state.generation > 1, let put = result.put, !state.files.isEmpty {
                // A rebuild's `put` is reckoned from the last good full build; pages a preview
                // showed since then are compared too, in case this build no longer has them so.
                update(&state, from: result, put: put.union(state.previewed))
                state.previewed = preview ? state.previewed.union(put) : []
            } else if result.succeeded {
                state.previewed = []
                let files = Dictionary(result.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
                let stamps = files.compactMapValues { contents -> String? in
                    if case .copy(let url) = contents { return Self.stamp(of: url) } else { return nil }
                }
                if state.generation > 1 {
                    // Only pages rendered again can differ; every other file is compared.
                    let candidates = result.rerendered.map { rendered in
                        rendered.union(files.keys.filter { !$0.hasSuffix(".html") })
                    } ?? Set(files.keys)
                    state.changed = candidates.union(state.files.keys.filter { files[$0] == nil }).filter { path in
                        !Self.same(state.files[path], files[path]) || state.stamps[path] != stamps[path]
                    }.sorted()
                } else {
                    state.changed = nil
                }
                state.files = files
                state.stamps = stamps
            }
            return statusEvent(state)
        }
        for listener in listeners.withLock({ Array($0.values) }) { listener.yield(event) }
    }

    /// The last build's files updated with a rebuild's, which put only `put` again: only those
    /// and the copied files (whose stamps may have changed) are compared, and a path gone
    /// from the site is changed too. A rebuild of one page in a site of ten thousand costs
    /// that page, not a dictionary of every file.
    private func update(_ state: inout State, from result: BuildResult, put: Set<String>) {
        var changed: Set<String> = []
        var stamps: [String: String] = [:]
        for file in result.files {
            if case .copy(let url) = file.contents {
                let stamp = Self.stamp(of: url)
                stamps[file.path] = stamp
                if state.stamps[file.path] != stamp { changed.insert(file.path) }
            }
            guard put.contains(file.path) else { continue }
            if !Self.same(state.files[file.path], file.contents) { changed.insert(file.path) }
            state.files[file.path] = file.contents
        }
        if state.files.count != result.files.count {
            let present = Set(result.files.map(\.path))
            for path in state.files.keys where !present.contains(path) {
                state.files[path] = nil
                changed.insert(path)
            }
        }
        state.stamps = stamps
        state.changed = changed.sorted()
    }

    static func same(_ a: OutputFile.Contents?, _ b: OutputFile.Contents?) -> Bool {
        switch (a, b) {
        case (.text(let x)?, .text(let y)?): return x == y
        case (.bytes(let x)?, .bytes(let y)?): return x == y
        case (.copy(let x)?, .copy(let y)?): return x == y  // and their stamps, compared apart
        case (nil, nil): return true
        default: return false
        }
    }

    static func stamp(of url: URL) -> String {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return "missing" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
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

    /// `event: status` with `{"server": id, "generation": n, "errors": [...], "changed": [...] or null,
    /// "preview": bool}`.
    func statusEvent(_ state: State) -> String {
        struct Status: Encodable {
            let server: String, generation: Int, errors: [String], changed: [String]?, preview: Bool
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(server, forKey: .server)
                try container.encode(generation, forKey: .generation)
                try container.encode(errors, forKey: .errors)
                try container.encode(changed, forKey: .changed)  // null, not left out: "any page"
                try container.encode(preview, forKey: .preview)
            }
            enum CodingKeys: String, CodingKey { case server, generation, errors, changed, preview }
        }
        let status = Status(server: server, generation: state.generation, errors: state.errors, changed: state.changed,
                            preview: state.preview)
        let json = (try? JSONEncoder().encode(status)) ?? Data("{}".utf8)
        return "event: status\ndata: \(String(decoding: json, as: UTF8.self))\n\n"
    }
}
