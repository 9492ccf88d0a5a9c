import Foundation
import ReportKit
#if canImport(Glibc)
import Glibc
#endif

/// Waits until something below the watched folders changes, and says which files did. On
/// Linux it asks the kernel (inotify), so an idle `serve` costs nothing and a rebuild need not
/// look at every file; elsewhere it compares modification times every 300 ms.
final class FileWatcher {
    /// What changed: the files (absolute paths, as the roots were given plus the names below
    /// them), or `unknown` when the watcher cannot tell which (a folder appeared, moved or went,
    /// the kernel's queue overflowed, or there is no inotify), so that every file is looked at.
    enum Change: Equatable {
        case files(Set<String>)
        case unknown

        /// The changed files; nil when unknown.
        var paths: Set<String>? {
            if case .files(let paths) = self { return paths }
            return nil
        }

        func merged(with other: Change) -> Change {
            guard case .files(let a) = self, case .files(let b) = other else { return .unknown }
            return .files(a.union(b))
        }
    }

    private let roots: [URL]
    /// Folders that could not be watched, with why (usually the kernel's limit on watches):
    /// changes in them would go unseen, so `serve` says so.
    private(set) var unwatched: [String] = []
    #if canImport(Glibc)
    private let descriptor: Int32
    /// Watch descriptor → the folder it watches, to name the file an event is about.
    private var folders: [Int32: String] = [:]
    #else
    private var lastSnapshot: [String: Date] = [:]
    #endif

    init(watching roots: [URL]) throws {
        self.roots = roots
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw WatchError(message: MessagePart(.serveCannotWatch, String(cString: strerror(errno))))
        }
        addWatches()
        #else
        lastSnapshot = snapshot()
        #endif
    }

    deinit {
        #if canImport(Glibc)
        close(descriptor)
        #endif
    }

    struct WatchError: CataloguedError {
        let message: MessagePart
    }

    /// Blocks until a change is seen and the files have been quiet for `settle` seconds (an
    /// editor's save is often several writes and a rename), or until `timeout` passes with no
    /// change (nil).
    func waitForChange(timeout: Double, settle: Double = 0.03) -> Change? {
        #if canImport(Glibc)
        guard wait(seconds: timeout) else { return nil }
        var change = drain()
        while wait(seconds: settle) { change = change.merged(with: drain()) }
        // Files created in a new folder before it is watched send no event: unknown, so that
        // the build looks at every file, and the new folders are watched from now on.
        if change == .unknown { addWatches() }
        return change
        #else
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.3)
            let now = snapshot()
            if now != lastSnapshot {
                lastSnapshot = now
                return .unknown
            }
        }
        return nil
        #endif
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches every folder below the roots (inotify is not recursive); called again when
    /// folders appear. Watching a folder twice is harmless. Paths are built from the roots as
    /// given, so that the paths of events start with them.
    private func addWatches() {
        unwatched = []
        folders = [:]
        func watch(_ path: String) {
            let number = inotify_add_watch(descriptor, path, Self.mask)
            guard number >= 0 else {
                unwatched.append("\(path): \(String(cString: strerror(errno)))")
                return
            }
            folders[number] = path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                var status = stat()
                let child = "\(path)/\(name)"
                if lstat(child, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { watch(child) }
            }
        }
        for root in roots { watch(root.path) }
    }

    private func wait(seconds: Double) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, Int32(seconds * 1000)) > 0
    }

    /// Reads the pending events: the files they name, or unknown when one is about a folder
    /// (created, moved, removed: what is below it changed too), a watch that ended, or an
    /// overflow of the kernel's queue (events were lost).
    private func drain() -> Change {
        var paths: Set<String>? = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let unknown = UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return paths.map(Change.files) ?? .unknown }
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = bytes[(offset + header)..<min(offset + header + Int(event.len), count)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    if event.mask & unknown == 0, !name.isEmpty, let folder = folders[event.wd] {
                        paths?.insert("\(folder)/\(name)")
                    } else {
                        paths = nil
                    }
                    offset += header + Int(event.len)
                }
            }
        }
    }
    #else
    private func snapshot() -> [String: Date] {
        var dates: [String: Date] = [:]
        for root in roots {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey])
            while let url = walker?.nextObject() as? URL {
                dates[url.path] = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
            }
        }
        return dates
    }
    #endif
}
