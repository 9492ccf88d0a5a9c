/// One headline figure of a report, typed: what was measured, the number, its unit and period.
public struct Figure: Decodable, Sendable, Hashable {
    public enum Basis: String, Keyword {
        case utfall, budget, prognos, avvikelse, mål
        public static var keyName: String { "basis" }
    }

    /// How the report signs the value relative to the metric's definition.
    public enum Sign: String, Keyword {
        case asMetric = "as-metric", inverted
        /// The report prints a negative value without its minus sign (a deficit written 0,2 %).
        case minusOmitted = "minus-omitted"
        public static var keyName: String { "sign" }

        /// True when the metric's value is the negative of the number printed.
        public var negates: Bool { self != .asMetric }
    }

    public let id: Located<String>?
    public let metric: Located<String>
    public let basis: Basis
    public let value: Located<ReportedNumber>
    public let unit: Located<MeasureUnit>
    /// The period a flow, share or average covers; nil for a stock, which has `date`.
    public let period: Located<FigurePeriod>?
    /// The point in time a stock is measured at.
    public let date: Located<PointInTime>?
    /// The denominator of a share, when the metric is one.
    public let base: Located<Base>?
    /// The figure's kind when the report measures it differently from its metric's own kind
    /// (one of the metric's `other_kinds`); nil means the metric's kind.
    public let kind: Located<MetricKind>?
    /// Why the figure cannot be compared with other reports' although it has the metric's
    /// kind and base (e.g. the report does not say what it counts), in Swedish.
    public let notComparable: String?
    public let sign: Sign?
    public let breakdown: String?
    public let note: String?
    public let source: SourceReference
    public let contradicts: Located<String>?
    public let contradiction: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, metric, basis, value, unit, period, sign, breakdown, note, source, contradicts, contradiction
        case date, base, kind, notComparable = "not_comparable"
    }

    /// The figure's dated period, when it has one.
    public var dates: Period? { period?.value.dates }
}
