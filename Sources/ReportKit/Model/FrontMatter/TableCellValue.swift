extension TableCellReference {
    /// The number in the cell this names, from a table of the same page decoded before it;
    /// every wrong name is reported with a did-you-mean.
    func resolve(in session: DecodingSession) throws -> ReportedNumber {
        guard let table = session.tables[self.table.value] else {
            if !session.failedTables.contains(self.table.value) {
                let ids = session.tables.keys.sorted(), name = self.table.value, at = self.table.location
                if let close = Suggestion.closest(to: name, in: ids) {
                    session.report(.error(.unknownTableDidYouMean, name, close, at: at))
                } else if ids.isEmpty {
                    session.report(.error(.unknownTableNone, name, at: at))
                } else {
                    session.report(.error(.unknownTableList, name, ids.joined(separator: ", "), at: at))
                }
            }
            throw ReportedError()
        }
        let labels = table.rows.map(\.label)
        guard let row = table.rows.first(where: { $0.label == self.row.value }) else {
            if let close = Suggestion.closest(to: self.row.value, in: labels) {
                session.report(.error(.tableNoRowDidYouMean, table.id.value, self.row.value, close, at: self.row.location))
            } else {
                session.report(.error(.tableNoRowList, table.id.value, self.row.value, Self.quoted(labels), at: self.row.location))
            }
            throw ReportedError()
        }
        let names = table.columns.map(\.id.value) + table.columns.map(\.label)
        guard let index = table.columns.firstIndex(where: { $0.id.value == column.value || $0.label == column.value }) else {
            if let close = Suggestion.closest(to: column.value, in: names) {
                session.report(.error(.tableNoColumnDidYouMean, table.id.value, column.value, close, at: column.location))
            } else {
                session.report(.error(.tableNoColumnList, table.id.value, column.value, Self.quoted(table.columns.map(\.id.value)),
                                      at: column.location))
            }
            throw ReportedError()
        }
        guard index > 0, index < row.cells.count, let number = row.cells[index].number else {
            session.report(index == 0 ? .error(.tableCellLabels, column.value, table.id.value, at: column.location)
                                      : .error(.tableCellNotNumber, column.value, table.id.value, row.label, at: column.location))
            throw ReportedError()
        }
        return number
    }

    /// `"Barn", "Vuxna"`.
    static func quoted(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
