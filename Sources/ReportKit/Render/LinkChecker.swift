import Foundation

/// Checks every `href` and `src` in the rendered pages, generated pages included: each must
/// lead to a file of the site, and each `#anchor` to an id on that page.
public struct LinkChecker: Sendable {
    /// A link found in a page.
    public struct Link: Sendable, Hashable {
        public let page: String
        public let target: String
    }

    /// Output path of every page (the HTML files that have ids to link to).
    let pages: Set<String>
    /// Output path → ids on that page, for `brokenLinks(in:)`; a render keeps each page's ids
    /// itself and checks in two passes instead.
    let anchors: [String: Set<String>]
    /// Every file of the site.
    let files: Set<String>

    public init(pages: [(path: String, html: String)], otherFiles: [String]) {
        var anchors: [String: Set<String>] = [:]
        for (path, html) in pages { anchors[path] = SiteRenderer.ids(in: html).0 }
        self.init(anchors: anchors, files: pages.map(\.path) + otherFiles)
    }

    /// With the ids of each page already known.
    init(anchors: [String: Set<String>], files: [String]) {
        self.anchors = anchors
        pages = Set(anchors.keys)
        self.files = Set(files).union(anchors.keys)
    }

    /// For a render: every page's output path and every other file, before any page is rendered.
    init(pages: Set<String>, files: [String]) {
        anchors = [:]
        self.pages = pages
        self.files = Set(files).union(pages)
    }

    /// `href` and `src` values of a page, in order.
    public static func links(in html: String) -> [String] {
        AttributeScanner.values(of: ["href", "src"], in: html).map(decodeEntities)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingAll("&amp;", with: "&").replacingAll("&#39;", with: "'").replacingAll("&quot;", with: "\"")
    }

    /// The output path a link from `page` leads to, and its anchor; nil for links that leave
    /// the site (other schemes, or a base URL's absolute path that is not the site's).
    public static func resolve(_ link: String, from page: String, sitePath: String = "/") -> (path: String, anchor: String?)? {
        resolve(link, from: page, directory: directory(of: page), sitePath: sitePath)
    }

    /// The folders of `page`'s path, to resolve its relative links against.
    static func directory(of page: String) -> [Substring] {
        components(page[...]).dropLast()
    }

