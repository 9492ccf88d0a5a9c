/// A goal (kommunfullmäktige or nämnd level) with the committee's own verdict.
public struct Goal: Decodable, Sendable, Hashable {
    public enum Level: String, Keyword {
        case kf, nämnd
        public static var keyName: String { "level" }
    }

    public let id: Located<String>
    public let level: Level
    public let parent: Located<String>?
    public let title: String
    public let theme: Located<String>
    public let verdict: Verdict?
    public let indicators: [Indicator]?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, level, parent, title, theme, verdict, indicators }

    /// The verdict in the report's words; `term` is looked up in the municipality's scale.
    public struct Verdict: Decodable, Sendable, Hashable {
        public let term: Located<String>
        public let quote: String
        public let line: Int
        enum CodingKeys: String, CodingKey, CaseIterable { case term, quote, line }
    }

    public struct Indicator: Decodable, Sendable, Hashable {
        public let name: String
        public let unit: Located<MeasureUnit>?
        /// Dates, or the report's words only (`{label: "Utfall 07- 2020"}`), as for a figure.
        public let period: Located<FigurePeriod>?
        public let outcome: Located<Target>?
        public let target: Target?
        public let trend: String?
        /// A part of the whole, e.g. kvinnor.
        public let breakdown: String?
        public let note: String?
        public let source: SourceReference?
        enum CodingKeys: String, CodingKey, CaseIterable { case name, unit, period, outcome, target, trend, breakdown, note, source }
    }

    /// A target or outcome: a number ("0") or words ("Minska", "Ja").
    public enum Target: Decodable, Sendable, Hashable {
        case number(ReportedNumber)
        case text(String)

        public init(from decoder: Decoder) throws {
            if let scalar = (decoder as? NodeDecoder)?.scalar, scalar.style == .plain,
               let number = ReportedNumber(parsing: scalar.string) {
                self = .number(number)
            } else {
                self = .text(try decoder.singleValueContainer().decode(String.self))
            }
        }
    }
}
