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
    /// What every page reads, worked out once per build (also for a preview and its full render).
    let index: SiteIndex
    var site: Site { index.site }
    let templates: TemplateSet
    let linker: Linker
    /// False renders on one thread; the output must be the same either way.
    let parallel: Bool
    /// Where content assets (images, PDFs) are copied from.
    let contentRoot: URL
    let progress: BuildProgress?

    public init(index: SiteIndex, templates: TemplateSet, linker: Linker, contentRoot: URL, parallel: Bool = true,
                progress: BuildProgress? = nil) {
        self.progress = progress
        self.contentRoot = contentRoot
        self.index = index
        self.templates = templates
        self.linker = linker
        self.parallel = parallel
    }

    /// The output of one render, and what the next one can reuse.
    public struct Result: Sendable {
        public let files: [OutputFile]
        public let diagnostics: [Diagnostic]
        public let memo: RenderMemo
        /// Pages whose templates ran (all of them without a memo).
        public let renderedPages: Int
        /// Output paths (`huddinge-2020/index.html`) of the pages rendered again, whose HTML
        /// may differ from the memo's; nil when there was no memo to reuse.
        public let rerendered: Set<String>?
    }

    /// Renders the pages that changed since `memo` was made, and reuses the rest; with no memo
    /// (or templates or links that changed) renders everything. The output is the same as a
    /// render from scratch.
    /// - Parameters:
    ///   - checkGeneratedLinks: check the links templates wrote; off when earlier stages
    ///     failed, since pages of files that failed are missing on purpose then.
    ///   - change: `Invalidation.change` from the memo's site to this one (worked out by the
    ///     caller, once for a preview and the full render: it compares all the content).
    ///   - ownPagesOnly: render only the changed reports' own pages and keep every other page,
    ///     the open data and the search index as they were: a quick, partial preview that
    ///     `serve` shows while the full render runs. Its memo must not be kept.
    func render(checkGeneratedLinks: Bool = true, reusing memo: RenderMemo?,
                change: (pages: Set<String>, own: Set<String>)?, ownPagesOnly: Bool = false) -> Result {
        let pages = site.pages
        let targets: Set<String>? = ownPagesOnly ? change?.own : change?.pages
        func stale(_ page: Page) -> Bool { targets?.contains(page.path) ?? true }
        /// What this render reuses: nothing when every page is rendered again.
        let kept = targets == nil ? nil : memo

        // Markdown, for the pages that changed.
        progress?.begin("markdown", total: 0)
        let markdown = MarkdownStage(site: site, linker: linker)
        var bodies = kept?.bodies ?? [:]
        let changed = pages.filter(stale)
        for (page, body) in zip(changed, Parallel.map(changed, parallel: parallel) { markdown.render($0) }) {
            bodies[page.path] = body
        }
        let builder = ContextBuilder(index: index, linker: linker, bodies: bodies)

        // Templates, for the pages that changed and the pages whose backlinks did.
        var render = Set(changed.map(\.path))
        let backlinks = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, builder.backlinkSignature(of: $0.path)) })
        if let kept, !ownPagesOnly {
            for page in pages where kept.backlinks[page.path] != backlinks[page.path] { render.insert(page.path) }
        }
        let rendering = pages.filter { render.contains($0.path) }
        progress?.begin("render", total: rendering.count)
        let library = templates.library
        let fresh = Parallel.map(rendering, parallel: parallel) { page -> (String, Set<String>, Set<String>) in
            let html = (library.render(builder.context(for: page), withTemplate: page.template) ?? "").compacted()
            let (ids, duplicates) = Self.ids(in: html)
            progress?.advance()
            return (html, ids, duplicates)
        }
        var htmls = kept?.htmls ?? [:]
        var ids = kept?.ids ?? [:]
        var anchorProblems = kept?.anchorProblems ?? [:]
        var anchorsMoved = false
        for (page, (html, pageIDs, duplicates)) in zip(rendering, fresh) {
            htmls[page.path] = html
            if ids[page.path] != pageIDs { anchorsMoved = true }
            ids[page.path] = pageIDs
            anchorProblems[page.path] = nil
            if !duplicates.isEmpty, let source = page.source {
                anchorProblems[page.path] = duplicateAnchorProblems(duplicates, on: page, source: source, body: bodies[page.path])
            }
        }

        var diagnostics: [Diagnostic] = []
        for page in pages { diagnostics += (bodies[page.path]?.diagnostics ?? []) + (anchorProblems[page.path] ?? []) }
        for page in pages {
            for link in bodies[page.path]?.anchorLinks ?? [] where !(ids[link.targetPath]?.contains(link.anchor) ?? false) {
                let known = ids[link.targetPath] ?? []
                diagnostics.append(.error([MessagePart(.missingAnchor, link.anchor, link.targetPath)]
                                              + Suggestion.hint(for: link.anchor, in: known.sorted()), at: link.location))
            }
        }

        let fixedFiles = kept?.fixedFiles
            ?? Sitemap(pages: pages, linker: linker).files()
                + templates.assets.map { OutputFile(path: $0, contents: .copy(templates.root.appendingPathComponent($0))) }
                + site.content.assets.map { OutputFile(path: $0, contents: .copy(contentRoot.appendingPathComponent($0))) }
        let dataFiles: [OutputFile]
        var openData = memo?.openData, searchIndex = memo?.searchIndex
        if let kept, targets?.isEmpty == true || ownPagesOnly {
            dataFiles = kept.dataFiles
        } else {
            // Per report, reusing the shares of reports that did not change.
            let exported = DataExport(index: index, linker: linker).files(reusing: openData)
            let indexed = SearchIndex(site: site, linker: linker).file(bodies: bodies, reusing: searchIndex)
            (openData, searchIndex) = (exported.1, indexed.1)
            dataFiles = exported.0
                + index.chartFiles.keys.sorted().flatMap { index.chartFiles[$0]!.outputFiles }
                + [indexed.0]
                + pages.flatMap(builder.tableFiles).map { OutputFile(path: $0.path, contents: .bytes($0.csv)) }
        }
        var files = pages.map { OutputFile(path: $0.outputPath, contents: .text(htmls[$0.path] ?? "")) }
        files += dataFiles + fixedFiles

        // Every link of every page, generated ones included: a template or a context that
        // writes a wrong href fails the build like a wrong link in Markdown does. When no
        // anchor moved, only the pages rendered again can have new broken links.
        var linkProblems = kept?.linkProblems ?? [:]
        if checkGeneratedLinks {
            progress?.begin("check links", total: 0)
            let recheckAll = anchorsMoved || !(kept?.linksChecked ?? false)
            let checking = recheckAll ? pages : rendering
            for page in checking { linkProblems[page.path] = nil }
            for (page, problems) in brokenLinks(on: checking, htmls: htmls, ids: ids, bodies: bodies, files: files.map(\.path)) {
                linkProblems[page] = problems
            }
            for page in pages { diagnostics += linkProblems[page.path] ?? [] }
        }

        let newMemo = RenderMemo(
            index: index, bodies: bodies, htmls: htmls, ids: ids, anchorProblems: anchorProblems, linkProblems: linkProblems,
            backlinks: backlinks,
            fixedFiles: fixedFiles, dataFiles: dataFiles, openData: openData, searchIndex: searchIndex,
            linksChecked: checkGeneratedLinks)
        return Result(files: files, diagnostics: diagnostics, memo: newMemo, renderedPages: rendering.count,
                      rerendered: kept.map { _ in Set(rendering.map(\.outputPath)) })
    }

    /// Each duplicate id at the place to fix: a heading at its line, saying which id it
    /// clashes with. Ids of a table written twice are left to the rule that reports the table
    /// id at its line; anything else is reported at the top of the file.
    private func duplicateAnchorProblems(_ duplicates: Set<String>, on page: Page, source: SourceFile,
                                         body: RenderedBody?) -> [Diagnostic] {
        var tableIDs: [String] = []
        if case .section(_, let section) = page.kind {
            tableIDs = (section.document.matter.tables ?? []).map(\.id.value)
        }
        let repeatedTables = Set(tableIDs.filter { id in tableIDs.filter { $0 == id }.count > 1 })
        var problems: [Diagnostic] = []
        var unexplained: [String] = []
        for id in duplicates.sorted() {
            if let heading = body?.headings.first(where: { $0.id == id }), let firstLine = page.body?.line {
                problems.append(.error(.headingIDTaken, heading.text, id,
                    at: source.location(line: firstLine + heading.line - 1, column: heading.column)))
            } else if !repeatedTables.contains(where: { id == "tabell-\($0)" || id == "tabell-\($0)-rubrik" }) {
                unexplained.append(id)
            }
        }
        if !unexplained.isEmpty {
            problems.append(.error(.duplicateAnchors, unexplained.map { "#\($0)" }.joined(separator: ", "),
                                   at: source.location(line: 1)))
        }
        return problems
    }

    /// The broken links of `checking`, by page path, checked against every page's ids and every file.
    private func brokenLinks(on checking: [Page], htmls: [String: String], ids: [String: Set<String>],
                             bodies: [String: RenderedBody], files: [String]) -> [String: [Diagnostic]] {
        let checker = LinkChecker(anchors: Dictionary(uniqueKeysWithValues: site.pages.map { ($0.outputPath, ids[$0.path] ?? []) }),
                                  files: files)
        let sitePath = linker.baseURL.map(Linker.path(of:)) ?? "/"
        var markdownLinks: [String: Set<String>] = [:]
        for page in checking { markdownLinks[page.outputPath] = bodies[page.path]?.writtenHrefs }
        let byOutput = Dictionary(checking.map { ($0.outputPath, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [String: [Diagnostic]] = [:]
        for (output, link, reason) in checker.brokenLinks(in: checking.map { (path: $0.outputPath, html: htmls[$0.path] ?? "") },
                                                         sitePath: sitePath, skipping: markdownLinks, parallel: parallel) {
            let page = byOutput[output]
            let location = page?.source?.location(line: 1)
                ?? SourceLocation(path: "\(templates.displayRoot)/\(page?.template ?? "layout").mustache", line: 1, column: 1)
            problems[page?.path ?? output, default: []].append(.error(MessagePart(.pageLinkBroken, arguments: [.text(output), .text(link), .part(reason)]), at: location))
        }
        return problems
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
