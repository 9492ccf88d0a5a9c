import Foundation

/// The build, stage by stage: Load → Decode → Validate → Assemble → Render (bodies, site
/// files, pages, link check) → Write. Each stage reports all the problems it finds; a build
/// with an error swaps nothing into the output, so a bad input never touches the published
/// site. Every stage follows `Stage`'s convention, and `Memo` is the set of their memos:
/// all that a `BuildSession` keeps from one build to the next.
struct Pipeline: Stage {
    let options: BuildOptions

    /// Called before the full render when a change inside one report reaches pages beyond
    /// its own: with that report's own pages rendered again and every other page as the
    /// last build left it, so that `serve` can show the edited page at once.
    typealias Preview = (BuildResult) -> Void

    struct Input {
        /// The files that changed since the last build (absolute paths, from `serve`'s file
        /// watcher); nil when that is not known: every file is looked at.
        var changed: Set<String>?
        var preview: Preview?
    }

    struct Memo: Sendable {
        /// The last load: what each file looked like when it was read.
        var load: ContentLoader.Result?
        /// Each file's decoding.
        var decode: ContentDecoder.Cache?
        /// What the rules said about each report.
        var rules: RuleStage.Memo?
        /// The templates as last parsed: a rebuild parses only those whose text changed.
        var templates: TemplateSet.Parsed?
        /// The last good render, kept only with an output that keeps its files (`check`,
        /// `serve`): reusing it means putting only the files that changed.
        var render: RenderMemo?
        /// Every page's reads in the last good render's index, when the build worked them
        /// out (`Invalidation.Reads`); nil: the next build works them out from that index.
        var reads: Invalidation.Reads?
        /// Output path → the last good render's files, for such an output.
        var files: [String: OutputFile] = [:]
    }

    func run(_ input: Input, reusing last: Memo?) -> (output: BuildResult, memo: Memo) {
        var memo = last ?? Memo()
        var result = BuildResult()
        var clock = ContinuousClock.now
        func lap(_ stage: String) {
            let now = ContinuousClock.now
            let duration = now - clock
            result.timings.append((stage, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18,
                                   peakResidentMemory()))
            clock = now
        }
        func fail(_ error: SiteWriter.WriteError) {
            result.diagnostics.append(.error(error.message, at: SourceLocation(path: options.display(options.output), line: 1, column: 1)))
        }
        let writer = SiteWriter(output: options.output, sources: [options.content, options.templates],
                                workspaces: [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)])
        if options.write {
            do { try writer.checkOutput() } catch {
                fail(error)
                return (result, memo)
            }
        }

        // Load
        options.progress?.begin("load", total: 0)
        let (loaded, loadMemo) = ContentLoader(root: options.content, displayRoot: options.display(options.content))
            .run(input.changed, reusing: memo.load)
        memo.load = loadMemo
        let ((templates, templateDiagnostics), templatesMemo) = TemplateLoader(root: options.templates,
                                                                               displayRoot: options.display(options.templates))
            .run((), reusing: memo.templates)
        memo.templates = templatesMemo
        result.diagnostics += templateDiagnostics
        lap("load")

        // Validate: decode every file, then the rules
        options.progress?.begin("validate", total: loaded.files.count)
        let ((decoded, decodeDiagnostics), decodeMemo) = ContentDecoder.decode(loaded, parallel: options.parallel,
                                                                               reusing: memo.decode, progress: options.progress)
        memo.decode = decodeMemo
        var content = decoded
        result.diagnostics += decodeDiagnostics
        result.diagnostics += Placeholders.find(in: loaded.files, content: content, severity: options.placeholders,
                                                drafts: options.drafts)
        if !options.drafts { content.leaveOutDrafts() }
        let (ruleDiagnostics, rules) = RuleStage().run(content, reusing: memo.rules)
        memo.rules = rules
        result.diagnostics += ruleDiagnostics
        lap("validate")

        // Assemble
        options.progress?.begin("assemble", total: 0)
        // The last good build's index, when this build may reuse its render (`serve`).
        let last = options.write ? nil : memo.render?.index
        if let last { content.reports = Self.keepingUnchanged(content.reports, from: last.content.reports) }
        let (site, assembleDiagnostics) = SiteAssembler.assemble(content)
        result.diagnostics += assembleDiagnostics
        let linker = Linker(baseURL: options.baseURL)
        // Once per build: the preview and the full render of a rebuild share it.
        let index = SiteIndex(site: site, linker: linker, reusing: last)
        lap("assemble")

