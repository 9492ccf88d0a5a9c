import CSV
import Foundation

/// A CSV file as Swedish Excel and LibreOffice save it, split into fields by CSV.swift, with
/// the line and column where each field starts.
///
/// The library gives fields, not positions. The positions come from walking the text beside
/// the library's fields: each field must appear at the walk's position exactly as the library
/// read it (quoted, with doubled quotes, or plain), followed by a separator or a line end. The
/// walk checks the library's reading as it goes, so a field it cannot find is malformed
/// quoting, reported where it starts.
struct CSVDocument: Sendable, Hashable {
    struct Field: Sendable, Hashable {
        let text: String
        let location: SourceLocation
    }

    /// Lines with content, in order; blank lines (also `;;;`) are left out.
    let rows: [[Field]]
    /// "UTF-8" or "Windows-1252", for `import-table`'s summary.
    let encoding: String
    let separator: Unicode.Scalar

    static func read(_ file: DataFile) -> Result<CSVDocument, Diagnostic> {
        let path = file.displayPath
        func failure(_ message: MessagePart, line: Int = 1, column: Int = 1) -> Result<CSVDocument, Diagnostic> {
            .failure(.error(message, at: SourceLocation(path: path, line: line, column: column)))
        }
        let (decoded, encoding) = decodeText(file.bytes)
        guard let text = decoded else {
            return failure(MessagePart(.csvUTF16))
        }
        var scalars = Array(text.unicodeScalars)
        var firstLine = 1
        // Excel writes "sep=;" on the first line when asked to name its separator.
        var separator = Unicode.Scalar(";")
        if scalars.starts(with: Array("sep=".unicodeScalars)), scalars.count >= 5 {
            separator = scalars[4]
            let end = scalars.firstIndex(of: "\n").map { $0 + 1 } ?? scalars.count
            scalars.removeSubrange(0..<end)
            firstLine = 2
        } else {
            separator = guessSeparator(scalars)
        }
        var unicode = String.UnicodeScalarView()
        unicode.append(contentsOf: scalars)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: String(unicode), hasHeaderRow: false, trimFields: false, delimiter: separator)
        } catch {
            return failure(MessagePart(.csvUnreadable, "\(error)"))
        }
        var walk = PositionWalk(scalars: scalars, line: firstLine, separator: separator, path: path)
        var rows: [[Field]] = []
        while let values = reader.next() {
            var fields: [Field] = []
            for (index, value) in values.enumerated() {
                guard let field = walk.field(value, last: index == values.count - 1) else {
                    return failure(MessagePart(.csvOpenQuote),
                                   line: walk.fieldLine, column: walk.fieldColumn)
                }
                fields.append(field)
            }
            if fields.contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) { rows.append(fields) }
        }
        return .success(CSVDocument(rows: rows, encoding: encoding, separator: separator))
    }

    /// UTF-8 (with or without a byte-order mark), else Windows-1252, which Swedish Excel writes
    /// for plain "CSV"; nil for UTF-16. Line endings become LF.
    static func decodeText(_ bytes: [UInt8]) -> (String?, String) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return (nil, "UTF-16") }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
        let text: String
        let encoding: String
        if let utf8 = String(validating: body, as: UTF8.self) {
            (text, encoding) = (utf8, "UTF-8")
        } else if let latin = String(data: Data(body), encoding: .windowsCP1252) {
            (text, encoding) = (latin, "Windows-1252")
        } else {
            return (nil, "unknown")
        }
        return (text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text, encoding)
    }

    /// `;` unless the first line has none outside quotes and has tabs (or commas) instead.
    static func guessSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if scalar == "\n", !quoted { break }
            if !quoted, scalar == ";" || scalar == "\t" || scalar == "," { counts[scalar, default: 0] += 1 }
        }
        for candidate: Unicode.Scalar in [";", "\t", ","] where counts[candidate, default: 0] > 0 { return candidate }
        return ";"
    }
}

/// Walks the text field by field beside the library's reading, counting lines and columns.
private struct PositionWalk {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line: Int
    var column = 1
    let separator: Unicode.Scalar
    let path: String
    /// Where the field being walked starts.
    private(set) var fieldLine = 1
    private(set) var fieldColumn = 1

    init(scalars: [Unicode.Scalar], line: Int, separator: Unicode.Scalar, path: String) {
        self.scalars = scalars
        self.line = line
        self.separator = separator
        self.path = path
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard index < scalars.count, scalars[index] == scalar else { return false }
        index += 1
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        return true
    }

    /// The field the library read as `value`, at the walk's position; nil if it is not there.
    mutating func field(_ value: String, last: Bool) -> CSVDocument.Field? {
        (fieldLine, fieldColumn) = (line, column)
        let location = SourceLocation(path: path, line: line, column: column)
        if index < scalars.count, scalars[index] == "\"" {
            _ = take("\"")
            for scalar in value.unicodeScalars {
                guard take(scalar), scalar != "\"" || take("\"") else { return nil }
            }
            guard take("\"") else { return nil }
        } else {
            for scalar in value.unicodeScalars where !take(scalar) { return nil }
        }
        if last {
            guard index == scalars.count || take("\n") else { return nil }
        } else {
            guard take(separator) else { return nil }
        }
        return CSVDocument.Field(text: value, location: location)
    }
}
