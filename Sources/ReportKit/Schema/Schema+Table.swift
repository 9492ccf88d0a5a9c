extension Table: SchemaDescribing {
    static var definitionName: String { "table" }
    static var meaning: String { "A table of the report, transcribed cell by cell." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .id: Field(\Table.id, .identifier, "Unique within the page; becomes the table's anchor (tabell-<id>).")
        case .caption: Field(\Table.caption, "The table's caption, e.g. Driftredovisning per verksamhet, mnkr.")
        case .unit: Field(\Table.unit, "The unit of the numeric cells, unless a column or row says otherwise.")
        case .period: Field(\Table.period, "The time the table covers, as the report gives it: dates, or {label: \"…\"} with its words only.")
        case .source: Field(\Table.source, "The source lines of the table, e.g. {lines: [532, 570]}.")
        case .columns: Field(\Table.columns, "The columns; the first holds the row labels.")
        case .rows: Field(\Table.rows, "The rows, each a list of cells with the label first.")
        case .checks: Field(\Table.checks, "What the validator verifies: sums and differences of columns.")
        case .contradictions: Field(\Table.contradictions, "Known failures of the checks, as the report prints them.")
        case .missing: Field(\Table.missing, "What could not be transcribed, said plainly.")
        case .note: Field(\Table.note, "The report's footnotes, or how the table was transcribed.")
        }
    }
}

extension Table.Column: SchemaDescribing {
    static var definitionName: String { "tableColumn" }
    static var meaning: String { "A column of a table, e.g. {id: budget-helar, label: Budget helår}." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .id: Field(\Table.Column.id, "Unique within the table; checks and contradictions name the column by it.")
        case .label: Field(\Table.Column.label, "The column's heading.")
        case .unit: Field(\Table.Column.unit, "The column's own unit, if it differs from the table's.")
        }
    }
}

extension Table.Row: SchemaDescribing {
    static var definitionName: String { "tableRow" }
    static var meaning: String { "A row with its own unit: {cells: [Väntetid, 12, 14], unit: veckor}." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .cells: Field(\Table.Row.cells, "The cells, the label first.")
        case .unit: Field(\Table.Row.unit, "The row's own unit.")
        }
    }

    /// A row is usually a plain list of cells; the mapping is only for a row with its own unit.
    static var definition: JSONSchema {
        JSONSchema.anyOf([Array<Table.Cell>.valueSchema, mappingSchema])
            .with("description", "A row: a list of cells with the label first, e.g. [Socialpsykiatri, -36.2, null].")
    }
}

extension Table.Cell: SchemaDescribing {
    static var definitionName: String { "tableCell" }
    static var meaning: String { "A value with the report's footnote mark: {value: 73, note: \"*\"}." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .value: Field(required: true, valueSchema, "The value.")
        case .note: Field(\Table.Cell.note, "The report's footnote mark on the value, e.g. *.")
        }
    }

    /// A plain number is a number and any other scalar is text, so every scalar is a cell;
    /// null is a value the report does not give.
    static var definition: JSONSchema {
        JSONSchema.anyOf([JSONSchema.types("number", "string", "boolean", "null"), mappingSchema])
            .with("description", "A cell: a plain number (-36.2), text, or null where the report gives no value (uppgift saknas).")
    }
}

extension Table.Check: SchemaDescribing {
    static var definitionName: String { "tableCheck" }
    static var meaning: String {
        "A rule the validator verifies: {sum: [columns], total: row label} or {difference: column, minuend: column, subtrahend: column}."
    }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .sum: Field(\Table.Check.sum, "Columns whose part rows add up to the total row.")
        case .total: Field(\Table.Check.total, "The label of the total row.")
        case .parts: Field(\Table.Check.parts, "Labels of the part rows; by default every row above the total row.")
        case .difference: Field(\Table.Check.difference, "A column that equals minuend − subtrahend, row by row.")
        case .minuend: Field(\Table.Check.minuend, "The column subtracted from.")
        case .subtrahend: Field(\Table.Check.subtrahend, "The column subtracted.")
        }
    }
}

extension Table.Contradiction: SchemaDescribing {
    static var definitionName: String { "tableContradiction" }
    static var meaning: String { "A check failure the report really contains; the build warns instead of failing." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .row: Field(\Table.Contradiction.row, "The label of the row.")
        case .column: Field(\Table.Contradiction.column, "The id of the column.")
        case .note: Field(\Table.Contradiction.note, "What the report states and what the check gives, in Swedish.")
        }
    }
}
