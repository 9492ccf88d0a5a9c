import CFileSwap
import Foundation
import Synchronization

/// Writes a built site so that the output folder always holds one whole build.
///
/// Everything is written into a fresh folder beside the output (`beginStaging()`: a build puts
/// each page there as soon as it is rendered), which is then exchanged with the old output in
/// one atomic `renameat2(RENAME_EXCHANGE)` (`finish()`); a build that fails (`discard()`) or
/// is killed at any point leaves the previous site exactly as it was.
public struct SiteWriter: Sendable {
    /// The file that marks a folder as this tool's output, and so safe to replace.
    public static let markerName = ".arsrapport-build"
    static let markerText = "This folder is written by `arsrapport build` and is replaced on every build.\n"

    public enum WriteError: CataloguedError {
        case refused(MessagePart)
        case failed(MessagePart)

        /// What went wrong, for the communicator who ran the build (in their language).
        public var message: MessagePart {
            switch self {
            case .refused(let message), .failed(let message): return message
            }
        }
    }

    let output: URL
    /// Source folders (content/, templates/): the output may be neither inside nor around them.
    let sources: [URL]
    /// Folders the output may lie inside but never be or contain: the working directory.
    let workspaces: [URL]

    public init(output: URL, sources: [URL], workspaces: [URL]) {
        self.output = output.standardizedFileURL
        self.sources = sources.map(\.standardizedFileURL)
        self.workspaces = workspaces.map(\.standardizedFileURL)
    }

    /// Refuses output folders whose replacement would destroy something that is not a build.
    public func checkOutput() throws(WriteError) {
        let path = output.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().path
        if path == "/" || path == home {
            throw .refused(MessagePart(path == "/" ? .refuseRoot : .refuseHome, output.path))
        }
        for folder in sources {
            let other = folder.resolvingSymlinksInPath().path
            if path == other || other.hasPrefix(path + "/") || path.hasPrefix(other + "/") {
                throw .refused(MessagePart(.refuseSources, output.path, folder.path))
            }
        }
        for folder in workspaces {
            let other = folder.resolvingSymlinksInPath().path
            if path == other || other.hasPrefix(path + "/") {
                throw .refused(MessagePart(.refuseWorkspace, output.path, folder.path))
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw .refused(MessagePart(.refuseFile, output.path))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty, !entries.contains(Self.markerName) {
            throw .refused(MessagePart(.refuseForeign, output.path, Self.markerName))
        }
    }

    /// Writes `files` as one whole build: `beginStaging()`, every file on every core, `finish()`.
    public func write(_ files: [OutputFile], progress: BuildProgress? = nil) throws(WriteError) {
        let staging = try beginStaging()
        _ = Parallel.map(files) { file in
            staging.put(file)
            progress?.advance()
        }
        try staging.finish()
    }

    /// Locks the output, removes what killed builds left, and makes the staging folder that
    /// a build's files are put into as they are made; `finish()` swaps it in, `discard()`
    /// removes it. Until one of them is called the output is locked against other builds.
    public func beginStaging() throws(WriteError) -> Staging {
        // An output that is a symbolic link (`public -> /srv/site`) is written where it leads:
        // the target is exchanged atomically and the link keeps pointing at it.
        let output = URL(fileURLWithPath: self.output.path).resolvingSymlinksInPath()
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try OutputLock(beside: output)
        do {
            try checkOutput()
        } catch {
            lock.release()
            throw error
        }
        removeLeftovers(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            try? FileManager.default.removeItem(at: staging)
            lock.release()
            throw .failed(MessagePart(.writeFailed, error.localizedDescription))
        }
        return Staging(writer: self, folder: staging, output: output, lock: lock)
    }

    /// A build's staging folder beside the output, which files are written into as they are
    /// put, from any thread. The first failure is kept and reported by `finish()`.
    public final class Staging: SiteOutput {
        private let writer: SiteWriter
        let folder: URL
        private let output: URL
        private let lock: OutputLock
        private struct State {
            var folders: Set<String> = []
            var failure: String?
            var files = 0
            var pages = 0
            var done = false
            var released = false
        }
        private let state = Mutex(State())

        fileprivate init(writer: SiteWriter, folder: URL, output: URL, lock: OutputLock) {
            self.writer = writer
            self.folder = folder
            self.output = output
            self.lock = lock
        }

        /// A staging folder given up without `finish()` or `discard()` is discarded.
        deinit {
            if !state.withLock({ $0.done }) { try? FileManager.default.removeItem(at: folder) }
            close()
        }

        public var keepsFiles: Bool { false }

        /// Files and pages (`.html`) put so far.
        public var counts: (files: Int, pages: Int) { state.withLock { ($0.files, $0.pages) } }

        public func put(_ file: OutputFile) {
            let root = folder.path
            let target = root + "/" + file.path
            // Folders are made under the lock, once each: two threads making one folder would
            // otherwise race. Files are written outside it, on every core.
            let folderProblem: String? = state.withLock { state in
                guard state.failure == nil, !state.done else { return "" }
                guard let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
                let folder = root + "/" + file.path[..<slash]
                guard state.folders.insert(folder).inserted else { return nil }
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    return nil
                } catch {
                    state.failure = "\(file.path): \(error.localizedDescription)"
                    return ""
                }
            }
            guard folderProblem == nil else { return }
            let failure: String?
            switch file.contents {
            case .text(var text):
                failure = text.withUTF8 { SiteWriter.writeFile(UnsafeRawBufferPointer($0), to: target) }
            case .bytes(let bytes):
                failure = bytes.withUnsafeBytes { SiteWriter.writeFile($0, to: target) }
            case .copy(let source):
                do {
                    try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: target))
                    failure = nil
                } catch {
                    failure = error.localizedDescription
                }
            }
            state.withLock { state in
                if let failure {
                    if state.failure == nil { state.failure = "\(file.path): \(failure)" }
                } else {
                    state.files += 1
                    if file.path.hasSuffix(".html") { state.pages += 1 }
                }
            }
        }

