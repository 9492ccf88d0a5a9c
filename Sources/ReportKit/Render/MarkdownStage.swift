import CommonMark

/// A page's Markdown rendered to HTML, with its internal links resolved.
struct RenderedBody: Sendable {
    var html = ""
    var headings: [Heading] = []
    /// The text under each heading, for the search index.
    var passages: [Passage] = []
    /// Links into other pages (or this one) with an anchor, to check once every page exists.
    var anchorLinks: [AnchorLink] = []
    /// Site paths this page's Markdown links to, for backlinks.
    var linkedPaths: Set<String> = []
    /// Every href the Markdown wrote for an internal link: checked here with its position, so
    /// the check of generated links leaves them alone.
    var writtenHrefs: Set<String> = []
    var diagnostics: [Diagnostic] = []
}

struct AnchorLink: Sendable {
    let targetPath: String
    let anchor: String
    let location: SourceLocation
}

/// Renders Markdown bodies through CommonMark and rewrites links to `.md` files into page links.
struct MarkdownStage: Stage {
    let site: Site
    let linker: Linker
    let assets: Set<String>
    /// False renders on one thread; the output must be the same either way.
    let parallel: Bool

    init(site: Site, linker: Linker, parallel: Bool = true) {
        self.site = site
        self.linker = linker
        self.parallel = parallel
        assets = Set(site.content.assets)
    }

    /// Page path → its body.
    typealias Memo = [String: RenderedBody]

    /// Renders the bodies of `pages` (every page when there is no memo) and keeps every other
    /// body from the memo; the output is every page's body.
    func run(_ pages: [Page], reusing memo: Memo?) -> (output: Memo, memo: Memo) {
        var bodies = memo ?? [:]
        for (page, body) in zip(pages, Parallel.map(pages, parallel: parallel, render)) { bodies[page.path] = body }
        return (bodies, bodies)
    }

    func render(_ page: Page) -> RenderedBody {
        guard let body = page.body, let source = page.source else { return RenderedBody() }
        var result = RenderedBody()
        let rendered = Markdown.render(body.text) { link in
            let location = source.location(line: body.line + link.line - 1, column: link.column)
            if let problem = Self.policyProblem(link) {
                result.diagnostics.append(.error(problem, at: location))
                return ""
            }
            let href = rewrite(link.url, on: page, from: source, at: location, into: &result)
            if !Self.isExternal(link.url) { result.writtenHrefs.insert(href ?? link.url) }
            return href
        }
        for marker in rendered.footnotes {
            result.diagnostics.append(.error(.footnote, marker.text,
                at: source.location(line: body.line + marker.line - 1, column: marker.column)))
        }
        result.html = rendered.html
        result.headings = rendered.headings
        result.passages = rendered.passages
        result.diagnostics += Self.pipeTables(in: body.text, firstLine: body.line, file: source)
        return result
    }

    /// The href to write for `url`, or nil to keep it; records problems and anchors to check.
    private func rewrite(_ url: String, on page: Page, from source: SourceFile,
                         at location: SourceLocation, into result: inout RenderedBody) -> String? {
        if Self.isExternal(url) { return nil }
        let (pathPart, anchor) = Self.splitFragment(url)
        if pathPart.isEmpty {
            if let anchor { result.anchorLinks.append(AnchorLink(targetPath: page.path, anchor: anchor, location: location)) }
            return nil
        }
        let directory = source.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        guard let resolved = Self.resolve(pathPart, against: directory) else {
            result.diagnostics.append(.error(.linkOutsideContent, url, at: location))
            return ""
        }
        if resolved.hasSuffix(".md") {
            guard let target = site.pathsBySource[resolved] else {
                if site.content.failedFiles.contains(resolved) { return "" }  // its own errors are reported
                if site.content.draftFiles.contains(resolved) {
                    result.diagnostics.append(.error(.draftLinked, "content/\(resolved)", at: location))
                    return ""
                }
                let hint = Suggestion.hint(for: resolved, in: site.pathsBySource.keys.sorted())
                result.diagnostics.append(.error([MessagePart(.linkMissingPage, pathPart, resolved)] + hint, at: location))
                return ""
            }
            result.linkedPaths.insert(target)
            if let anchor { result.anchorLinks.append(AnchorLink(targetPath: target, anchor: anchor, location: location)) }
            return linker.href(from: page, to: target, anchor: anchor)
        }
        guard assets.contains(resolved) else {
            result.diagnostics.append(.error(.linkMissingFile, pathPart, at: location))
            return ""
        }
        return linker.href(from: page, toFile: resolved) + (anchor.map { "#\($0)" } ?? "")
    }

    /// Why a link or image may not be on a page, or nil. A `javascript:` or `file:` link is a
    /// content mistake, not something to empty silently; an image from another site would make
    /// every reader's browser load it from there (the site loads nothing from elsewhere).
    static func policyProblem(_ link: LinkDestination) -> MessagePart? {
        if !URLPolicy.isAllowed(link.url) {
            let scheme = link.url.prefix { $0 != ":" }
            return MessagePart(.unsafeLink, FrontMatterSplitter.excerpt(scheme))
        }
        if link.isImage, isExternal(link.url), !link.url.isEmpty {
            return MessagePart(.externalImage, FrontMatterSplitter.excerpt(link.url[...]))
        }
        return nil
    }

    /// CommonMark has no tables: a GitHub-style `| a | b |` table would appear as raw text.
    static func pipeTables(in text: String, firstLine: Int, file: SourceFile) -> [Diagnostic] {
        // Most bodies have no `|` at all: skip the Character-by-Character split of them,
        // which showed in the profile of large builds.
        guard text.utf8.contains(UInt8(ascii: "|")) else { return [] }
        var diagnostics: [Diagnostic] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices.dropLast() where lines[index].hasPrefix("|") {
            let next = lines[index + 1]
            if next.hasPrefix("|"), next.contains("-"), next.allSatisfy({ "|-: ".contains($0) }) {
                diagnostics.append(.error(.pipeTable,
                    at: file.location(line: firstLine + index)))
            }
        }
        return diagnostics
    }

    /// Links that leave the site, or were blanked by the URL policy: not checked here.
    static func isExternal(_ url: String) -> Bool {
        url.isEmpty || url.hasPrefix("//") || url.contains(":") && !url.hasPrefix(".") && !url.hasPrefix("#")
    }

    static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        let anchor = String(url[url.index(after: hash)...])
        return (String(url[..<hash]), anchor.isEmpty ? nil : anchor)
    }

    /// `../solna-2023/ekonomi.md` from `huddinge-2020` → `solna-2023/ekonomi.md`; nil if it escapes.
    static func resolve(_ path: String, against directory: String) -> String? {
        var parts = path.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for segment in path.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }
}
