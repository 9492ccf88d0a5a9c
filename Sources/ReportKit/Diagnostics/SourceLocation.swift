/// A position in a file the build read, as a person would look it up in an editor.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The path as given to the user, e.g. `content/haninge-2022/ekonomi.md`.
    public let path: String
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in Unicode scalars as YAML and editors do.
    public let column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