    /// Non-empty `/`-separated parts. Split on bytes: every link of every page goes through
    /// here, and splitting by Character made link checking a tenth of the build.
    static func components(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if start != index { parts.append(text[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex { parts.append(text[start...]) }
        return parts
    }

    static func resolve(_ link: String, from page: String, directory: [Substring], sitePath: String) -> (path: String, anchor: String?)? {
        var target = link[...]
        var anchor: Substring?
        if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) {
            anchor = target[target.utf8.index(after: hash)...]
            target = target[..<hash]
        }
        if target.utf8.contains(UInt8(ascii: ":")) || target.utf8.starts(with: "//".utf8) { return nil }
        var parts: [Substring]
        if target.utf8.first == UInt8(ascii: "/") {
            guard target.utf8.starts(with: sitePath.utf8) else { return nil }
            parts = components(target.dropFirst(sitePath.count))
        } else if target.isEmpty {
            return (page, anchor.map(String.init))
        } else {
            if let path = resolvedFromRoot(target, directory: directory) {
                return (path, anchor.flatMap { $0.isEmpty ? nil : String($0) })
            }
            parts = directory + components(target)
        }
        var resolved: [Substring] = []
        resolved.reserveCapacity(parts.count)
        for part in parts {
            switch part {
            case ".": continue
            case "..": if !resolved.isEmpty { resolved.removeLast() }
            default: resolved.append(part)
            }
        }
        var path = resolved.joined(separator: "/")
        let bytes = target.utf8
        if bytes.last == UInt8(ascii: "/") || bytes.elementsEqual(".".utf8) || (bytes.count >= 2 && bytes.suffix(2).elementsEqual("/.".utf8))
            || path.isEmpty {
            path += path.isEmpty ? "index.html" : "/index.html"
        }
        return (path, anchor.flatMap { $0.isEmpty ? nil : String($0) })
    }

    /// The common case without building and joining path parts: a link that climbs exactly
    /// to the site root (`../../jamfor/index.html` from two folders down) and then names a
    /// plain path, with no `.`, `..` or empty parts. Nil for any other link, which the general
    /// resolution handles; the answer is the same either way.
    static func resolvedFromRoot(_ target: Substring, directory: [Substring]) -> String? {
        let bytes = target.utf8
        var index = bytes.startIndex
        for folder in directory {
            guard folder != ".", folder != "..", bytes[index...].starts(with: "../".utf8) else { return nil }
            index = bytes.index(index, offsetBy: 3)
        }
        // The rest: parts that are neither empty (before the last) nor `.` or `..`.
        var partStart = index
        var position = index
        while true {
            let atEnd = position == bytes.endIndex
            if atEnd || bytes[position] == UInt8(ascii: "/") {
                let length = bytes.distance(from: partStart, to: position)
                if length == 0 && !atEnd { return nil }
                if length == 1 && bytes[partStart] == UInt8(ascii: ".") { return nil }
                if length == 2 && bytes[partStart] == UInt8(ascii: ".") && bytes[bytes.index(after: partStart)] == UInt8(ascii: ".") {
                    return nil
                }
                if atEnd { break }
                partStart = bytes.index(after: position)
            }
            position = bytes.index(after: position)
        }
        let rest = target[index...]
        return rest.isEmpty || rest.utf8.last == UInt8(ascii: "/") ? rest + "index.html" : String(rest)
    }

    /// Every broken link of every page: "page → link (reason)".
    public func brokenLinks(in pages: [(path: String, html: String)], sitePath: String = "/",
                            skipping checked: [String: Set<String>] = [:],
                            parallel: Bool = true) -> [(page: String, link: String, reason: MessagePart)] {
        Parallel.map(pages, parallel: parallel) { page, html -> [(String, String, MessagePart)] in
            let links = pageLinks(of: page, html: html, ids: anchors[page] ?? [], sitePath: sitePath, skipping: checked[page] ?? [])
            return Self.brokenLinks(in: links, anchors: anchors).map { (page, $0.link, $0.reason) }
        }.flatMap { $0 }
    }

    /// A page's links as far as the page itself and the list of files can tell, in the order
    /// the page has them: what is already known broken, and links to an anchor on another
    /// page, which can be checked only once that page is rendered. Kept in place of the
    /// page's HTML until every page is rendered.
    struct PageLinks: Sendable {
        enum Entry: Sendable {
            case broken(link: String, reason: MessagePart)
            case anchor(link: String, path: String, anchor: String)
        }
        var entries: [Entry] = []
    }

    /// The first pass over one page (output path `page`, with its own `ids`): links that
    /// lead to no file, or to an anchor missing on this page, are broken; links to an anchor
    /// on another page are left for `brokenLinks(in:anchors:)`. Links in `skipping` (the
    /// Markdown's, checked where they are written) are left alone.
    func pageLinks(of page: String, html: String, ids: Set<String>, sitePath: String,
                   skipping skipped: Set<String>) -> PageLinks {
        var links = PageLinks()
        let directory = Self.directory(of: page)
        // cmark writes `#översikt` percent-encoded: the same link, checked already. Decoded
        // only when it has a `%` (else it is the link itself): Foundation's decoding of every
        // link was 2.7 % of a cold build of the real site.
        for link in Self.links(in: html) where !skipped.contains(link)
            && !(link.utf8.contains(UInt8(ascii: "%")) && skipped.contains(link.removingPercentEncoding ?? link)) {
            guard let (path, anchor) = Self.resolve(link, from: page, directory: directory, sitePath: sitePath) else { continue }
            if !files.contains(path) {
                links.entries.append(.broken(link: link, reason: MessagePart(.noSuchFile, path)))
            } else if let anchor {
                if path == page || !pages.contains(path) {
                    if !(path == page && ids.contains(anchor)) {
                        links.entries.append(.broken(link: link, reason: MessagePart(.noSuchID, anchor, path)))
                    }
                } else {
                    links.entries.append(.anchor(link: link, path: path, anchor: anchor))
                }
            }
        }
        return links
    }

    /// The second pass: a page's broken links, once every page's ids are known (output path → ids).
    static func brokenLinks(in links: PageLinks, anchors: [String: Set<String>]) -> [(link: String, reason: MessagePart)] {
        links.entries.compactMap { entry in
            switch entry {
            case .broken(let link, let reason): return (link, reason)
            case .anchor(let link, let path, let anchor):
                return anchors[path]?.contains(anchor) ?? false ? nil : (link, MessagePart(.noSuchID, anchor, path))
            }
        }
    }
}
