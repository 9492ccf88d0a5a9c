import CFileSwap
import Foundation

/// Writes a built site so that the output folder always holds one whole build.
///
/// Everything is written into a fresh folder beside the output, which is then exchanged with
/// the old output in one atomic `renameat2(RENAME_EXCHANGE)`; a build that fails or is killed
/// at any point leaves the previous site exactly as it was.
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

    public func write(_ files: [OutputFile], progress: BuildProgress? = nil) throws(WriteError) {
        // An output that is a symbolic link (`public -> /srv/site`) is written where it leads:
        // the target is exchanged atomically and the link keeps pointing at it.
        let output = URL(fileURLWithPath: self.output.path).resolvingSymlinksInPath()
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try OutputLock(beside: output)
        defer { lock.release() }
        try checkOutput()
        removeLeftovers(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            // Folders first, in order; then the files, on every core (they are independent).
            let root = staging.path
            var made: Set<String> = []
            let sorted = files.sorted(by: { $0.path < $1.path })
            for file in sorted {
                guard let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
                let folder = root + "/" + file.path[..<slash]
                if made.insert(folder).inserted {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
            }
            let failures = Parallel.map(sorted) { file -> String? in
                defer { progress?.advance() }
                let target = root + "/" + file.path
                switch file.contents {
                case .text(var text):
                    return text.withUTF8 { Self.writeFile(UnsafeRawBufferPointer($0), to: target) }
                        .map { "\(file.path): \($0)" }
                case .bytes(let bytes):
                    return bytes.withUnsafeBytes { Self.writeFile($0, to: target) }.map { "\(file.path): \($0)" }
                case .copy(let source):
                    do {
                        try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: target))
                        return nil
                    } catch {
                        return "\(file.path): \(error.localizedDescription)"
                    }
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first {
                try? FileManager.default.removeItem(at: staging)
                throw WriteError.failed(MessagePart(.writeFailed, failure))
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw .failed(MessagePart(.writeFailed, error.localizedDescription))
        }
        try swap(staging, into: output)
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
    private func swap(_ staging: URL, into output: URL) throws(WriteError) {
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
