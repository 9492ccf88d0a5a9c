extension TableCellReference {
    /// The number in the cell this names, from a table of the same page decoded before it;
    /// every wrong name is reported with a did-you-mean.
    func resolve(in session: DecodingSession) throws -> ReportedNumber {
        guard let table = session.tables[self.table.value] else {
            if !session.failedTables.contains(self.table.value) {
                let ids = session.tables.keys.sorted()
                let hint = Suggestion.closest(to: self.table.value, in: ids).map { "; did you mean \"\($0)\"?" }
                    ?? (ids.isEmpty ? "; a figure can point only into a table listed under tables on the same page"
                                    : "; the tables of this page are \(ids.joined(separator: ", "))")
                session.report(.error("unknown table \"\(self.table.value)\"\(hint)", at: self.table.location))
            }
            throw ReportedError()
        }
        let labels = table.rows.map(\.label)
        guard let row = table.rows.first(where: { $0.label == self.row.value }) else {
            session.report(.error("table \"\(table.id.value)\" has no row \"\(self.row.value)\"\(Suggestion.hintOrList(rows: labels, for: self.row.value))",
                                  at: self.row.location))
            throw ReportedError()
        }
        let names = table.columns.map(\.id.value) + table.columns.map(\.label)
        guard let index = table.columns.firstIndex(where: { $0.id.value == column.value || $0.label == column.value }) else {
            session.report(.error("table \"\(table.id.value)\" has no column \"\(column.value)\"\(Suggestion.hintOrList(rows: table.columns.map(\.id.value), for: column.value, also: names))",
                                  at: column.location))
            throw ReportedError()
        }
        guard index > 0, index < row.cells.count, let number = row.cells[index].number else {
            let what = index == 0 ? "holds the row labels" : "has no number in row \"\(row.label)\""
            session.report(.error("column \"\(column.value)\" of table \"\(table.id.value)\" \(what); point at a cell with a number",
                                  at: column.location))
            throw ReportedError()
        }
        return number
    }
}

extension Suggestion {
    /// "; did you mean "Totalt"?" or the list of names to choose from.
    static func hintOrList(rows names: [String], for word: String, also candidates: [String] = []) -> String {
        if let close = closest(to: word, in: candidates.isEmpty ? names : candidates) { return "; did you mean \"\(close)\"?" }
        return "; it has " + names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
