import Synchronization

/// Where a render puts each file of the site as soon as it is made, so that a page need not
/// be held until every page is rendered: the staging folder of a build (`SiteWriter.Staging`),
/// the site in memory of `serve` (`MemoryOutput`), or nowhere (`DiscardedOutput`, for `check`
/// and for a build that already has errors and will write nothing). Called from every core.
public protocol SiteOutput: Sendable {
    func put(_ file: OutputFile)
    /// True when the files are held as they are put: a page's text is then worth storing in
    /// exactly its size; and the output still holds the last build's files, so a rebuild may
    /// put only the files that changed.
    var keepsFiles: Bool { get }
}

/// The files of a build in memory, on top of the last good build's: a rebuild puts only the
/// files that changed and the rest are the last build's. `files(_:)` is the whole site.
public final class MemoryOutput: SiteOutput {
    private let kept: [String: OutputFile]
    private let added = Mutex<[String: OutputFile]>([:])

    /// - Parameter kept: the last good build's files by path (empty for a first build).
    init(keeping kept: [String: OutputFile] = [:]) {
        self.kept = kept
    }

    public var keepsFiles: Bool { true }

    public func put(_ file: OutputFile) {
        added.withLock { $0[file.path] = file }
    }

    /// The paths of the files this build put (the others are the last build's).
    var putPaths: Set<String> {
        added.withLock { Set($0.keys) }
    }

    /// The last build's files by path with this build's put over them, leaving out the paths
    /// not in `paths`: the files of this build, for the next one to keep.
    func merged(keeping paths: [String]) -> [String: OutputFile] {
        var files = kept
        added.withLock { added in files.merge(added) { _, new in new } }
        // Usually every path is there and nothing else: then there is nothing to leave out.
        if files.count != paths.count || paths.contains(where: { files[$0] == nil }) {
            let present = Set(paths)
            files = files.filter { present.contains($0.key) }
        }
        return files
    }

    /// The file at each of `paths`, as this build put it or else as the last build left it;
    /// paths neither has are left out.
    func files(_ paths: [String]) -> [OutputFile] {
        added.withLock { added in paths.compactMap { added[$0] ?? kept[$0] } }
    }
}

/// Takes every file and keeps none: `check`, and a build that found errors before rendering,
/// render for their diagnostics only.
struct DiscardedOutput: SiteOutput {
    var keepsFiles: Bool { false }
    func put(_ file: OutputFile) {}
}
