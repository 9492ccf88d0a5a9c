import CommonMark

/// `arsrapport import-table`: a CSV file as the YAML of an inline table, for those who keep
/// tables in the front matter, or a summary of what the file holds.
public enum TableImport {
    /// The `tables:` entry for the file, with placeholders for what a CSV file cannot say
    /// (caption, unit, source); nil with diagnostics when the file has problems.
    public static func yaml(for file: DataFile) -> (String?, [Diagnostic]) {
        let (content, diagnostics) = CSVTable.read(file)
        guard let content, diagnostics.isEmpty else { return (nil, diagnostics) }
        var lines = [
            "  - id: \(tableID(file))",
            "    caption: \"\(Placeholders.marker): tabellens rubrik, med enhet\"",
            "    # unit: tkr                     # the unit of the numbers: mnkr, tkr, kr, procent …",
            "    # period: 2022",
            "    source: {quote: \"\(Placeholders.marker): page: eller line: där tabellen står i rapporten\"}",
            "    columns:",
        ]
        for column in content.columns {
            lines.append("      - {id: \(column.id.value), label: \(quoted(column.label))}")
        }
        lines.append("    rows:")
        for row in content.rows {
            lines.append("      - [" + row.cells.enumerated().map { index, cell in
                index == 0 ? quoted(row.label) : value(cell)
            }.joined(separator: ", ") + "]")
        }
        return (lines.joined(separator: "\n") + "\n", [])
    }

    /// What the file holds: its encoding, separator, columns and rows, and whether every cell is
    /// a number, in `language`.
    public static func summary(of file: DataFile, in language: Language = .english) -> (String, [Diagnostic]) {
        let (content, diagnostics) = CSVTable.read(file)
        guard let content else { return ("", diagnostics) }
        func text(_ key: MessageKey, _ arguments: String...) -> String { Catalogue.text(key, arguments, in: language) }
        let separator = content.document.separator == "\t" ? text(.importTab) : String(content.document.separator)
        let numbers = content.rows.reduce(0) { $0 + $1.cells.dropFirst().filter { $0.number != nil }.count }
        let empty = content.rows.reduce(0) { $0 + $1.cells.dropFirst().filter { $0.content == .missing }.count }
        let columns = content.columns.map { "\($0.label.isEmpty ? text(.importNoHeading) : $0.label) (\($0.id.value))" }
        return ([text(.importEncoding, file.displayPath, content.document.encoding, separator),
                 text(.importColumns, "\(content.columns.count)", columns.joined(separator: ", ")),
                 text(.importRows, "\(content.rows.count)", content.rows.map(\.label).joined(separator: ", ")),
                 text(diagnostics.isEmpty ? .importAllNumbers : .importCells, "\(numbers)", "\(empty)")]
                .map { $0 + "\n" }.joined(), diagnostics)
    }

    /// `driftredovisning` for `Driftredovisning 2022.csv`.
    static func tableID(_ file: DataFile) -> String {
        let name = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
        return Slug.make(name.hasSuffix(".csv") ? String(name.dropLast(4)) : name)
    }

    /// A YAML double-quoted scalar (JSON's escapes are YAML's).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func value(_ cell: Table.Cell) -> String {
        let plain: String
        switch cell.content {
        case .number(let number): plain = number.description
        case .missing: plain = "null"
        case .text(let text): plain = quoted(text)
        }
        return cell.note.map { "{value: \(plain), note: \(quoted($0))}" } ?? plain
    }
}
