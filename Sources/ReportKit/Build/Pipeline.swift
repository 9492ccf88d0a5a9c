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
        var rules: RuleCache?
        /// The templates as last parsed: a rebuild parses only those whose text changed.
        var templates: TemplateSet.Parsed?
        /// The last good render, kept only with an output that keeps its files (`check`,
        /// `serve`): reusing it means putting only the files that changed.
        var render: RenderMemo?
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
        let (ruleDiagnostics, rules) = RuleCache.check(content, reusing: memo.rules)
        memo.rules = rules
        result.diagnostics += ruleDiagnostics
        lap("validate")

        // Assemble
        options.progress?.begin("assemble", total: 0)
        let (site, assembleDiagnostics) = SiteAssembler.assemble(content)
        result.diagnostics += assembleDiagnostics
        let linker = Linker(baseURL: options.baseURL)
        // Once per build: the preview and the full render of a rebuild share it.
        let index = SiteIndex(site: site, linker: linker)
        lap("assemble")

        // Render (also when earlier stages failed, so that broken links are reported in the same run)
        guard let templates else {
            result.diagnostics = result.diagnostics.sortedForDisplay()
            return (result, memo)
        }
        // Where the files go as they are rendered: into memory for `check` and `serve`; into
        // a staging folder for a build, unless it has failed already and will write nothing.
        var staging: SiteWriter.Staging?
        let memory = options.write ? nil : MemoryOutput(keeping: memo.files)
        let output: any SiteOutput
        if let memory {
            output = memory
        } else if result.diagnostics.hasErrors {
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
        let change = reusable.flatMap { Invalidation.change(from: $0.index, to: index) }
        if let preview = input.preview, let reusable, let change, !result.diagnostics.hasErrors, !change.own.isEmpty, change.own != change.pages {
            let draft = MemoryOutput(keeping: memo.files)
            let quick = renderer.render(into: draft, reusing: reusable, change: change, ownPagesOnly: true)
            lap("preview")
            if !quick.diagnostics.hasErrors {
                var early = result
                early.files = draft.files(quick.paths)
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
            // A failed build's pages lack the files that failed; the next build compares with
            // the last good one instead, so fixing a mistake re-renders only what it reaches.
            if result.succeeded {
                memo.render = rendered.memo
                memo.files = Dictionary(result.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
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

extension ContentLoader: Stage {
    /// Reads the content folder: with the last load as memo, only the files `changed` names
    /// (every file, by its stamp, when nil); the load is its own memo.
    func run(_ changed: Set<String>?, reusing memo: Result?) -> (output: Result, memo: Result) {
        let result = load(reusing: memo, changed: changed)
        return (result, result)
    }
}
