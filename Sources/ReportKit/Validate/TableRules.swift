extension RuleChecker {
    mutating func check(_ table: Table) {
        if !Identifier.isValid(table.id.value) {
            error(.tableIDInvalid, table.id.value, at: table.id.location)
        }
        // An empty table would publish a caption over nothing.
        if table.columns.isEmpty {
            error(.tableNoColumns, table.id.value, at: table.id.location)
        }
        if table.rows.isEmpty, table.missing == nil {
            error(.tableNoRows, table.id.value, at: table.id.location)
        }
        let columnIDs = table.columns.map(\.id.value)
        var seen: Set<String> = []
        for column in table.columns where !seen.insert(column.id.value).inserted {
            error(.columnIDTwice, column.id.value, at: column.id.location)
        }
        for row in table.rows {
            if row.cells.count > table.columns.count, !row.decimalCommas.isEmpty {
                let written = row.decimalCommas.map { "\"\($0)\"" }.joined(separator: ", ")
                let plain = row.decimalCommas.map { $0.replacingAll(",", with: ".") }.joined(separator: ", ")
                diagnostics.append(.error(.rowDecimalCommas, row.label, "\(row.cells.count)", "\(table.columns.count)", written, plain,
                                          at: row.location))
            } else if row.cells.count != table.columns.count {
                error(.rowCellCount, row.label, "\(row.cells.count)", "\(table.columns.count)",
                      at: row.location)
            }
            for cell in row.cells.dropFirst() {
                if case .text(let text) = cell.content, let plain = ReportedNumber.plainNotation(text),
                   text.contains(where: \.isASCIIDigit), !text.contains(where: \.isLetter) {
                    error(.cellPlainNumber, text, plain, at: cell.location)
                }
            }
        }
        let failures = checkArithmetic(table, columnIDs: columnIDs)
        for contradiction in table.contradictions ?? [] {
            reference(contradiction.column, kind: "column", in: columnIDs)
            if !table.rows.contains(where: { $0.label == contradiction.row.value }) {
                error([MessagePart(.unknownRow, contradiction.row.value)] + Suggestion.hint(for: contradiction.row.value, in: table.rows.map(\.label)),
                      at: contradiction.row.location)
                continue
            }
            if !failures.contains(where: { $0.row == contradiction.row.value && $0.column == contradiction.column.value }) {
                error(.tableContradictionDoesNotOccur, contradiction.row.value, contradiction.column.value,
                      at: contradiction.row.location)
            }
        }
        for failure in failures {
            if let recorded = table.contradictions?.first(where: { $0.row.value == failure.row && $0.column.value == failure.column }) {
                knownContradiction(MessagePart(.recordedContradiction, arguments: [.part(failure.message), .text(recorded.note)]),
                                   at: failure.location)
            } else {
                error([MessagePart(.tableCheckUnrecorded, arguments: [.part(failure.message)])], at: failure.location)
            }
        }
    }

    struct CheckFailure {
        let row: String
        let column: String
        let message: MessagePart
        let location: SourceLocation
    }

    /// Runs the table's sum and difference checks; returns every cell that fails.
    mutating func checkArithmetic(_ table: Table, columnIDs: [String]) -> [CheckFailure] {
        var failures: [CheckFailure] = []
        let labels = table.rows.map(\.label)
        func column(_ id: Located<String>) -> Int? {
            guard let index = columnIDs.firstIndex(of: id.value) else {
                reference(id, kind: "column", in: columnIDs)
                return nil
            }
            if index == 0 { error(.columnHoldsLabels, id.value, at: id.location) }
            return index
        }
        func row(_ label: Located<String>) -> Table.Row? {
            guard let row = table.rows.first(where: { $0.label == label.value }) else {
                error([MessagePart(.unknownRow, label.value)] + Suggestion.hint(for: label.value, in: labels), at: label.location)
                return nil
            }
            return row
        }
        func number(_ row: Table.Row, _ index: Int) -> ReportedNumber? {
            index < row.cells.count ? row.cells[index].number : nil
        }

        for check in table.checks ?? [] {
            if let sumColumns = check.sum {
                guard let totalLabel = check.total else {
                    error(.sumNeedsTotal, at: check.location)
                    continue
                }
                guard let total = row(totalLabel) else { continue }
                let partRows: [Table.Row]
                if let parts = check.parts {
                    partRows = parts.compactMap { row($0) }
                } else {
                    partRows = Array(table.rows.prefix { $0.label != totalLabel.value })
                }
                for id in sumColumns {
                    guard let index = column(id) else { continue }
                    let values = partRows.compactMap { number($0, index) }
                    // A part without a number (not stated, or text reported elsewhere) cannot be summed.
                    guard let stated = number(total, index), !values.isEmpty, values.count == partRows.count else { continue }
                    let computed = values.reduce(0) { $0 + $1.doubleValue }
                    let terms = (values + [stated]).map { Rounding.Term($0) }
                    if !Rounding.agree(computed, stated.doubleValue, terms: terms) {
                        failures.append(CheckFailure(
                            row: total.label, column: id.value,
                            message: MessagePart(.sumMismatch, format(computed), id.value, total.label, "\(stated)"),
                            location: total.cells[index].location))
                    }
                }
            }
            if let result = check.difference {
                guard let minuend = check.minuend, let subtrahend = check.subtrahend else {
                    error(.differenceNeedsTerms, at: check.location)
                    continue
                }
                guard let r = column(result), let m = column(minuend), let s = column(subtrahend) else { continue }
                for row in table.rows {
                    guard let stated = number(row, r), let a = number(row, m), let b = number(row, s) else { continue }
                    let computed = a.doubleValue - b.doubleValue
                    if !Rounding.agree(computed, stated.doubleValue, terms: [.init(a), .init(b), .init(stated)]) {
                        failures.append(CheckFailure(
                            row: row.label, column: result.value,
                            message: MessagePart(.differenceMismatch, row.label, minuend.value, subtrahend.value, "\(a)", "\(b)",
                                             format(computed), result.value, "\(stated)"),
                            location: row.cells[r].location))
                    }
                }
            }
            if check.sum == nil, check.difference == nil {
                error(.checkKind, at: check.location)
            }
        }
        return failures
    }
}
