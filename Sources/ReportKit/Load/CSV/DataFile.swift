/// A file beside the Markdown that a section reads data from (a table's CSV), as raw bytes:
/// its text encoding is worked out when it is read as CSV.
public struct DataFile: Sendable, Hashable {
    /// Path below the content folder, e.g. `haninge-2022/driftredovisning.csv`.
    public let relativePath: String
    /// Path as shown in diagnostics, e.g. `content/haninge-2022/driftredovisning.csv`.
    public let displayPath: String
    public let bytes: [UInt8]

    public init(relativePath: String, displayPath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bytes = bytes
    }

    /// The kinds of file a section may read; the loader keeps them apart from assets, and a
    /// file of this kind that no section reads is reported.
    public static let extensions: Set<String> = ["csv"]

    static func isDataFile(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }
}
