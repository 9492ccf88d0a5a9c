/// The tables' CSV files, each kept with the grid it was written from: a rebuild of `serve`
/// writes again only the files whose grid changed. Writing a file (spreadsheet text for every
/// cell) was 13 % of a one-figure rebuild's CPU at 10,000 pages in the profile; comparing a
/// grid with the last one costs a fraction of that.
extension TableExport {
    struct Memo: Sendable {
        /// By file path: the grid and the bytes written from it.
        let files: [String: (grid: Grid, csv: [UInt8])]
        /// How many files the export that made this memo wrote (the others it reused).
        let recomputed: Int
    }

    /// The CSV files of `tables`, reusing `memo`'s bytes for every grid that is unchanged.
    static func files(_ tables: [File], reusing memo: Memo?) -> ([OutputFile], Memo) {
        var kept: [String: (grid: Grid, csv: [UInt8])] = [:]
        var recomputed = 0
        let files = tables.map { table -> OutputFile in
            let csv: [UInt8]
            if let old = memo?.files[table.path], old.grid == table.grid {
                csv = old.csv
            } else {
                csv = table.csv
                recomputed += 1
            }
            kept[table.path] = (table.grid, csv)
            return OutputFile(path: table.path, contents: .bytes(csv))
        }
        return (files, Memo(files: kept, recomputed: recomputed))
    }
}
