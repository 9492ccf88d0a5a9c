import Mustache

/// What the render keeps of a page once its HTML has gone to the output: what the link check
/// and the next rebuild need.
struct RenderedPage: Sendable {
    /// Every `id` on the page.
    let ids: Set<String>
    /// Duplicate anchors, at the place to fix.
    let anchorProblems: [Diagnostic]
    /// Its links, as far as the page and the list of files tell (see `LinkChecker.PageLinks`).
    let links: LinkChecker.PageLinks
    /// The linking pages with their titles, as the page's backlinks list shows them.
    let backlinks: [String]
}

/// The pages, through their templates. Each page is handed to the output as soon as it is
/// rendered and only a `RenderedPage` is kept of it, so a build never holds every page's
/// HTML. Renders the pages whose bodies changed, and those whose backlinks did; keeps the
/// memo's record of every other page.
struct PagesStage: Stage {
    let templates: TemplateSet
    let builder: ContextBuilder
    /// Checks each page's links against every file of the site as the page is rendered.
    let checker: LinkChecker
    let output: any SiteOutput
    let parallel: Bool
    let progress: BuildProgress?

    struct Input {
        /// Every page of the site.
        let pages: [Page]
        /// Paths of the pages whose bodies changed; nil: every page is rendered.
        let changed: Set<String>?
        /// Render the pages whose backlinks changed too (not in `serve`'s quick preview).
        let followBacklinks: Bool
    }

    struct Output {
        /// Page path → record, for every page.
        let pages: [String: RenderedPage]
        /// The pages rendered this time, in site order.
        let rendered: [Page]
    }

    /// Page path → what was kept of it.
    typealias Memo = [String: RenderedPage]

    func run(_ input: Input, reusing memo: Memo?) -> (output: Output, memo: Memo) {
        let backlinks = Dictionary(uniqueKeysWithValues: input.pages.map { ($0.path, builder.backlinkSignature(of: $0.path)) })
        var render = input.changed ?? Set(input.pages.map(\.path))
        if let memo, input.followBacklinks {
            for page in input.pages where memo[page.path]?.backlinks != backlinks[page.path] { render.insert(page.path) }
        }
        let rendering = input.pages.filter { render.contains($0.path) }
        progress?.begin("render", total: rendering.count)
        let sitePath = builder.linker.baseURL.map(Linker.path(of:)) ?? "/"
        let fresh = Parallel.map(rendering, parallel: parallel) { page -> RenderedPage in
            let record = self.render(page, backlinks: backlinks[page.path] ?? [], sitePath: sitePath)
            progress?.advance()
            return record
        }
        var pages = memo ?? [:]
        for (page, record) in zip(rendering, fresh) { pages[page.path] = record }
        return (Output(pages: pages, rendered: rendering), pages)
    }

    /// Renders one page, puts it into the output, and returns what is kept of it.
    private func render(_ page: Page, backlinks: [String], sitePath: String) -> RenderedPage {
        var html = templates.library.render(builder.context(for: page), withTemplate: page.template) ?? ""
        // Mustache appends, so the text's storage can be twice its size: worth trimming only
        // when the output holds on to it.
        if output.keepsFiles { html = html.compacted() }
        let (ids, duplicates) = SiteRenderer.ids(in: html)
        var anchorProblems: [Diagnostic] = []
        if !duplicates.isEmpty, let source = page.source {
            anchorProblems = Self.duplicateAnchorProblems(duplicates, on: page, source: source, body: builder.bodies[page.path])
        }
        let links = checker.pageLinks(of: page.outputPath, html: html, ids: ids, sitePath: sitePath,
                                      skipping: builder.bodies[page.path]?.writtenHrefs ?? [])
        output.put(OutputFile(path: page.outputPath, contents: .text(html)))
        return RenderedPage(ids: ids, anchorProblems: anchorProblems, links: links, backlinks: backlinks)
    }

    /// Each duplicate id at the place to fix: a heading at its line, saying which id it
    /// clashes with. Ids of a table written twice are left to the rule that reports the table
    /// id at its line; anything else is reported at the top of the file.
    static func duplicateAnchorProblems(_ duplicates: Set<String>, on page: Page, source: SourceFile,
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
}
