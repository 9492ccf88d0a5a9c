import Foundation

/// One file of the built site.
public struct OutputFile: Sendable {
    /// Path below the output folder: `haninge-2022/ekonomi/index.html`.
    public let path: String
    public let contents: Contents

    public enum Contents: Sendable {
        /// Text written as UTF-8; a page's HTML is kept as the String it was rendered into.
        case text(String)
        case bytes([UInt8])
        /// A file copied as it is (theme and content assets).
        case copy(URL)
    }
}

/// Renders the site in four stages, each a `Stage` with its own memo: the Markdown bodies
/// (so that links between pages and backlinks are known), the site files (tables' CSV,
/// open data, search index, sitemap, assets), the pages through their templates, and the
/// check of every link and anchor. Every file goes to the output as it is made.
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

    /// What one render did, and what the next one can reuse.
    public struct Result: Sendable {
        /// Every file of the site (pages, then the others), whether put this time or kept in
        /// the output from the last render.
        public let paths: [String]
        public let diagnostics: [Diagnostic]
        public let memo: RenderMemo
        /// Pages whose templates ran (all of them without a memo).
        public let renderedPages: Int
        /// Output paths (`huddinge-2020/index.html`) of the pages rendered again, whose HTML
        /// may differ from the memo's; nil when there was no memo to reuse.
        public let rerendered: Set<String>?
        /// Size in bytes of the search index the search page loads.
        public let searchIndexBytes: Int
        /// What the goal fragments' cache did (see `FragmentCache`).
        let goalFragments: FragmentCache<GoalFragmentKey>.Counts
    }

    /// Renders the pages that changed since `memo` was made into `output`, which still holds
    /// the rest; with no memo (or a change that reaches everything) renders everything. The
    /// site is the same as a render from scratch.
    /// - Parameters:
    ///   - output: where each file goes as it is made. A memo may be passed only with an
    ///     output that keeps the files of the render that made it (`keepsFiles`).
    ///   - checkGeneratedLinks: check the links templates wrote; off when earlier stages
    ///     failed, since pages of files that failed are missing on purpose then.
    ///   - change: `Invalidation.change` from the memo's site to this one (worked out by the
    ///     caller, once for a preview and the full render: it compares all the content).
    ///   - ownPagesOnly: render only the changed reports' own pages and keep every other page,
    ///     the open data and the search index as they were: a quick, partial preview that
    ///     `serve` shows while the full render runs. Its memo must not be kept.
    func render(into output: any SiteOutput, checkGeneratedLinks: Bool = true, reusing memo: RenderMemo?,
                change: (pages: Set<String>, own: Set<String>)?, ownPagesOnly: Bool = false) -> Result {
        let pages = site.pages
        let targets: Set<String>? = ownPagesOnly ? change?.own : change?.pages
        /// What this render reuses: nothing when every page is rendered again.
        let kept = targets == nil ? nil : memo
        let changed = targets.map { targets in pages.filter { targets.contains($0.path) } } ?? pages

        progress?.begin("markdown", total: 0)
        let (bodies, bodiesMemo) = MarkdownStage(site: site, linker: linker, parallel: parallel).run(changed, reusing: kept?.bodies)
        var builder = ContextBuilder(index: index, linker: linker, bodies: bodies, library: templates.library, parallel: parallel,
                                     reusing: memo)

        progress?.begin("site files", total: 0)
        let siteFiles = SiteFilesStage(site: site, linker: linker, templates: templates, contentRoot: contentRoot,
                                       builder: builder, output: output, parallel: parallel)
        let (files, filesMemo) = siteFiles.run(.init(changed: changed, remakeData: !(targets?.isEmpty == true || ownPagesOnly)),
                                               reusing: kept?.siteFiles ?? memo?.siteFiles.shares)
        builder.tableFileSizes = files.tableSizes

        let pageFiles = pages.map(\.outputPath)
        let checker = LinkChecker(pages: Set(pageFiles), files: files.paths)
        let pagesStage = PagesStage(templates: templates, builder: builder, checker: checker, output: output,
                                    parallel: parallel, progress: progress)
        let (rendered, pagesMemo) = pagesStage.run(.init(pages: pages, changed: targets.map { _ in Set(changed.map(\.path)) },
                                                         followBacklinks: !ownPagesOnly),
                                                   reusing: kept?.pages)

        progress?.begin("check links", total: 0)
        let check = LinkCheckStage(site: site, templates: templates)
        let (problems, _) = check.run(.init(bodies: bodies, pages: rendered.pages, checkGeneratedLinks: checkGeneratedLinks),
                                      reusing: nil)

        let newMemo = RenderMemo(index: index, templateSources: templates.sources, bodies: bodiesMemo, siteFiles: filesMemo,
                                 pages: pagesMemo, figureFacts: builder.figureFacts)
        return Result(paths: pageFiles + files.paths, diagnostics: problems, memo: newMemo,
                      renderedPages: rendered.rendered.count,
                      rerendered: kept.map { _ in Set(rendered.rendered.map(\.outputPath)) },
                      searchIndexBytes: files.searchIndexBytes, goalFragments: builder.goalFragments.counts)
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
