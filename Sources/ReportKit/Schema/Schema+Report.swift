extension ReportMatter: SchemaDescribing {
    static var definitionName: String { FrontMatterKind.report.rawValue }
    static var meaning: String { "A report: who reported what, for which period (content/<report>/index.md)." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .title: Field(\ReportMatter.title, "The report's title, e.g. Socialnämndens delårsrapport per augusti 2020.")
        case .municipality: Field(\ReportMatter.municipality, .identifier,
                                  "Id of the municipality, the name of its file content/kommuner/<id>.md, e.g. huddinge.")
        case .committee: Field(\ReportMatter.committee, "The committee that reports, e.g. Socialnämnden.")
        case .reportKind: Field(\ReportMatter.reportKind, "What kind of report it is.")
        case .year: Field(\ReportMatter.year, "The report year; the folder is named <municipality>-<year>.")
        case .period: Field(\ReportMatter.period, "The period the report covers, inside the report year; an årsredovisning covers the whole year.")
        case .dnr: Field(\ReportMatter.dnr, "The report's diarienummer, only if the report states it, e.g. SN/2019:47.")
        case .decisionDate: Field(\ReportMatter.decisionDate, "The date of the committee's decision, only if the report states it.")
        case .source: Field(\ReportMatter.source, "The source document the report's text was taken from.")
        case .documentURL: Field(\ReportMatter.documentURL, JSONSchema.text.with("pattern", .string(JSONSchema.webAddressPattern)),
                                 "The original document's address (a PDF), e.g. https://www.haninge.se/…/arsredovisning-2022.pdf; sources with a page link to it.")
        case .draft: Field(\ReportMatter.draft,
                           "true while the report is being written: build leaves it out (unless --drafts), serve shows it marked Utkast.")
        }
    }
}

extension ReportMatter.Source: SchemaDescribing {
    static var definitionName: String { "reportSource" }
    static var meaning: String { "The source document: its file and its title." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .document: Field(\ReportMatter.Source.document, "File name of the report's text in shared/seeds/, e.g. 001_2ca8271a2c576322.txt.")
        case .title: Field(\ReportMatter.Source.title, "The document's title as it names itself.")
        }
    }
}

extension Period: SchemaDescribing {
    static var definitionName: String { "period" }
    static var meaning: String { "A period with its own start and end, e.g. {start: 2020-01-01, end: 2020-08-31}." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .start: Field(\Period.start, "The first day of the period.")
        case .end: Field(\Period.end, "The last day of the period, not before its start.")
        case .label: Field(\Period.label, "How the report names the period, e.g. \"utfall 07-2020\".")
        }
    }

    /// A year is the other way to write a period; the validator reads it with `Int`, quoted or not.
    static var definition: JSONSchema {
        JSONSchema.anyOf([
            JSONSchema.types("integer", "string")
                .with("minimum", 1900).with("maximum", 2200)
                .with("pattern", "^\\+?0*(19[0-9]{2}|2[01][0-9]{2}|2200)$")
                .with("description", "A year, e.g. 2022: the whole calendar year."),
            mappingSchema,
        ]).with("description", "The time a value covers: a year (2022) or {start: YYYY-MM-DD, end: YYYY-MM-DD}.")
    }
}

extension SourceReference: SchemaDescribing {
    static var definitionName: String { "source" }
    static var meaning: String {
        "Where in the report a value stands: {page: 12, quote: \"…\"} in the original document, {line: 498, quote: \"…\"} in its text version, or for a passage or table {lines: [532, 570]}; page and line may be given together."
    }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .line: Field(\SourceReference.line, "The 1-based line in the report's .txt file in shared/seeds/.")
        case .lines: Field(\SourceReference.lines, "The first and last line of a passage or table, e.g. [532, 570].")
        case .page: Field(\SourceReference.page, JSONSchema.wholeNumber.with("minimum", 1),
                          "The page of the original document (as its PDF viewer numbers it); pages link to document_url#page=N.")
        case .quote: Field(\SourceReference.quote, "A short verbatim piece of that line containing the value, copied character for character.")
        }
    }
}
