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

    /// A location in this file.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }
}
