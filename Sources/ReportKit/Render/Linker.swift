/// Writes the `href` from one page to another.
///
/// Links are relative, so the site works under any sub-path and opened from disk. Without a
/// base URL they name `index.html` explicitly, because a browser opening `file://…/ekonomi/`
/// shows a folder listing, not the page.
public struct Linker: Sendable {
    /// Site root as an absolute URL (`https://intranet.example/arsrapporter/`), or nil.
    public let baseURL: String?

    public init(baseURL: String?) {
        guard var base = baseURL, !base.isEmpty else {
            self.baseURL = nil
            return
        }
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base
    }

    /// Prefix that leads from `page` back to the site root: "../../".
    public func root(from page: Page) -> String {
        if case .notFound = page.kind, let base = baseURL {
            // Served for any missing address, at any depth: only absolute links work.
            return Self.path(of: base)
        }
        return String(repeating: "../", count: Self.depth(of: page.outputPath))
    }

    /// How many folders deep a file lies: the non-empty segments before its last `/`. Counted
    /// on bytes, since every href asks for it (a Character split here showed in the profile).
    static func depth(of path: String) -> Int {
        var depth = 0
        var inSegment = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if inSegment { depth += 1 }
                inSegment = false
            } else {
                inSegment = true
            }
        }
        return depth
    }

    /// Link from `page` to the page at site path `target` ("" or "…/"), with an optional anchor.
    public func href(from page: Page, to target: String, anchor: String? = nil) -> String {
        let fragment = anchor.map { "#\($0)" } ?? ""
        let href = root(from: page) + target + (baseURL == nil ? "index.html" : "")
        return (href.isEmpty ? "./" : href) + fragment
    }

    /// Link from `page` to a file below the site root: `assets/style.css`.
    public func href(from page: Page, toFile file: String) -> String {
        root(from: page) + file
    }

    /// Absolute URL of a page, for canonical links and the sitemap; nil without a base URL.
    public func absoluteURL(of path: String) -> String? {
        baseURL.map { $0 + path }
    }

    /// "/arsrapporter/" from "https://intranet.example/arsrapporter/".
    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let afterHost = url[scheme.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }
}
