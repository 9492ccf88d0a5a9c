import Foundation

/// What to build, and where from.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// Absolute URL the site is published at; nil for a site that works from disk.
    public var baseURL: String?
    /// False runs every stage but writing (`arsrapport check`).
    public var write: Bool
    public var parallel: Bool
    /// Diagnostics name files relative to this folder (default: the working directory).
    public var displayRoot: URL
    /// Updated as the build goes, for a progress line.
    public var progress: BuildProgress?
    /// Build the reports marked `draft: true` too (`build --drafts`, `serve`).
    public var drafts = false
    /// How `arsrapport new`'s placeholders are reported: errors in a build, warnings in `serve`.
    public var placeholders: Diagnostic.Severity = .error
    /// The language `serve` prints messages in.
    public var language: Language = .english

    public init(content: URL, templates: URL, output: URL, baseURL: String? = nil, write: Bool = true,
                parallel: Bool = true, displayRoot: URL? = nil) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.write = write
        self.parallel = parallel
        self.displayRoot = displayRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// A path as the user would type it: relative to `displayRoot` when inside it.
    func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let root = displayRoot.standardizedFileURL.path
        if path == root { return "." }
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }
}

/// What a build did.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pagesWritten = 0
    public var filesWritten = 0
    /// Size in bytes of the search index the search page loads (0 if there is none).
    public var searchIndexBytes = 0
    /// Every file of the site, also when nothing was written (`serve` serves them from memory).
    public var files: [OutputFile] = []
    /// Pages whose templates ran: all of them, except in a rebuild of a `BuildSession`.
    public var pagesRendered = 0
    /// In a rebuild, the output paths of the pages rendered again (`huddinge-2020/index.html`);
    /// nil when every page was.
    public var rerendered: Set<String>?
    /// Stage name, seconds, and the process's peak resident memory (bytes) when it ended, in pipeline order.
    public var timings: [(stage: String, seconds: Double, peakMemory: Int)] = []
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline: Load → Validate → Assemble → Render → Write. Each stage reports all the
/// problems it finds; the build stops before writing if any stage found an error, so a bad
/// input never touches the published site.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        BuildSession(options: options).build()
    }
}

/// Builds that remember what they read, decoded and rendered, so that the next build of the
/// same session (in `serve`) repeats only the work a change calls for: unchanged files are
/// not read or decoded again, and only the pages a change reaches are rendered. The result
/// is the same as a build from scratch. One build at a time.
public final class BuildSession {
    public let options: BuildOptions
    private var loaded: ContentLoader.Result?
    private var decoded = ContentDecoder.Cache()
    private var rules = RuleCache()
    private var memo: RenderMemo?
    private var templateSources: [String: String]?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// - Parameter changed: the files that changed since the last build (absolute paths, as
    ///   `serve`'s file watcher reports them): only those are read again. Nil when it is not
    ///   known what changed: every file is looked at.
    /// - Parameter preview: called before the full render when a change inside one report
    ///   reaches pages beyond its own: with that report's own pages rendered again and every
    ///   other page as the last build left it, so that `serve` can show the edited page at
    ///   once. Not called when the content has errors.
    public func build(changed: Set<String>? = nil, preview: ((BuildResult) -> Void)? = nil) -> BuildResult {
        var result = BuildResult()
        var clock = ContinuousClock.now
        func lap(_ stage: String) {
            let now = ContinuousClock.now
            let duration = now - clock
            result.timings.append((stage, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18,
                                   peakResidentMemory()))
            clock = now
        }
        let writer = SiteWriter(output: options.output, sources: [options.content, options.templates],
                                workspaces: [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)])
        if options.write {
            do { try writer.checkOutput() } catch {
                result.diagnostics.append(.error(error.message, at: SourceLocation(path: options.display(options.output), line: 1, column: 1)))
                return result
            }
        }

        // Load
        options.progress?.begin("load", total: 0)
        let loaded = ContentLoader(root: options.content, displayRoot: options.display(options.content))
            .load(reusing: self.loaded, changed: changed)
        self.loaded = loaded
        let (templates, templateDiagnostics) = TemplateSet.load(from: options.templates, displayRoot: options.display(options.templates))
        result.diagnostics += templateDiagnostics
        lap("load")

        // Validate
        options.progress?.begin("validate", total: loaded.files.count)
        var (content, decodeDiagnostics) = ContentDecoder.decode(loaded, parallel: options.parallel, cache: &decoded,
                                                                   progress: options.progress)
        result.diagnostics += decodeDiagnostics
        result.diagnostics += Placeholders.find(in: loaded.files, content: content, severity: options.placeholders,
                                                drafts: options.drafts)
        if !options.drafts { content.leaveOutDrafts() }
        result.diagnostics += rules.check(content)
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
            return result
        }
        if templates.sources != templateSources { memo = nil }
        templateSources = templates.sources
        let renderer = SiteRenderer(index: index, templates: templates, linker: linker,
                                    contentRoot: options.content, parallel: options.parallel, progress: options.progress)
        // Worked out once for the preview and the full render: it compares all the content.
        let change = memo.flatMap { Invalidation.change(from: $0.index, to: index) }
        if let preview, let memo, let change, !result.diagnostics.hasErrors, !change.own.isEmpty, change.own != change.pages {
            let quick = renderer.render(reusing: memo, change: change, ownPagesOnly: true)
            lap("preview")
            if !quick.diagnostics.hasErrors {
                var early = result
                early.files = quick.files
                early.pagesRendered = quick.renderedPages
                early.rerendered = quick.rerendered
                early.diagnostics = (early.diagnostics + quick.diagnostics).sortedForDisplay()
                preview(early)
            }
        }
        let rendered = renderer.render(checkGeneratedLinks: !result.diagnostics.hasErrors, reusing: memo, change: change)
        // A failed build's pages lack the files that failed; the next build compares with the
        // last good one instead, so fixing a mistake re-renders only what it reaches.
        if !result.diagnostics.hasErrors && !rendered.diagnostics.hasErrors { memo = rendered.memo }
        result.files = rendered.files
        result.pagesRendered = rendered.renderedPages
        result.rerendered = rendered.rerendered
        result.diagnostics += rendered.diagnostics
        result.diagnostics = result.diagnostics.sortedForDisplay()
        lap("render")

        // Write
        guard options.write, result.succeeded else { return result }
        do {
            options.progress?.begin("write", total: rendered.files.count)
            try writer.write(rendered.files, progress: options.progress)
            result.filesWritten = rendered.files.count
            result.pagesWritten = rendered.files.filter { $0.path.hasSuffix(".html") }.count
            if let index = rendered.files.first(where: { $0.path == SearchIndex.path }), case .bytes(let bytes) = index.contents {
                result.searchIndexBytes = bytes.count
            }
        } catch {
            result.diagnostics.append(.error(error.message, at: SourceLocation(path: options.display(options.output), line: 1, column: 1)))
        }
        lap("write")
        return result
    }
}

/// The process's peak resident set so far, in bytes (getrusage reports kilobytes on Linux, bytes on macOS).
func peakResidentMemory() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if os(macOS)
    return Int(usage.ru_maxrss)
    #else
    return Int(usage.ru_maxrss) * 1024
    #endif
}
