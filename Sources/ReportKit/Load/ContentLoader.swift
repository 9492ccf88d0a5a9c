import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads every file below a folder in a stable order: Markdown files as `SourceFile`s, other
/// files (images, PDFs) as assets to copy. Every unreadable or suspicious file is a diagnostic.
public struct ContentLoader: Sendable {
    /// Files larger than this are refused before they are read: no report section is this long,
    /// and a runaway file must not exhaust memory.
    public static let maximumFileSize = 5 * 1024 * 1024

    public struct Result: Sendable {
        public var files: [SourceFile] = []
        /// Non-Markdown files, as paths relative to the root.
        public var assets: [String] = []
        /// CSV files, which tables read (`file:`), by path relative to the root; not assets.
        public var dataFiles: [String: DataFile] = [:]
        public var diagnostics: [Diagnostic] = []
        /// Markdown files that exist but could not be read as text (already reported).
        public var unreadable: [String] = []
        /// What each Markdown file looked like on disk when it was read, for the next load.
        public var stamps: [String: (FileStamp, SourceFile)] = [:]
        /// The folder as diagnostics name it (`content`).
        var displayRoot = ""
        /// A symbolic link was followed: a change to its target changes a file of another
        /// name, so a list of changed files cannot say what to read again.
        var linked = false

        /// `content/bild.png` for `bild.png`.
        func displayPath(_ relative: String) -> String {
            displayRoot.isEmpty ? relative : "\(displayRoot)/\(relative)"
        }
    }

    /// A file's identity and last change as `stat` reports them: when they are unchanged the
    /// file need not be read again.
    public struct FileStamp: Sendable, Equatable {
        let device: UInt64, inode: UInt64, size: Int64
        let modified: Int64, modifiedNanoseconds: Int, changed: Int64, changedNanoseconds: Int

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            #if os(Linux)
            modified = Int64(status.st_mtim.tv_sec)
            modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
            changed = Int64(status.st_ctim.tv_sec)
            changedNanoseconds = Int(status.st_ctim.tv_nsec)
            #else
            modified = Int64(status.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int(status.st_mtimespec.tv_nsec)
            changed = Int64(status.st_ctimespec.tv_sec)
            changedNanoseconds = Int(status.st_ctimespec.tv_nsec)
            #endif
        }
    }

    let root: URL
    /// The root as the user wrote it, for diagnostics: `content`.
    let displayRoot: String

    public init(root: URL, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
    }

    /// - Parameter previous: the stamps of an earlier load; files whose stamp is unchanged are
    ///   taken from it instead of being read again (`serve` rebuilds).
    public func load(reusing previous: [String: (FileStamp, SourceFile)] = [:]) -> Result {
        var result = Result()
        result.displayRoot = displayRoot
        let started = Int64(time(nil))
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        var visited: Set<String> = [realRoot]
        walk(directory: root.path, real: realRoot, relative: "", realRoot: realRoot, visited: &visited, previous: previous, into: &result)
        // A file changed less than two seconds before this load could change again within the
        // same timestamp tick without its stamp changing (the "racy git" problem): read it
        // again next time rather than trust its stamp.
        result.stamps = result.stamps.filter { $0.value.0.modified < started - 1 }
        return result
    }

    func display(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : "\(displayRoot)/\(relative)"
    }

