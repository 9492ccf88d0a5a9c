/// Each table of the site as its own CSV file, written beside the page that shows it
/// (`haninge-2022/ekonomi/tabell-driftredovisning.csv`), so that a reader can download exactly
/// the table they are looking at.
///
/// A table's page and its file are made from the same `Grid`: the cells the page shows, as the
/// page shows them. The file differs only in what a spreadsheet needs: a plain `-` for the
/// minus, no space inside a number, ordinary spaces, `;` between fields (Swedish spreadsheets
/// read `,` as the decimal mark), and an empty field where the page says "uppgift saknas".
struct TableExport {
    /// A table's header and rows as text, the row label first.
    struct Grid {
        var header: [String]
        var rows: [[Cell]]
    }

    struct Cell {
        var text: String
        /// False where the report states no value.
        var stated = true
        /// The report's footnote mark on the value, e.g. "*".
        var note: String?
        var numeric = false
    }

    /// A table to write: its file below the site root, and its cells.
    struct File {
        let path: String
        let grid: Grid
        var csv: [UInt8] { TableExport.csv(grid) }
    }

    // MARK: - The grids

    /// The column and row labels with a unit the table does not share, as the page prints them.
    static func grid(of table: Table) -> Grid {
        let tableUnit = table.unit?.value
        let header = table.columns.map { column -> String in
            guard let unit = column.unit?.value, unit != tableUnit else { return column.label }
            return "\(column.label) (\(unit.rawValue))"
        }
        let rows = table.rows.map { row -> [Cell] in
            var label = row.label
            if let unit = row.unit?.value, unit != tableUnit { label += " (\(unit.rawValue))" }
            return [Cell(text: label)] + row.cells.dropFirst().map { cell -> Cell in
                switch cell.content {
                case .number(let number): return Cell(text: NumberFormat.format(number), note: cell.note, numeric: true)
                case .text(let value): return Cell(text: value, note: cell.note)
                case .missing: return Cell(text: "–", stated: false)
                }
            }
        }
        return Grid(header: header, rows: rows)
    }

    /// File name of a table of the report, beside its page.
    static func fileName(of table: Table) -> String { "tabell-\(table.id.value).csv" }

    // MARK: - CSV

    /// UTF-8 with a byte-order mark (so that Excel reads å, ä and ö), `;` between fields, CRLF.
    static func csv(_ grid: Grid) -> [UInt8] {
        var text = "\u{FEFF}" + grid.header.map { field(spreadsheetText($0)) }.joined(separator: ";") + "\r\n"
        for row in grid.rows {
            text += row.map { cell in
                guard cell.stated else { return "" }
                return field(spreadsheetText(cell.note.map { "\(cell.text) \($0)" } ?? cell.text))
            }.joined(separator: ";") + "\r\n"
        }
        return Array(text.utf8)
    }

    /// `−1 054,4` → `-1054,4`; other no-break spaces become spaces.
    static func spreadsheetText(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\u{2212}": out.append("-")
            case "\u{00A0}":
                let between = index > 0 && index + 1 < characters.count
                    && characters[index - 1].isNumber && characters[index + 1].isNumber
                if !between { out.append(" ") }
            default: out.append(character)
            }
        }
        return out
    }

    /// Quoted when it holds `;`, a quote or a line break; text a spreadsheet would run as a
    /// formula (`=`, `+`, `@`, or `-` not starting a number) gets a leading apostrophe.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+@".contains(first) || (first == "-" && !isNumber(value)) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `-1054,4`, `-3`, `-7,6 %`: a minus sign followed by a number (and maybe its unit).
    private static func isNumber(_ text: String) -> Bool {
        let rest = text.dropFirst()
        guard let first = rest.first, first.isASCII, first.isNumber else { return false }
        return true
    }

    /// "Ladda ner tabellen (CSV, 2 kB)": the size as the link text says it.
    static func sizeLabel(bytes: Int) -> String {
        let kilobytes = Double(bytes) / 1000
        if kilobytes < 10 {
            return NumberFormat.format(max(kilobytes, 0.1), decimals: 1) + "\u{00A0}kB"
        }
        return NumberFormat.format(kilobytes, decimals: 0) + "\u{00A0}kB"
    }
}