        /// Puts the staging folder in the output's place atomically, unless a file could not be
        /// written: then it is removed and the output is as it was.
        public func finish() throws(WriteError) {
            defer { close() }
            if let failure = state.withLock({ state -> String? in state.done = true; return state.failure }) {
                try? FileManager.default.removeItem(at: folder)
                throw .failed(MessagePart(.writeFailed, failure))
            }
            try writer.swap(folder, into: output)
        }

        /// Removes the staging folder and leaves the output as it was: the build had errors.
        public func discard() {
            state.withLock { $0.done = true }
            try? FileManager.default.removeItem(at: folder)
            close()
        }

        /// Releases the output's lock, once.
        private func close() {
            let open = state.withLock { state in
                defer { state.released = true }
                return !state.released
            }
            if open { lock.release() }
        }
    }

    /// Writes `bytes` to a new file at `path` straight from memory (`Data` would copy every
    /// page once more); nil on success, else why not.
    static func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    /// Puts `staging` in the output's place atomically; the old build is removed afterwards.
    fileprivate func swap(_ staging: URL, into output: URL) throws(WriteError) {
        guard FileManager.default.fileExists(atPath: output.path) else {
            if rename(staging.path, output.path) != 0 {
                throw .failed(MessagePart(.moveFailed, output.path, String(cString: strerror(errno))))
            }
            return
        }
        if arsrapport_exchange_paths(staging.path, output.path) == 0 {
            try? FileManager.default.removeItem(at: staging)  // now holds the old build
            return
        }
        // No atomic exchange here (not Linux, or the file system lacks it): two renames, with
        // the old build kept until the new one is in place.
        let old = staging.appendingPathExtension("old")
        guard rename(output.path, old.path) == 0 else {
            throw .failed(MessagePart(.replaceFailed, output.path, String(cString: strerror(errno))))
        }
        guard rename(staging.path, output.path) == 0 else {
            _ = rename(old.path, output.path)
            throw .failed(MessagePart(.replaceFailed, output.path, String(cString: strerror(errno))))
        }
        try? FileManager.default.removeItem(at: old)
    }

    /// Staging folders of killed builds: `.public.tmp-PID` and `.public.tmp-PID.old`, with or
    /// without their marker (a build killed while creating or removing one leaves either).
    /// Called with the output's lock held, so no live build owns any of them; names of any
    /// other shape, or of another output, are never touched.
    private func removeLeftovers(in parent: URL, name: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where Self.isStagingName(entry, of: name) {
            let folder = parent.appendingPathComponent(entry)
            var status = stat()
            guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// True for `.NAME.tmp-DIGITS` and `.NAME.tmp-DIGITS.old`, the names `write` gives its folders.
    static func isStagingName(_ entry: String, of name: String) -> Bool {
        let prefix = ".\(name).tmp-"
        guard entry.hasPrefix(prefix) else { return false }
        var rest = entry.dropFirst(prefix.count)
        if rest.hasSuffix(".old") { rest = rest.dropLast(4) }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// An advisory lock (`flock`) on `.NAME.lock` beside the output, held from before the old
/// build's leftovers are cleaned until the new one is in place: two builds into one output
/// would otherwise delete each other's staging folder or swap half a site in.
struct OutputLock {
    private let descriptor: Int32

    init(beside output: URL) throws(SiteWriter.WriteError) {
        let path = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .failed(MessagePart(.lockFileFailed, path, String(cString: strerror(errno))))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw busy
                ? .refused(MessagePart(.buildBusy, output.path, path))
                : .failed(MessagePart(.lockFailed, path, reason))
        }
    }

    /// Unlocks (closing the file releases the flock). The file itself stays: removing it
    /// would let a third build lock a new file while the second still holds the old one.
    func release() {
        close(descriptor)
    }
}
