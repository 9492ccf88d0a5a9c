/// One headline figure of a report, typed: what was measured, the number, its unit and period.
public struct Figure: Decodable, Sendable, Hashable {
    public enum Basis: String, Keyword {
        case utfall, budget, prognos, avvikelse, mål
        public static var keyName: String { "basis" }
    }

    /// How the report signs the value relative to the metric's definition.
    public enum Sign: String, Keyword {
        case asMetric = "as-metric", inverted
        public static var keyName: String { "sign" }
    }

    public let id: Located<String>?
    public let metric: Located<String>
    public let basis: Basis
    public let value: Located<ReportedNumber>
    public let unit: Located<MeasureUnit>
    public let period: Located<Period>
    public let sign: Sign?
    public let breakdown: String?
    public let note: String?
    public let source: SourceReference
    public let contradicts: Located<String>?
    public let contradiction: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, metric, basis, value, unit, period, sign, breakdown, note, source, contradicts, contradiction
    }
}
