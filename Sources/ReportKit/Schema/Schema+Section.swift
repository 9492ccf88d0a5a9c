extension SectionMatter: SchemaDescribing {
    static var definitionName: String { FrontMatterKind.section.rawValue }
    static var meaning: String { "A section of a report, with its data (content/<report>/<section>.md)." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .title: Field(\SectionMatter.title, "The section's title, e.g. Ekonomi.")
        case .summarises: Field(\SectionMatter.summarises, "The source report's own headings that this section summarises.")
        case .source: Field(\SectionMatter.source, "The source lines the section covers, e.g. {lines: [447, 701]}.")
        case .themes: Field(\SectionMatter.themes, .array(of: .identifier), "Ids of the themes the section is about (content/teman/<id>.md).")
        case .figures: Field(\SectionMatter.figures, "Headline figures, typed.")
        case .tables: Field(\SectionMatter.tables, "Every readable table of this part of the report.")
        case .goals: Field(\SectionMatter.goals, "The goals this part of the report reports on.")
        case .discrepancies: Field(\SectionMatter.discrepancies,
                                   "Places where the report contradicts itself that no check can see (text against table, a stated change against its figures).")
        }
    }
}

extension Discrepancy: SchemaDescribing {
    static var definitionName: String { "discrepancy" }
    static var meaning: String { "A contradiction inside the report, recorded in its own words; the build warns about it." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .lines: Field(\Discrepancy.lines, JSONSchema.array(of: .wholeNumber).with("minItems", 1),
                           "The source lines that disagree, e.g. [272, 298].")
        case .note: Field(\Discrepancy.note, "What disagrees, in Swedish.")
        }
    }
}
