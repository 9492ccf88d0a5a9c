import Synchronization
import FlyingFox
import Foundation
import Testing
@testable import ReportKit
@testable import SiteServer

/// The parts of `serve` that need no socket: what a page gets injected, how request paths map
/// to files, and which files a build announces as changed. tests/serve/check_serve.py runs
/// the whole server in a browser.
@Suite struct SiteServerTests {
    static func result(_ files: [String: String], succeeded: Bool = true, rerendered: Set<String>? = nil) -> BuildResult {
        var result = BuildResult()
        result.files = files.keys.sorted().map { OutputFile(path: $0, contents: .text(files[$0]!)) }
        result.rerendered = rerendered
        if !succeeded {
            result.diagnostics = [.error(.wordNotOneOf, "unit", "mnkk", "mnkr", at: SourceLocation(path: "content/a.md", line: 3, column: 7))]
        }
        return result
    }

    @Test func scriptGoesBeforeTheLastBodyEndOnly() {
        let page = "<html><body><p>&lt;/body&gt;</p></body></html>"
        let injected = LiveReload.inject(into: page)
        #expect(injected == "<html><body><p>&lt;/body&gt;</p><script src=\"/__arsrapport/live.js\" defer></script>\n</body></html>")
        #expect(LiveReload.inject(into: "<p>no body</p>").hasSuffix("<script src=\"/__arsrapport/live.js\" defer></script>"))
    }

    @Test func requestPathsMapToFiles() async throws {
        let site = LiveSite()
        site.publish(Self.result(["index.html": "<body>start</body>", "a/index.html": "<body>a</body>",
                                  "404.html": "<body>saknas</body>", "assets/style.css": "body{}"]))
        let responder = Responder(site: site)
        func get(_ path: String) async throws -> (Int, String, String?) {
            let response = await responder.respond(to: HTTPRequest(method: .GET, version: .http11, path: path, query: [],
                                                                    headers: [.host: "127.0.0.1"], body: Data()))
            return (response.statusCode.code, String(decoding: try await response.bodyData, as: UTF8.self),
                    response.headers[.contentType])
        }
        let (home, homeBody, homeType) = try await get("/")
        #expect(home == 200 && homeBody.contains("start") && homeBody.contains("/__arsrapport/live.js"))
        #expect(homeType == "text/html; charset=utf-8")
        let (folder, folderBody, _) = try await get("/a/")
        #expect(folder == 200 && folderBody.contains(">a<"))
        #expect(try await get("/a").0 == 301)
        let (css, cssBody, cssType) = try await get("/assets/style.css")
        #expect(css == 200 && cssBody == "body{}" && cssType == "text/css; charset=utf-8")
        let (missing, missingBody, _) = try await get("/finns-inte/")
        #expect(missing == 404 && missingBody.contains("saknas"))
        #expect(try await get("/../../etc/passwd").0 == 400)
        #expect(try await get("/__arsrapport/live.js").1.contains("EventSource"))
    }

    @Test func onlyFilesWhoseBytesChangedAreAnnounced() {
        let site = LiveSite()
        site.publish(Self.result(["a/index.html": "A", "b/index.html": "B", "data/x.csv": "1"]))
        #expect(site.current.changed == nil)  // the first build: every tab is new anyway

        site.publish(Self.result(["a/index.html": "A2", "b/index.html": "B", "data/x.csv": "2"],
                                 rerendered: ["a/index.html", "b/index.html"]))
        #expect(site.current.changed == ["a/index.html", "data/x.csv"])

        site.publish(Self.result(["a/index.html": "A3", "b/index.html": "B", "data/x.csv": "2"], succeeded: false))
        #expect(site.current.changed == [])
        #expect(site.current.errors == ["content/a.md:3:7: error: unit \"mnkk\" is not one of mnkr"])
        // The overlay shows the errors in the language of serve's messages.
        site.publish(Self.result(["a/index.html": "A3"], succeeded: false), language: .swedish)
        #expect(site.current.errors == ["content/a.md:3:7: error: unit \"mnkk\" är inte något av mnkr"])
        #expect(site.current.files["a/index.html"].map { if case .text(let t) = $0 { t } else { "" } } == "A2",
                "a failed build keeps the last good pages")

