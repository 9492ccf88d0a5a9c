import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ContentLoader {
    /// Loads the content again after a change: with the list of files that changed (from the
    /// file watcher of `serve`), only those are looked at and read; files added and removed
    /// are among them. Without the list (nil: the watcher could not tell, or there is no
    /// earlier load) every file is looked at, as `load(reusing:)` does. The result is the same
    /// as a load from scratch.
    /// - Parameters:
    ///   - previous: the result of the last load of the same root.
    ///   - changed: absolute paths, starting with the root's path as this loader was given it;
    ///     paths outside the root are ignored.
    public func load(reusing previous: Result?, changed: Set<String>?) -> Result {
        guard let previous, let changed, !previous.linked, let updated = update(previous, changed: changed) else {
            return load(reusing: previous?.stamps ?? [:])
        }
        return updated
    }

    /// `previous` with the changed files read again, added or removed; nil when a change is
    /// one a list of files cannot describe (a folder or a symbolic link where a file was).
    private func update(_ previous: Result, changed: Set<String>) -> Result? {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let paths = changed.compactMap { path -> String? in
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            // The walk leaves out hidden files and folders (an editor's swap files among them).
            return relative.split(separator: "/").contains { $0.hasPrefix(".") } ? nil : relative
        }
        guard !paths.isEmpty else { return previous }
        var result = previous
        let started = Int64(time(nil))
        for path in Set(paths).sorted() {
            forget(path, in: &result)
            let filePath = prefix + path
            var status = stat()
            guard lstat(filePath, &status) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { continue }  // removed
                return nil
            }
            let type = status.st_mode & S_IFMT
            if type == S_IFDIR || type == S_IFLNK { return nil }
            var one = Result()
            add(file: filePath, at: path, status: status, previous: [:], into: &one)
            merge(one, into: &result)
        }
        // As in a full load: a file changed within the last tick is read again by the next one.
        result.stamps = result.stamps.filter { $0.value.0.modified < started - 1 }
        return result
    }

    /// Removes everything an earlier load took from the file at `path`.
    private func forget(_ path: String, in result: inout Result) {
        result.files.removeAll { $0.relativePath == path }
        result.assets.removeAll { $0 == path }
        result.unreadable.removeAll { $0 == path }
        result.dataFiles[path] = nil
        result.stamps[path] = nil
        let shown = display(path)
        result.diagnostics.removeAll { $0.location.path == shown }
    }

    /// Adds one file's load to `result`, in the order a full walk would have put it.
    private func merge(_ one: Result, into result: inout Result) {
        for file in one.files {
            result.files.insert(file, at: Self.position(of: file.relativePath, in: result.files.map(\.relativePath)))
        }
        for asset in one.assets { result.assets.insert(asset, at: Self.position(of: asset, in: result.assets)) }
        result.unreadable += one.unreadable
        result.dataFiles.merge(one.dataFiles) { _, new in new }
        result.stamps.merge(one.stamps) { _, new in new }
        result.diagnostics += one.diagnostics
    }

    /// Where `path` goes among `paths`, which are in walk order.
    static func position(of path: String, in paths: [String]) -> Int {
        var low = 0, high = paths.count
        while low < high {
            let middle = (low + high) / 2
            if walkOrder(paths[middle], path) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The order of the walk: folder by folder, each folder's names in byte order, so
    /// `a/b.md` comes before `a.md` (the folder `a` sorts before the name `a.md`).
    static func walkOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.split(separator: UInt8(ascii: "/")).lexicographicallyPrecedes(b.utf8.split(separator: UInt8(ascii: "/"))) {
            $0.lexicographicallyPrecedes($1)
        }
    }
}
