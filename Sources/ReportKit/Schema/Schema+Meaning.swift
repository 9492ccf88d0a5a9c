// Schemas of what a figure means (issue #12): the word lists, and the two forms of a
// figure's time.

extension MetricKind: SchemaProviding {}
extension SignConvention: SchemaProviding {}
extension Base: SchemaProviding {}
extension Area: SchemaProviding {}

extension FigurePeriod: SchemaProviding {
    /// A `period` (a year or start/end), or only the report's words.
    static var valueSchema: JSONSchema {
        JSONSchema.anyOf([
            .ref(Period.definitionName),
            JSONSchema.types("object")
                .with("properties", .object(["label": JSONSchema.text.described("The report's own words for the period, e.g. \"Utfall 07-2020\".").json]))
                .with("required", .array(["label"]))
                .with("additionalProperties", .bool(false))
                .with("description", "A period the report names only in words: {label: \"Utfall 07-2020\"}, no dates made up."),
        ]).with("description", "The time a flow, share or average covers: a year (2022), {start: YYYY-MM-DD, end: YYYY-MM-DD, label: …}, or {label: \"…\"} when the report gives only words.")
    }
}

extension PointInTime: SchemaProviding {
    static let pattern = "^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"

    /// A day or month, or the report's words with the day or month they determine.
    static var valueSchema: JSONSchema {
        let on = JSONSchema.types("string").with("pattern", .string(pattern))
        return JSONSchema.anyOf([
            on.with("description", "A day YYYY-MM-DD, or a month YYYY-MM when the report names only the month."),
            JSONSchema.types("object")
                .with("properties", .object([
                    "on": on.described("The day (YYYY-MM-DD) or month (YYYY-MM) the words determine.").json,
                    "label": JSONSchema.text.described("The report's own words, e.g. \"IB eget kapital 2020\".").json,
                ]))
                .with("required", .array(["on"]))
                .with("additionalProperties", .bool(false)),
        ]).with("description", "The point in time a stock is measured at: 2023-12-31, 2023-12, or {on: 2020-01-01, label: \"IB 2020\"}.")
    }
}
