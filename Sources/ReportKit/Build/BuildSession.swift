import Foundation

/// What to build, and where from.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// Absolute URL the site is published at; nil for a site that works from disk.
    public var baseURL: String?
    /// False runs every stage but writing (`arsrapport check`, `serve`).
    public var write: Bool
    /// When nothing is written: hold every file in memory and return them in
    /// `BuildResult.files` (`serve`); false keeps none of them, only what the link check
    /// needs (`check`, which wants the diagnostics alone).
    public var keepFiles = true
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
    /// Every file of the site when nothing is written (`check`; `serve` serves them from
    /// memory). Empty when the build writes: each file went to disk as it was made.
    public var files: [OutputFile] = []
    /// In a rebuild, the paths of `files` this build put again; every other file is the last
    /// build's, unchanged. Nil when every file may have changed.
    public var put: Set<String>?
    /// Pages whose templates ran: all of them, except in a rebuild of a `BuildSession`.
    public var pagesRendered = 0
    /// In a rebuild, the output paths of the pages rendered again (`huddinge-2020/index.html`);
    /// nil when every page was.
    public var rerendered: Set<String>?
    /// Stage name, seconds, and the process's peak resident memory (bytes) when it ended, in pipeline order.
    public var timings: [(stage: String, seconds: Double, peakMemory: Int)] = []
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline (`Pipeline`): Load → Validate → Assemble → Render → Write. Each stage reports
/// all the problems it finds; a build with an error leaves the published site untouched.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        BuildSession(options: options).build()
    }

    /// `arsrapport check`: every stage of a build, with the diagnostics a build of `options`
    /// reports, writing nothing and keeping no file (`BuildResult.files` is empty).
    public static func check(_ options: BuildOptions) -> BuildResult {
        var options = options
        options.write = false
        options.keepFiles = false
        return build(options)
    }
}

/// Builds that remember what they read, decoded and rendered, so that the next build of the
/// same session (in `serve`) repeats only the work a change calls for: unchanged files are
/// not read or decoded again, and only the pages a change reaches are rendered. The result
/// is the same as a build from scratch. What is remembered is the pipeline's memo, the set
/// of its stages' memos. One build at a time.
public final class BuildSession {
    public let options: BuildOptions
    private var memo: Pipeline.Memo?

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
        let (result, memo) = Pipeline(options: options).run(.init(changed: changed, preview: preview), reusing: memo)
        self.memo = memo
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
