import FlyingFox
import Foundation
import ReportKit

/// Answers requests from the site in memory: pages with the live-reload script added,
/// other files as they are, the script itself and the stream of build events.
struct Responder: Sendable {
    let site: LiveSite

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard Self.isWellFormed(request) else { return Self.badRequest }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed,
                                headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD", .contentType: "text/plain; charset=utf-8"]),
                                body: Data("405 Method Not Allowed: only GET and HEAD\n".utf8))
        }
        // The target as sent: FlyingFox's `path` drops a trailing slash, which tells a
        // folder's page (`/a/`) from a redirect (`/a`) here.
        let path = request.target.path(percentEncoded: false)
        switch path {
        case LiveReload.scriptPath:
            return HTTPResponse(statusCode: .ok, headers: headers("application/javascript; charset=utf-8"),
                                body: Data(LiveReload.script.utf8))
        case LiveReload.eventsPath:
            var headers = headers("text/event-stream; charset=utf-8")
            headers[.init("X-Accel-Buffering")] = "no"
            return HTTPResponse(statusCode: .ok, headers: headers,
                                body: HTTPBodySequence(from: EventStream(events: site.events())))
        default:
            return file(at: path)
        }
    }

    /// `/` → `index.html`, `/a/` → `a/index.html`; `/a` redirects to `/a/` when that is a page.
    func file(at path: String) -> HTTPResponse {
        let state = site.current
        switch RequestPath.answer(for: path, exists: { state.files[$0] != nil }) {
        case .file(let relative):
            guard let contents = state.files[relative] else { break }
            return HTTPResponse(statusCode: .ok, headers: headers(Self.mediaType(of: relative)), body: body(contents, for: relative))
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]))
        case .badRequest:
            return Self.badRequest
        case .notFound:
            break
        }
        if let notFound = state.files["404.html"] {
            return HTTPResponse(statusCode: .notFound, headers: headers("text/html; charset=utf-8"), body: body(notFound, for: "404.html"))
        }
        // No build has succeeded yet: a page that only shows the errors.
        let page = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Bygget misslyckades</title></head><body><h1>Bygget misslyckades</h1><p>Felen visas här och i terminalen.</p></body></html>"
        return HTTPResponse(statusCode: .notFound, headers: headers("text/html; charset=utf-8"),
                            body: Data(LiveReload.inject(into: page).utf8))
    }

    /// A request no browser sends: a target that is not a path, a version other than HTTP/1.x,
    /// HTTP/1.1 without a Host, a method that is not a token. (FlyingFox itself closes the
    /// connection without an answer when it cannot even split the request line.)
    static func isWellFormed(_ request: HTTPRequest) -> Bool {
        let method = request.method.rawValue
        guard !method.isEmpty, method.utf8.allSatisfy({ (65...90).contains($0) || $0 == 45 || $0 == 95 }) else { return false }
        guard request.version == .http11 || request.version == HTTPVersion("HTTP/1.0") else { return false }
        if request.version == .http11, request.headers[.host] == nil { return false }
        let raw = request.target.rawValue
        guard raw.hasPrefix("/"), raw.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return false }
        // Invalid percent-encoding (`/%zz`) decodes to nothing.
        return request.target.path(percentEncoded: true).removingPercentEncoding != nil
    }

    /// 400, and `Connection: close`: after a malformed request nothing on the connection can be trusted.
    /// (Made for each answer: a stored response would sit in a global that LeakSanitizer reports.)
    static var badRequest: HTTPResponse {
        HTTPResponse(statusCode: .badRequest,
                     headers: [.contentType: "text/plain; charset=utf-8", .connection: "close", .cacheControl: "no-store"],
                     body: Data("400 Bad Request\n".utf8))
    }

    private func body(_ contents: OutputFile.Contents, for path: String) -> Data {
        switch contents {
        case .text(let text): return Data((path.hasSuffix(".html") ? LiveReload.inject(into: text) : text).utf8)
        case .bytes(let bytes):
            guard path.hasSuffix(".html") else { return Data(bytes) }
            return Data(LiveReload.inject(into: String(decoding: bytes, as: UTF8.self)).utf8)
        case .copy(let url): return (try? Data(contentsOf: url)) ?? Data()
        }
    }

    /// Nothing is cached: every reload must show the newest build.
    private func headers(_ type: String) -> HTTPHeaders {
        [.contentType: type, .cacheControl: "no-store"]
    }

    static func mediaType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "application/javascript; charset=utf-8"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "gif": return "image/gif"
        case "pdf": return "application/pdf"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