    /// Paths are plain strings and a folder's real path is carried down rather than asked of
    /// the file system: `serve` walks every folder on each rebuild.
    /// - Parameters:
    ///   - directory: the folder as reached from the root; `real`: the same with links resolved.
    private func walk(directory: String, real: String, relative: String, realRoot: String,
                      visited: inout Set<String>, previous: [String: (FileStamp, SourceFile)], into result: inout Result) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let path = relative.isEmpty ? displayRoot : display(relative)
            result.diagnostics.append(.error(.cannotReadFolder, Self.reason(error),
                                             at: SourceLocation(path: path, line: 1, column: 1)))
            return
        }
        // Byte order, not locale order: the same on every machine.
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            let filePath = "\(directory)/\(name)"
            var realPath = "\(real)/\(name)"
            let location = SourceLocation(path: display(path), line: 1, column: 1)

            var isDirectory: ObjCBool = false
            var status = stat()
            guard lstat(filePath, &status) == 0 else {
                result.diagnostics.append(.error(.cannotReadFile, String(cString: strerror(errno)).lowercased(), at: location))
                continue
            }
            if status.st_mode & S_IFMT == S_IFLNK {
                result.linked = true
                let target = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().standardizedFileURL.path
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                    result.diagnostics.append(.error(.linkToNothing, at: location))
                    continue
                }
                guard target.hasPrefix(realRoot + "/") else {
                    result.diagnostics.append(.error(.linkOutside, target, at: location))
                    continue
                }
                if isDirectory.boolValue, visited.contains(target) {
                    result.diagnostics.append(.error(.linkLoop, at: location))
                    continue
                }
                _ = stat(filePath, &status)
                realPath = target
            } else {
                isDirectory = ObjCBool(status.st_mode & S_IFMT == S_IFDIR)
            }

            if isDirectory.boolValue {
                visited.insert(realPath)
                walk(directory: filePath, real: realPath, relative: path, realRoot: realRoot, visited: &visited,
                     previous: previous, into: &result)
            } else {
                add(file: filePath, at: path, status: status, previous: previous, into: &result)
            }
        }
    }

    /// Reads one file that is not a folder, as `path` relative to the root, into `result`:
    /// Markdown as a source file (taken from `previous` when its stamp is unchanged), CSV as
    /// a data file, anything else as an asset, and a special file as an error.
    func add(file filePath: String, at path: String, status: stat, previous: [String: (FileStamp, SourceFile)],
             into result: inout Result) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let location = SourceLocation(path: display(path), line: 1, column: 1)
        // A FIFO blocks `open` until a writer appears (for ever, in a build), and a device
        // or socket is no page: only regular files are read, and what a file is comes from
        // lstat/stat, never from opening it.
        if let kind = Self.irregularKind(status.st_mode) {
            result.diagnostics.append(.error(MessagePart(.notRegularFile, arguments: [.part(kind)]), at: location))
            if name.hasSuffix(".md") { result.unreadable.append(path) }
            return
        }
        if name.hasSuffix(".md") {
            let stamp = FileStamp(status)
            if let (before, file) = previous[path], before == stamp {
                result.files.append(file)
                result.stamps[path] = (stamp, file)
                return
            }
            switch read(filePath, size: Int(status.st_size)) {
            case .success(let bytes):
                switch TextDecoding.decode(bytes) {
                case .success(let text):
                    let file = SourceFile(relativePath: path, displayPath: display(path), text: text)
                    result.files.append(file)
                    result.stamps[path] = (stamp, file)
                case .failure(let failure):
                    result.unreadable.append(path)
                    result.diagnostics.append(.error(failure.message, at: SourceLocation(
                        path: display(path), line: failure.line, column: failure.column)))
                }
            case .failure(let message):
                result.unreadable.append(path)
                result.diagnostics.append(.error(message, at: location))
            }
        } else if DataFile.isDataFile(name) {
            // Allowed beside the Markdown: a table reads it (`file:`); the decoder reports
            // one that no table reads.
            switch read(filePath, size: Int(status.st_size)) {
            case .success(let bytes):
                result.dataFiles[path] = DataFile(relativePath: path, displayPath: display(path), bytes: bytes)
            case .failure(let message):
                result.diagnostics.append(.error(message, at: location))
            }
        } else {
            result.assets.append(path)
        }
    }

    /// What a file that is neither a regular file nor a folder is, for the message; nil for those two.
    static func irregularKind(_ mode: mode_t) -> MessagePart? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return MessagePart(.kindFIFO)
        case S_IFSOCK: return MessagePart(.kindSocket)
        case S_IFCHR, S_IFBLK: return MessagePart(.kindDevice)
        default: return MessagePart(.kindSpecial)
        }
    }

    private enum ReadResult { case success([UInt8]), failure(MessagePart) }

    private func read(_ path: String, size: Int?) -> ReadResult {
        if let size, size > Self.maximumFileSize {
            return .failure(MessagePart(.fileTooLarge, Self.megabytes(size), Self.megabytes(Self.maximumFileSize)))
        }
        // POSIX reads: bounded by the limit whatever the file claims to be, and free of
        // Foundation's leak on empty files (found by LeakSanitizer).
        // O_NONBLOCK: a file swapped for a FIFO after the stat must not block the open either.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(MessagePart(.cannotReadFile, String(cString: strerror(errno)).lowercased())) }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            return .failure(MessagePart(.fileChanged))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(MessagePart(.cannotReadFile, String(cString: strerror(errno)).lowercased()))
            }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > Self.maximumFileSize {
                return .failure(MessagePart(.fileGrewTooLarge, Self.megabytes(Self.maximumFileSize)))
            }
        }
        return .success(bytes)
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(code)) {
            return String(cString: message).lowercased()
        }
        return (error as NSError).localizedDescription
    }
}
