/// The last stage of a render: every page's diagnostics together. The Markdown's own
/// problems and its links to anchors, each page's duplicate anchors, and, unless an earlier
/// stage failed, every link the templates wrote, now that every page's ids are known. Only
/// set lookups over what the pages stage kept: quick enough to run whole every time, which
/// also rechecks every page when an anchor moved.
struct LinkCheckStage: Stage {
    let site: Site
    let templates: TemplateSet

    struct Input {
        let bodies: [String: RenderedBody]
        /// Every page's record (page path → record).
        let pages: [String: RenderedPage]
        /// Check the links templates wrote; off when earlier stages failed, since pages of
        /// files that failed are missing on purpose then.
        let checkGeneratedLinks: Bool
    }

    func run(_ input: Input, reusing memo: NoMemo?) -> (output: [Diagnostic], memo: NoMemo) {
        let pages = site.pages
        var diagnostics: [Diagnostic] = []
        for page in pages {
            diagnostics += (input.bodies[page.path]?.diagnostics ?? []) + (input.pages[page.path]?.anchorProblems ?? [])
        }
        let idsByPath = input.pages.mapValues(\.ids)
        for page in pages {
            for link in input.bodies[page.path]?.anchorLinks ?? [] where !(idsByPath[link.targetPath]?.contains(link.anchor) ?? false) {
                let known = idsByPath[link.targetPath] ?? []
                diagnostics.append(.error([MessagePart(.missingAnchor, link.anchor, link.targetPath)]
                                              + Suggestion.hint(for: link.anchor, in: known.sorted()), at: link.location))
            }
        }
        guard input.checkGeneratedLinks else { return (diagnostics, NoMemo()) }
        // Every link of every page, generated ones included: a template or a context that
        // writes a wrong href fails the build like a wrong link in Markdown does.
        let anchors = Dictionary(pages.map { ($0.outputPath, idsByPath[$0.path] ?? []) }, uniquingKeysWith: { first, _ in first })
        for page in pages {
            guard let links = input.pages[page.path]?.links else { continue }
            let location = page.source?.location(line: 1)
                ?? SourceLocation(path: "\(templates.displayRoot)/\(page.template).mustache", line: 1, column: 1)
            for (link, reason) in LinkChecker.brokenLinks(in: links, anchors: anchors) {
                diagnostics.append(.error(MessagePart(.pageLinkBroken, arguments: [.text(page.outputPath), .text(link), .part(reason)]),
                                          at: location))
            }
        }
        return (diagnostics, NoMemo())
    }
}
