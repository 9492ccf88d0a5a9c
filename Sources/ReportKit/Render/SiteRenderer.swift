import Foundation
import Mustache

/// One file of the built site.
public struct OutputFile: Sendable {
    /// Path below the output folder: `haninge-2022/ekonomi/index.html`.
    public let path: String
    public let contents: Contents

    public enum Contents: Sendable {
        /// Text written as UTF-8; a page's HTML is kept as the String it was rendered into,
        /// rather than copied into bytes while the String is still needed for link checking.
        case text(String)
        case bytes([UInt8])
        /// A file copied as it is (theme and content assets).
        case copy(URL)
    }
}

/// Renders every page: Markdown first (so that links between pages and backlinks are known),
/// then templates, then checks every anchor a link points at.
public struct SiteRenderer {
    let site: Site
    let templates: TemplateSet
    let linker: Linker
    /// False renders on one thread; the output must be the same either way.
    let parallel: Bool
    /// Where content assets (images, PDFs) are copied from.
    let contentRoot: URL

    public init(site: Site, templates: TemplateSet, linker: Linker, contentRoot: URL, parallel: Bool = true) {
        self.contentRoot = contentRoot
        self.site = site
        self.templates = templates
        self.linker = linker
        self.parallel = parallel
    }

    /// - Parameter checkGeneratedLinks: check the links templates wrote; off when earlier
    ///   stages failed, since pages of files that failed are missing on purpose then.
    public func render(checkGeneratedLinks: Bool = true) -> ([OutputFile], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let markdown = MarkdownStage(site: site, linker: linker)
        let bodies = Parallel.map(site.pages, parallel: parallel) { markdown.render($0) }
        var bodiesByPath: [String: RenderedBody] = [:]
        for (page, body) in zip(site.pages, bodies) {
            bodiesByPath[page.path] = body
            diagnostics += body.diagnostics
        }

        let builder = ContextBuilder(site: site, linker: linker, bodies: bodiesByPath)
        let library = templates.library
        let htmls = Parallel.map(site.pages, parallel: parallel) { page -> String in
            (library.render(builder.context(for: page), withTemplate: page.template) ?? "").compacted()
        }

        var anchors: [String: Set<String>] = [:]
        let scanned = Parallel.map(htmls, parallel: parallel) { Self.ids(in: $0) }
        for (page, (ids, duplicates)) in zip(site.pages, scanned) {
            anchors[page.path] = ids
            if !duplicates.isEmpty, let source = page.source {
                diagnostics.append(.error(
                    "the page would have duplicate anchors \(duplicates.sorted().map { "#\($0)" }.joined(separator: ", ")); rename a heading or table id",
                    at: source.location(line: 1)))
            }
        }
        for body in bodies {
            for link in body.anchorLinks where !(anchors[link.targetPath]?.contains(link.anchor) ?? false) {
                let known = anchors[link.targetPath] ?? []
                diagnostics.append(.error(
                    "link to missing anchor #\(link.anchor) on /\(link.targetPath)\(Suggestion.hint(for: link.anchor, in: known.sorted()))",
                    at: link.location))
            }
        }

        var files = zip(site.pages, htmls).map { OutputFile(path: $0.outputPath, contents: .text($1)) }
        files += DataExport(content: site.content, linker: linker).files()
        files += Sitemap(pages: site.pages, linker: linker).files()
        let headings = Dictionary(zip(site.pages.map(\.path), bodies.map { $0.headings.map(\.text) }), uniquingKeysWith: { a, _ in a })
        files.append(SearchIndex(site: site, linker: linker).file(headings: headings))
        files += templates.assets.map { OutputFile(path: $0, contents: .copy(templates.root.appendingPathComponent($0))) }
        files += site.content.assets.map { OutputFile(path: $0, contents: .copy(contentRoot.appendingPathComponent($0))) }

        // Every link of every page, generated ones included: a template or a context that
        // writes a wrong href fails the build like a wrong link in Markdown does.
        guard checkGeneratedLinks else { return (files, diagnostics) }
        let pages = zip(site.pages, htmls).map { (path: $0.outputPath, html: $1) }
        let checker = LinkChecker(anchors: Dictionary(uniqueKeysWithValues: zip(site.pages.map(\.outputPath), scanned.map(\.0))),
                                  files: files.map(\.path))
        let sitePath = linker.baseURL.map(Linker.path(of:)) ?? "/"
        var markdownLinks: [String: Set<String>] = [:]
        for (page, body) in zip(site.pages, bodies) { markdownLinks[page.outputPath] = body.writtenHrefs }
        for (page, link, reason) in checker.brokenLinks(in: pages, sitePath: sitePath, skipping: markdownLinks, parallel: parallel) {
            let source = site.pages.first { $0.outputPath == page }
            let location = source?.source?.location(line: 1)
                ?? SourceLocation(path: "\(templates.displayRoot)/\(source?.template ?? "layout").mustache", line: 1, column: 1)
            diagnostics.append(.error("page /\(page) links to \"\(link)\": \(reason)", at: location))
        }
        return (files, diagnostics)
    }

    /// Every `id="…"` in a page, and those that occur twice.
    static func ids(in html: String) -> (Set<String>, Set<String>) {
        var ids: Set<String> = []
        var duplicates: Set<String> = []
        for id in AttributeScanner.values(of: ["id"], in: html) where !ids.insert(id).inserted {
            duplicates.insert(id)
        }
        return (ids, duplicates)
    }
}
