/// How `serve` maps a request's path to a file of the site in memory. Foundation-free and
/// pure, so that the libFuzzer target (Fuzz/RequestPathFuzz.swift) compiles this file alone.
enum RequestPath {
    enum Answer: Equatable {
        /// The file to send: `index.html`, `a/index.html`, `assets/style.css`.
        case file(String)
        /// A folder's page asked for without its slash: a redirect to this path on the same
        /// origin, which always starts with exactly one `/` followed by a site path.
        case redirect(String)
        case notFound
        /// Not a path a browser sends for this site (`..`, a backslash, a control character).
        case badRequest
    }

    /// - Parameters:
    ///   - path: the request's path, percent-decoded (`//a`, `/%2Fa` and `/a` all reach here).
    ///   - exists: whether the site has a file at a relative path.
    static func answer(for path: String, exists: (String) -> Bool) -> Answer {
        guard path.hasPrefix("/") else { return .badRequest }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." || segment == ".." { return .badRequest }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) { return .badRequest }
            segments.append(segment)
        }
        let relative = segments.joined(separator: "/")
        let isFolder = path.hasSuffix("/") || relative.isEmpty
        let file = relative.isEmpty ? "index.html" : isFolder ? relative + "/index.html" : relative
        if exists(file) { return .file(file) }
        // Built from the segments, never from the path as sent: `//host` would be read by a
        // browser as another origin.
        if !isFolder, exists(relative + "/index.html") { return .redirect("/" + relative + "/") }
        return .notFound
    }
}
