/// A content file as read from disk: valid UTF-8, byte-order mark removed, line endings LF.
public struct SourceFile: Sendable, Hashable {
    /// Path below the content folder with `/` separators, e.g. `haninge-2022/ekonomi.md`.
    public let relativePath: String
    /// Path as shown in diagnostics, e.g. `content/haninge-2022/ekonomi.md`.
    public let displayPath: String
    public let text: String

    public init(relativePath: String, displayPath: String, text: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.text = text
    }

    /// Where the front matter writes `key:` inside the top-level mapping `parent:` (block
    /// style), for values decoded without positions such as the keys of `differences:`; the
    /// `parent:` line when the mapping is written in flow style, nil when there is none.
    func location(ofKey key: String, under parent: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(parent + ":") }) else { return nil }
        for index in lines.indices.dropFirst(start + 1) {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            if indent == 0, !line.isEmpty { break }
            let trimmed = line.dropFirst(indent)
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") || trimmed.hasPrefix("'\(key)':") {
                return location(line: index + 1, column: indent + 1)
            }
        }
        return location(line: start + 1)
    }

    /// A location in this file.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }
}