        // Render (also when earlier stages failed, so that broken links are reported in the same run)
        guard let templates else {
            result.diagnostics = result.diagnostics.sortedForDisplay()
            return (result, memo)
        }
        // Where the files go as they are rendered: into memory for `serve`; into a staging
        // folder for a build, unless it has failed already and will write nothing; nowhere
        // for `check` (the pages stage keeps each page's links and ids for the link check).
        var staging: SiteWriter.Staging?
        let memory = options.write || !options.keepFiles ? nil : MemoryOutput(keeping: memo.files)
        let output: any SiteOutput
        if let memory {
            output = memory
        } else if result.diagnostics.hasErrors || !options.write {
            output = DiscardedOutput()
        } else {
            do { staging = try writer.beginStaging() } catch {
                fail(error)
                result.diagnostics = result.diagnostics.sortedForDisplay()
                return (result, memo)
            }
            output = staging!
        }
        let reusable = output.keepsFiles ? memo.render?.reusable(with: templates) : nil
        let renderer = SiteRenderer(index: index, templates: templates, linker: linker,
                                    contentRoot: options.content, parallel: options.parallel, progress: options.progress)
        // Worked out once for the preview and the full render: it compares all the content.
        var change: (pages: Set<String>, own: Set<String>)?
        var reads: Invalidation.Reads?
        if let reusable {
            let before = memo.reads ?? Invalidation.reads(of: reusable.index, parallel: options.parallel)
            (change, reads) = Invalidation.change(from: reusable.index, reading: before, to: index, parallel: options.parallel)
        }
        if let preview = input.preview, let reusable, let change, !result.diagnostics.hasErrors, !change.own.isEmpty, change.own != change.pages {
            let draft = MemoryOutput(keeping: memo.files)
            let quick = renderer.render(into: draft, reusing: reusable, change: change, ownPagesOnly: true)
            lap("preview")
            if !quick.diagnostics.hasErrors {
                var early = result
                early.files = draft.files(quick.paths)
                early.put = draft.putPaths
                early.pagesRendered = quick.renderedPages
                early.rerendered = quick.rerendered
                early.diagnostics = (early.diagnostics + quick.diagnostics).sortedForDisplay()
                preview(early)
            }
        }
        let rendered = renderer.render(into: output, checkGeneratedLinks: !result.diagnostics.hasErrors, reusing: reusable,
                                       change: change)
        result.pagesRendered = rendered.renderedPages
        result.rerendered = rendered.rerendered
        result.diagnostics += rendered.diagnostics
        result.diagnostics = result.diagnostics.sortedForDisplay()
        if let memory {
            result.files = memory.files(rendered.paths)
            if reusable != nil { result.put = memory.putPaths }
            // A failed build's pages lack the files that failed; the next build compares with
            // the last good one instead, so fixing a mistake re-renders only what it reaches.
            if result.succeeded {
                memo.render = rendered.memo
                memo.reads = reads
                memo.files = memory.merged(keeping: rendered.paths)
            }
        }
        lap("render")

        // Write: the pages are in the staging folder already; swap it in, or throw it away.
        guard let staging else { return (result, memo) }
        guard result.succeeded else {
            staging.discard()
            return (result, memo)
        }
        do {
            options.progress?.begin("write", total: 0)
            try staging.finish()
            (result.filesWritten, result.pagesWritten) = staging.counts
            result.searchIndexBytes = rendered.searchIndexBytes
        } catch {
            fail(error)
        }
        lap("write")
        return (result, memo)
    }
}

extension Pipeline {
    /// `reports`, with each report equal to one of `last` replaced by that one: unchanged
    /// reports keep their identity from build to build, so that what the last build worked
    /// out from them is found by `===`, and comparing them costs nothing.
    static func keepingUnchanged(_ reports: [Report], from last: [Report]) -> [Report] {
        let old = Dictionary(last.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return reports.map { report in old[report.id].flatMap { $0 == report ? $0 : nil } ?? report }
    }
}

extension ContentLoader: Stage {
    /// Reads the content folder: with the last load as memo, only the files `changed` names
    /// (every file, by its stamp, when nil); the load is its own memo.
    func run(_ changed: Set<String>?, reusing memo: Result?) -> (output: Result, memo: Result) {
        let result = load(reusing: memo, changed: changed)
        return (result, result)
    }
}
