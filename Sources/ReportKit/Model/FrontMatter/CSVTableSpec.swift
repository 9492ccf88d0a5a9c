/// A table whose rows are in a CSV file beside the page, as Swedish Excel or LibreOffice
/// saves it: `{id: driftredovisning, caption: …, file: driftredovisning.csv, source: …}`.
/// The file's first line holds the column headings; `columns:` may give the columns ids, labels
/// and units of their own (one per column of the file). Decoded into a `Table` by `CSVTable`.
public struct CSVTableSpec: Decodable, Sendable, Hashable {
    public let id: Located<String>
    public let caption: String
    public let file: Located<String>
    public let unit: Located<MeasureUnit>?
    public let period: Located<FigurePeriod>?
    public let source: SourceReference
    public let columns: [Table.Column]?
    public let checks: [Table.Check]?
    public let contradictions: [Table.Contradiction]?
    public let missing: String?
    public let note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, caption, file, unit, period, source, columns, checks, contradictions, missing, note
    }
}

/// `value: {table: driftredovisning, row: Totalt, column: utfall}`: a figure's value taken from
/// a cell of a table of the same page, so the number is typed (and checked) once.
public struct TableCellReference: Decodable, Sendable, Hashable {
    public let table: Located<String>
    /// The row's label, its first cell.
    public let row: Located<String>
    /// The column's id or its label.
    public let column: Located<String>

    enum CodingKeys: String, CodingKey, CaseIterable { case table, row, column }
}
