import Foundation
import ReportKit
#if canImport(Glibc)
import Glibc
#endif

/// Waits until something below the watched folders changes. On Linux it asks the kernel
/// (inotify), so an idle `serve` costs nothing; elsewhere it compares modification times
/// every 300 ms.
final class FileWatcher {
    private let roots: [URL]
    /// Folders that could not be watched, with why (usually the kernel's limit on watches):
    /// changes in them would go unseen, so `serve` says so.
    private(set) var unwatched: [String] = []
    #if canImport(Glibc)
    private let descriptor: Int32
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
    /// change. True when something changed.
    func waitForChange(timeout: Double, settle: Double = 0.03) -> Bool {
        #if canImport(Glibc)
        guard wait(seconds: timeout) else { return false }
        var foldersChanged = drain()
        while wait(seconds: settle) { foldersChanged = drain() || foldersChanged }
        if foldersChanged { addWatches() }
        return true
        #else
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.3)
            let now = snapshot()
            if now != lastSnapshot {
                lastSnapshot = now
                return true
            }
        }
        return false
        #endif
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches every folder below the roots (inotify is not recursive); called again when
    /// folders appear. Watching a folder twice is harmless.
    private func addWatches() {
        unwatched = []
        func watch(_ path: String) {
            if inotify_add_watch(descriptor, path, Self.mask) < 0 {
                unwatched.append("\(path): \(String(cString: strerror(errno)))")
            }
        }
        for root in roots {
            watch(root.path)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
            while let url = walker?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { watch(url.path) }
            }
        }
    }

    private func wait(seconds: Double) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, Int32(seconds * 1000)) > 0
    }

    /// Reads the pending events; true when a folder was created or moved in.
    private func drain() -> Bool {
        var foldersChanged = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return foldersChanged }
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    if event.mask & UInt32(IN_ISDIR) != 0 { foldersChanged = true }
                    offset += MemoryLayout<inotify_event>.size + Int(event.len)
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
