extension Goal: SchemaDescribing {
    static var definitionName: String { "goal" }
    static var meaning: String { "A goal (kommunfullmäktige or nämnd level) with the committee's own verdict." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .id: Field(\Goal.id, .identifier, "Unique within the report; becomes the goal's anchor.")
        case .level: Field(\Goal.level, "kf (kommunfullmäktige) or nämnd.")
        case .parent: Field(\Goal.parent, .identifier, "For a nämnd goal: the id of its kf goal.")
        case .title: Field(\Goal.title, "The goal as the report words it.")
        case .theme: Field(\Goal.theme, .identifier, "A theme id (content/teman/<id>.md), to group goals across reports.")
        case .verdict: Field(\Goal.verdict, "The report's verdict; leave out when the report gives none (shown as ej bedömt).")
        case .indicators: Field(\Goal.indicators, "The indicators the report follows the goal with.")
        }
    }
}

extension Goal.Verdict: SchemaDescribing {
    static var definitionName: String { "verdict" }
    static var meaning: String { "The verdict in the report's words." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .term: Field(\Goal.Verdict.term, "One of the terms of the municipality's verdict_scale, e.g. mycket god.")
        case .quote: Field(\Goal.Verdict.quote, "The sentence that gives the verdict, verbatim.")
        case .line: Field(\Goal.Verdict.line, "The 1-based line of that sentence in the source text.")
        }
    }
}

extension Goal.Indicator: SchemaDescribing {
    static var definitionName: String { "indicator" }
    static var meaning: String { "An indicator of a goal, with its outcome and target." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .name: Field(\Goal.Indicator.name, "The indicator as the report names it.")
        case .unit: Field(\Goal.Indicator.unit, "The unit of outcome and target.")
        case .period: Field(\Goal.Indicator.period, "The time the outcome covers, as the report gives it: dates, or {label: \"…\"} with its words only.")
        case .outcome: Field(\Goal.Indicator.outcome, "The outcome: a plain number, or words such as Ja.")
        case .target: Field(\Goal.Indicator.target, "The target: a plain number, or words such as Minska.")
        case .trend: Field(\Goal.Indicator.trend, "The trend as the report states it, e.g. Positiv.")
        case .breakdown: Field(\Goal.Indicator.breakdown, "A part of the whole, e.g. kvinnor.")
        case .note: Field(\Goal.Indicator.note, "A remark in Swedish.")
        case .source: Field(\Goal.Indicator.source, "Where the indicator stands in the source text.")
        }
    }
}
