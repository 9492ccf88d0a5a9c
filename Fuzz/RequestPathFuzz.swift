import Foundation

/// libFuzzer over `serve`'s mapping of request paths to files (Sources/SiteServer/RequestPath.swift,
/// compiled into this target on its own). Each input is a request path as FlyingFox hands it
/// over, before and after percent-decoding; the properties below must hold for every one, and a
/// violation stops the run like a crash.
private let files: Set<String> = ["index.html", "404.html", "solna-2023/index.html", "solna-2023/ekonomi/index.html",
                                  "assets/style.css", "data/nyckeltal.csv"]

@_cdecl("LLVMFuzzerTestOneInput")
public func requestPathFuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let raw = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    for path in [raw, "/" + raw, raw.removingPercentEncoding ?? raw, ("/" + raw).removingPercentEncoding ?? raw] {
        check(path)
    }
    return 0
}

private func check(_ path: String) {
    var asked: [String] = []
    let answer = RequestPath.answer(for: path) { file in
        asked.append(file)
        return files.contains(file)
    }
    for file in asked where file.hasPrefix("/") || file.split(separator: "/").contains("..") || file.contains("\\") {
        fatalError("looked up a file outside the site: \(file.debugDescription) for \(path.debugDescription)")
    }
    switch answer {
    case .file(let file):
        guard files.contains(file) else { fatalError("answered a missing file \(file.debugDescription) for \(path.debugDescription)") }
    case .redirect(let location):
        // Same origin: one slash, then a folder of the site; never `//host` or `/\host`.
        let folder = location.dropFirst().dropLast()
        guard location.hasPrefix("/"), location.hasSuffix("/"), !folder.isEmpty,
              !folder.hasPrefix("/"), !folder.hasPrefix("\\"), files.contains(folder + "/index.html") else {
            fatalError("redirect to \(location.debugDescription) for \(path.debugDescription)")
        }
    case .notFound, .badRequest:
        break
    }
}
