extension Figure: SchemaDescribing {
    static var definitionName: String { "figure" }
    static var meaning: String { "A headline figure: what was measured, the number as printed, its unit and period." }

    static func field(_ key: CodingKeys) -> Field {
        switch key {
        case .id: Field(\Figure.id, .identifier, "Unique within the report; needed only when another figure refers to this one.")
        case .metric: Field(\Figure.metric, .identifier, "Id of the metric, the name of its file content/jamfor/<metric>.md, e.g. nettokostnad.")
        case .basis: Field(\Figure.basis,
                           "What the number is: utfall, budget, prognos, avvikelse or mål. For a deviation metric (budgetavvikelse): utfall or prognos, whose deviation it is.")
        case .value: Field(\Figure.value, "The figure exactly as the report prints it; the program converts units and signs.")
        case .unit: Field(\Figure.unit, "The unit the report gives the figure in; it must fit the metric.")
        case .period: Field(\Figure.period,
                            "The time a flow, share or average covers, as the report gives it: it ends in the report year and spans at most 12 months. A stock has date instead.")
        case .date: Field(\Figure.date, "The point in time a stock (kind: stock) is measured at, in the report year.")
        case .base: Field(\Figure.base, "What a share is a share of; required when the metric is a share. ej-angiven when the report does not say.")
        case .kind: Field(\Figure.kind, "Only when the report measures it differently from the metric: one of the metric's other_kinds; the figure is then compared apart.")
        case .notComparable: Field(\Figure.notComparable,
                                   "Why the figure cannot be compared with other reports' (e.g. the report does not say what it counts), in Swedish; it is then listed apart with this reason.")
        case .sign: Field(\Figure.sign,
                          "as-metric (the default); inverted when the report signs the value opposite to the metric's definition, e.g. a cost written as -243,0; minus-omitted when it prints a negative value without its minus sign.")
        case .breakdown: Field(\Figure.breakdown, "A part of the whole, e.g. kvinnor, män, barn och unga.")
        case .note: Field(\Figure.note, "A remark in Swedish.")
        case .source: Field(\Figure.source, "Where the figure stands in the source text.")
        case .contradicts: Field(\Figure.contradicts, .identifier, "Id of another figure that the report contradicts this one with; needs contradiction.")
        case .contradiction: Field(\Figure.contradiction, "What the report states in each place, in Swedish; needs contradicts.")
        }
    }

    static var keptTogether: [CodingKeys] { [.contradicts, .contradiction] }
}
