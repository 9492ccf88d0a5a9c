import CommonMark

/// Makes a `Table` of a `CSVTableSpec` and the CSV file it names, reporting every bad cell at
/// its line and column in the CSV file.
enum CSVTable {
    static func read(_ spec: CSVTableSpec, in decoder: NodeDecoder) throws -> Table {
        let session = decoder.session
        let file = try dataFile(spec.file, session: session)
        let (content, diagnostics) = read(file, declared: spec.columns, declaredAt: spec.columns?.first?.id.location)
        for diagnostic in diagnostics { session.report(diagnostic) }
        guard let content, diagnostics.isEmpty else { throw ReportedError() }
        return Table(id: spec.id, caption: spec.caption, unit: spec.unit, period: spec.period, source: spec.source,
                     columns: content.columns, rows: content.rows, checks: spec.checks, contradictions: spec.contradictions,
                     missing: spec.missing, note: spec.note, csvFile: file.displayPath)
    }

    /// What a CSV file holds as a table.
    struct Content {
        let columns: [Table.Column]
        let rows: [Table.Row]
        let document: CSVDocument
    }

    /// The columns and rows of `file` (columns from its headings unless `declared`), with every
    /// problem; nil content when the file cannot be read as a table at all.
    static func read(_ file: DataFile, declared: [Table.Column]? = nil,
                     declaredAt: SourceLocation? = nil) -> (Content?, [Diagnostic]) {
        let document: CSVDocument
        switch CSVDocument.read(file) {
        case .success(let read): document = read
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard let header = document.rows.first else {
            return (nil, [.error(.csvEmpty, at: SourceLocation(path: file.displayPath, line: 1, column: 1))])
        }
        let columns: [Table.Column]
        switch self.columns(header, declared: declared, declaredAt: declaredAt) {
        case .success(let made): columns = made
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var diagnostics: [Diagnostic] = []
        var rows: [Table.Row] = []
        for fields in document.rows.dropFirst() {
            guard fields.count == columns.count else {
                diagnostics.append(.error(.csvFieldCount, "\(fields.count)", "\(columns.count)", at: fields[0].location))
                continue
            }
            var cells = [Table.Cell(content: .text(trimmed(fields[0].text)), location: fields[0].location)]
            for (field, column) in zip(fields.dropFirst(), columns.dropFirst()) {
                guard let cell = cell(field) else {
                    diagnostics.append(notANumber(field, column: column.label))
                    continue
                }
                cells.append(cell)
            }
            rows.append(Table.Row(cells: cells, unit: nil, location: fields[0].location))
        }
        return (Content(columns: columns, rows: rows, document: document), diagnostics)
    }

    /// The file `file:` names, in the page's own folder.
    private static func dataFile(_ name: Located<String>, session: DecodingSession) throws -> DataFile {
        let folder = session.file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        let prefix = folder.isEmpty ? "" : folder + "/"
        guard !name.value.contains("/"), !name.value.hasPrefix("."), DataFile.isDataFile(name.value) else {
            session.report(.error(.csvBadFileName, name.value, at: name.location))
            throw ReportedError()
        }
        guard let file = session.dataFiles[prefix + name.value] else {
            let here = session.dataFiles.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
                .map { String($0.dropFirst(prefix.count)) }.sorted()
            if let close = Suggestion.closest(to: name.value, in: here) {
                session.report(.error(.csvNoFileDidYouMean, name.value, close, at: name.location))
            } else if here.isEmpty {
                session.report(.error(.csvNoFileNone, name.value, at: name.location))
            } else {
                session.report(.error(.csvNoFileList, name.value, here.joined(separator: ", "), at: name.location))
            }
            throw ReportedError()
        }
        session.usedDataFiles[file.relativePath] = file
        return file
    }

    /// The declared columns (one per column of the file), or columns made from the headings.
    private static func columns(_ header: [CSVDocument.Field], declared: [Table.Column]?,
                                declaredAt: SourceLocation?) -> Result<[Table.Column], Diagnostic> {
        if let declared {
            guard declared.count == header.count else {
                let headings = header.map { "\"\(trimmed($0.text))\"" }.joined(separator: ", ")
                return .failure(.error(.csvColumnCount, "\(header.count)", headings, "\(declared.count)",
                                       at: declaredAt ?? header[0].location))
            }
            return .success(declared)
        }
        var used: Set<String> = []
        return .success(header.enumerated().map { index, field in
            let label = trimmed(field.text)
            var id = label.isEmpty ? "kolumn-\(index + 1)" : Slug.make(label)
            if !used.insert(id).inserted {
                id += "-\(index + 1)"
                used.insert(id)
            }
            return Table.Column(id: Located(id, at: field.location), label: label, unit: nil)
        })
    }

    /// A number (with a trailing footnote mark such as `*`), or no value; nil for anything else.
    static func cell(_ field: CSVDocument.Field) -> Table.Cell? {
        if SwedishNumber.isMissing(field.text) { return Table.Cell(content: .missing, location: field.location) }
        var text = trimmed(field.text)
        var note = ""
        while text.hasSuffix("*") {
            note += "*"
            text.removeLast()
        }
        guard let number = SwedishNumber.parse(text) else { return nil }
        return Table.Cell(content: .number(number), note: note.isEmpty ? nil : note, location: field.location)
    }

    /// Says what is wrong with a field that is not a number, with the fix where one is clear.
    static func notANumber(_ field: CSVDocument.Field, column: String) -> Diagnostic {
        let text = field.text
        let found = FrontMatterSplitter.excerpt(text[...])
        let comma = text.replacingOccurrences(of: ".", with: ",")
        if text.contains("."), !text.contains(","), let number = SwedishNumber.parse(comma) {
            return .error(.csvDecimalPoint, found, column, comma, number.description, at: field.location)
        }
        return .error(.csvNotANumber, found, column, at: field.location)
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\u{A0}" || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\u{A0}" || last == "\t" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
