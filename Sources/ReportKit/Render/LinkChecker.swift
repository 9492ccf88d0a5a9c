/// Checks every `href` and `src` in the rendered pages, generated pages included: each must
/// lead to a file of the site, and each `#anchor` to an id on that page.
public struct LinkChecker: Sendable {
    /// A link found in a page.
    public struct Link: Sendable, Hashable {
        public let page: String
        public let target: String
    }

    /// Output path → ids on that page (HTML files only).
    let anchors: [String: Set<String>]
    /// Every file of the site.
    let files: Set<String>

    public init(pages: [(path: String, html: String)], otherFiles: [String]) {
        var anchors: [String: Set<String>] = [:]
        for (path, html) in pages { anchors[path] = SiteRenderer.ids(in: html).0 }
        self.init(anchors: anchors, files: pages.map(\.path) + otherFiles)
    }

    /// With the ids of each page already known (the renderer has them).
    init(anchors: [String: Set<String>], files: [String]) {
        self.anchors = anchors
        self.files = Set(files).union(anchors.keys)
    }

    /// `href` and `src` values of a page, in order.
    public static func links(in html: String) -> [String] {
        AttributeScanner.values(of: ["href", "src"], in: html).map(decodeEntities)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingAll("&amp;", with: "&").replacingAll("&#39;", with: "'").replacingAll("&quot;", with: "\"")
    }

    /// The output path a link from `page` leads to, and its anchor; nil for links that leave
    /// the site (other schemes, or a base URL's absolute path that is not the site's).
    public static func resolve(_ link: String, from page: String, sitePath: String = "/") -> (path: String, anchor: String?)? {
        var target = link
        var anchor: String?
        if let hash = target.firstIndex(of: "#") {
            anchor = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if target.contains(":") || target.hasPrefix("//") { return nil }
        let directory = page.split(separator: "/").dropLast().joined(separator: "/")
        var parts: [Substring]
        if target.hasPrefix("/") {
            guard target.hasPrefix(sitePath) else { return nil }
            parts = target.dropFirst(sitePath.count).split(separator: "/")
        } else if target.isEmpty {
            return (page, anchor)
        } else {
            parts = directory.split(separator: "/") + target.split(separator: "/")
        }
        var resolved: [Substring] = []
        for part in parts {
            switch part {
            case ".": continue
            case "..": if !resolved.isEmpty { resolved.removeLast() }
            default: resolved.append(part)
            }
        }
        var path = resolved.joined(separator: "/")
        if target.hasSuffix("/") || target.hasSuffix("/.") || target == "." || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return (path, anchor.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Every broken link of every page: "page → link (reason)".
    public func brokenLinks(in pages: [(path: String, html: String)], sitePath: String = "/",
                            skipping checked: [String: Set<String>] = [:],
                            parallel: Bool = true) -> [(page: String, link: String, reason: String)] {
        Parallel.map(pages, parallel: parallel) { page, html -> [(String, String, String)] in
            var broken: [(String, String, String)] = []
            for link in Self.links(in: html) where !(checked[page]?.contains(link) ?? false) {
                guard let (path, anchor) = Self.resolve(link, from: page, sitePath: sitePath) else { continue }
                if !files.contains(path) {
                    broken.append((page, link, "no such file \(path)"))
                } else if let anchor, !(anchors[path]?.contains(anchor) ?? false) {
                    broken.append((page, link, "no id \"\(anchor)\" on \(path)"))
                }
            }
            return broken
        }.flatMap { $0 }
    }
}
