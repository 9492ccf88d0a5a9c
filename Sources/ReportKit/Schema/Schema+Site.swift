extension PageMatter: SchemaDescribing {
    static var definitionName: String { FrontMatterKind.page.rawValue }
    static var meaning: String { "A free-standing page, or the start page's text (content/<page>.md, content/index.md)." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .title: Field(\PageMatter.title, "The page's title.")
        case .description: Field(\PageMatter.description, "One sentence about the page, for search engines and link previews.")
        }
    }
}

extension ScaleMatter: SchemaDescribing {
    static var definitionName: String { FrontMatterKind.scale.rawValue }
    static var meaning: String { "The common verdict scale that every municipality's verdict words map to (content/bedomningsskala.md)." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .title: Field(\ScaleMatter.title, "The page's title, e.g. Gemensam bedömningsskala.")
        case .description: Field(\ScaleMatter.description, "One sentence about the scale.")
        case .levels: Field(\ScaleMatter.levels, "The levels of the scale, in order.")
        }
    }
}

extension ScaleMatter.Level: SchemaDescribing {
    static var definitionName: String { "scaleLevel" }
    static var meaning: String { "A level of the common scale." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .id: Field(\ScaleMatter.Level.id, .identifier, "The level's id, e.g. delvis-uppfyllt; verdict_scale entries name it.")
        case .label: Field(\ScaleMatter.Level.label, "The level as shown, e.g. Delvis uppfyllt.")
        case .description: Field(\ScaleMatter.Level.description, "What the level means.")
        }
    }
}

extension MunicipalityMatter: SchemaDescribing {
    static var definitionName: String { FrontMatterKind.municipality.rawValue }
    static var meaning: String { "A municipality (content/kommuner/<id>.md)." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .name: Field(\MunicipalityMatter.name, "The full name, e.g. Huddinge kommun.")
        case .shortName: Field(\MunicipalityMatter.shortName, "The name as used in tables and headings, e.g. Huddinge.")
        case .committeeScope: Field(\MunicipalityMatter.committeeScope, "What the committee is responsible for, in Swedish.")
        case .scope: Field(\MunicipalityMatter.scope,
                           "The areas of work the committee covers, e.g. [barn-och-unga, ekonomiskt-bistand]; a metric of another area is shown as \"ingår inte i nämndens ansvar\".")
        case .verdictScale: Field(\MunicipalityMatter.verdictScale, "The report's own verdict words, each mapped once to a level of the common scale.")
        }
    }
}

extension MunicipalityMatter.VerdictTerm: SchemaDescribing {
    static var definitionName: String { "verdictTerm" }
    static var meaning: String { "One verdict word of the municipality and the common level it means." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .term: Field(\MunicipalityMatter.VerdictTerm.term, "The word as the reports use it, e.g. mycket god.")
        case .level: Field(\MunicipalityMatter.VerdictTerm.level, .identifier,
                           "The id of a level in content/bedomningsskala.md, e.g. uppfyllt.")
        }
    }
}

extension MetricMatter: SchemaDescribing {
    static var definitionName: String { FrontMatterKind.metric.rawValue }
    static var meaning: String { "A metric of the vocabulary, and its comparison page (content/jamfor/<metric>.md)." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .title: Field(\MetricMatter.title, "The metric's Swedish name, e.g. Nettokostnad.")
        case .unit: Field(\MetricMatter.unit, "The unit comparisons are shown in.")
        case .definition: Field(\MetricMatter.definition, "What the metric measures, in Swedish.")
        case .higherIsBetter: Field(\MetricMatter.higherIsBetter, "true or false; leave out when neither.")
        case .themes: Field(\MetricMatter.themes, .array(of: .identifier), "Ids of the themes the metric belongs to.")
        case .differences: Field(\MetricMatter.differences,
                                 JSONSchema.types("object")
                                    .with("propertyNames", JSONSchema(["pattern": .string(JSONSchema.identifierPattern)]).json)
                                    .with("additionalProperties", JSONSchema.text.json),
                                 "How each municipality's figure differs in definition or scope, by municipality id; quote text that contains ': '.")
        case .kind: Field(\MetricMatter.kind, "flow (a sum over a period), stock (a level at a date), share (a percentage of base) or average.")
        case .otherKinds: Field(\MetricMatter.otherKinds, "Kinds a figure may declare instead (kind: on the figure); such figures are compared apart.")
        case .sign: Field(\MetricMatter.sign, "non-negative (a cost is a positive amount) or signed (then say positive_means).")
        case .positiveMeans: Field(\MetricMatter.positiveMeans, "For a signed metric, what a positive value means, e.g. överskott.")
        case .base: Field(\MetricMatter.base, "For a share, what it is a share of, e.g. ordinarie-arbetstid or nettobudget.")
        case .otherBases: Field(\MetricMatter.otherBases, "Other bases a figure may state (base: on the figure), each compared apart, e.g. [prognos].")
        case .area: Field(\MetricMatter.area, "The area of the committee's work, e.g. ekonomiskt-bistand; hela-namnden for the committee as a whole.")
        case .absent: Field(\MetricMatter.absent,
                            JSONSchema.types("object")
                               .with("propertyNames", JSONSchema(["pattern": .string(JSONSchema.identifierPattern)]).json)
                               .with("additionalProperties", JSONSchema.text.json),
                            "By municipality id: why its report has no value of the metric, shown instead of \"uppgift saknas\", e.g. redovisar ett annat mått.")
        case .forecastComparable: Field(\MetricMatter.forecastComparable,
                                        "true when a part-year report's forecast for the whole year may be charted beside full-year outcomes.")
        }
    }
}

extension ThemeMatter: SchemaDescribing {
    static var definitionName: String { FrontMatterKind.theme.rawValue }
    static var meaning: String { "A theme that groups sections, metrics and goals (content/teman/<theme>.md)." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .title: Field(\ThemeMatter.title, "The theme's title, e.g. Våld i nära relationer.")
        case .description: Field(\ThemeMatter.description, "One sentence about what the theme covers.")
        }
    }
}
