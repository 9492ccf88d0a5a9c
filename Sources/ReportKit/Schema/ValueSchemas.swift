// Schemas of the scalar types, from the same parsers and word lists the validator uses.

extension ReportedNumber: SchemaProviding {
    /// Only a plain number: the validator rejects a quoted one, and `1 054,4` is text to a YAML parser.
    static var valueSchema: JSONSchema {
        JSONSchema.types("number").with("description", .string(
            "A plain number as the report prints it: a point for decimals, no thousands separator, e.g. -1054.4; keep trailing zeros (243.0)."))
    }
}

extension LocalDate: SchemaProviding {
    /// YYYY-MM-DD within the years `LocalDate` accepts; whether the day exists in its month is
    /// left to `arsrapport check`.
    static let pattern = "^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

    static var valueSchema: JSONSchema {
        JSONSchema.types("string")
            .with("pattern", .string(pattern))
            .with("description", "A date written YYYY-MM-DD, e.g. 2020-08-31.")
    }
}

extension MeasureUnit: SchemaProviding {
    static var valueSchema: JSONSchema { .oneOf(allCases.map(\.rawValue)) }
}

/// Every closed word list (`basis`, `sign`, `level`, `report_kind`) lists its own cases.
extension SchemaProviding where Self: Keyword {
    static var valueSchema: JSONSchema { .oneOf(allCases.map(\.rawValue)) }
}

extension Figure.Basis: SchemaProviding {}
extension Figure.Sign: SchemaProviding {}
extension Goal.Level: SchemaProviding {}
extension ReportMatter.Kind: SchemaProviding {}

extension Goal.Target: SchemaProviding {
    /// A plain number is read as a number and anything else as words, so every scalar is valid.
    static var valueSchema: JSONSchema { .text }
}