        site.publish(Self.result(["a/index.html": "A2", "b/index.html": "B", "data/x.csv": "2", "c/index.html": "C"]))
        #expect(site.current.changed == ["c/index.html"])
        #expect(site.current.errors.isEmpty)
    }

    @Test func statusEventsAreOneLineOfJSONEach() throws {
        let site = LiveSite()
        func status() throws -> [String: Any]? {
            let event = site.statusEvent(site.current)
            #expect(event.hasPrefix("event: status\ndata: {") && event.hasSuffix("}\n\n"))
            return try JSONSerialization.jsonObject(with: Data(event.split(separator: "\n")[1].dropFirst(6).utf8)) as? [String: Any]
        }
        site.publish(Self.result(["a/index.html": "A"]))
        #expect(try status()?["changed"] is NSNull, "the first build: null, any page")
        site.publish(Self.result(["a/index.html": "A"], succeeded: false), preview: false)
        let failed = try status()
        #expect((failed?["errors"] as? [String])?.first?.hasPrefix("content/a.md:3:7: error:") == true)
        #expect(failed?["changed"] as? [String] == [])
        #expect(failed?["preview"] as? Bool == false)
        #expect(failed?["generation"] as? Int == 2)
    }

    /// serve prints a placeholder warning once, not on every save, and never the known contradictions.
    @Test func warningsArePrintedWhenTheyChange() {
        let lines = Mutex<[String]>([])
        let options = BuildOptions(content: URL(fileURLWithPath: "content"), templates: URL(fileURLWithPath: "templates"),
                                   output: URL(fileURLWithPath: "public"), write: false)
        let server = SiteServer(options: options, port: 0) { line in lines.withLock { $0.append(line) } }
        var result = Self.result(["index.html": "<body></body>"])
        let at = SourceLocation(path: "content/a/ekonomi.md", line: 3, column: 14)
        result.diagnostics = [
            .uncatalogued(.warning, "\"FYLL I: rubriker\" is a placeholder", at: at),
            Diagnostic(.warning, at: at, [MessagePart(.recordedContradiction, "x", "y")], category: .knownContradiction),
        ]
        server.printWarningsIfChanged(result)
        server.printWarningsIfChanged(result)
        #expect(lines.withLock { $0 } == ["content/a/ekonomi.md:3:14: warning: \"FYLL I: rubriker\" is a placeholder"])
        result.diagnostics = []
        server.printWarningsIfChanged(result)
        #expect(lines.withLock { $0.count } == 1)
    }
}

#if os(Linux)
/// The watcher on real inotify events: it names the files that changed, and says it cannot
/// tell when a folder appears (files created in it before it is watched send no event).
@Suite struct FileWatcherTests {
    @Test func namesTheChangedFilesAndGivesUpOnFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = try FileWatcher(watching: [root])
        #expect(watcher.waitForChange(timeout: 0.05) == nil)

        try "x".write(to: root.appendingPathComponent("a/b.md"), atomically: false, encoding: .utf8)
        #expect(watcher.waitForChange(timeout: 5) == .files([root.path + "/a/b.md"]))

        // An editor's atomic save: a temporary file renamed over the real one.
        try "y".write(to: root.appendingPathComponent("a/b.md"), atomically: true, encoding: .utf8)
        #expect(watcher.waitForChange(timeout: 5)?.paths?.contains(root.path + "/a/b.md") == true)

        try FileManager.default.removeItem(at: root.appendingPathComponent("a/b.md"))
        #expect(watcher.waitForChange(timeout: 5) == .files([root.path + "/a/b.md"]))

        try FileManager.default.createDirectory(at: root.appendingPathComponent("c"), withIntermediateDirectories: true)
        #expect(watcher.waitForChange(timeout: 5) == .unknown)
        // The new folder is watched from then on.
        try "z".write(to: root.appendingPathComponent("c/d.md"), atomically: false, encoding: .utf8)
        #expect(watcher.waitForChange(timeout: 5) == .files([root.path + "/c/d.md"]))
    }
}
#endif
