/// Front matter of `content/kommuner/<id>.md`.
public struct MunicipalityMatter: Decodable, Sendable, Hashable {
    public let name: String
    public let shortName: String
    public let committeeScope: String
    public let verdictScale: [VerdictTerm]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, shortName = "short_name", committeeScope = "committee_scope", verdictScale = "verdict_scale"
    }

    /// One word of a municipality's own verdict scale and the common level it means.
    public struct VerdictTerm: Decodable, Sendable, Hashable {
        public let term: String
        public let level: Located<String>
        enum CodingKeys: String, CodingKey, CaseIterable { case term, level }
    }
}

/// Front matter of `content/bedomningsskala.md`: the common verdict scale.
public struct ScaleMatter: Decodable, Sendable, Hashable {
    public let title: String
    public let description: String?
    public let levels: [Level]

    enum CodingKeys: String, CodingKey, CaseIterable { case title, description, levels }

    public struct Level: Decodable, Sendable, Hashable {
        public let id: Located<String>
        public let label: String
        public let description: String
        enum CodingKeys: String, CodingKey, CaseIterable { case id, label, description }
    }
}

/// Front matter of `content/jamfor/<id>.md`: one metric of the vocabulary.
public struct MetricMatter: Decodable, Sendable, Hashable {
    public let title: String
    public let unit: MeasureUnit
    public let definition: String
    public let higherIsBetter: Bool?
    public let themes: [Located<String>]?
    /// How each municipality's figure differs, keyed by municipality id.
    public let differences: [String: String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, unit, definition, higherIsBetter = "higher_is_better", themes, differences
    }
}

/// Front matter of `content/teman/<id>.md`.
public struct ThemeMatter: Decodable, Sendable, Hashable {
    public let title: String
    public let description: String
    enum CodingKeys: String, CodingKey, CaseIterable { case title, description }
}

/// Front matter of a free-standing page such as `content/index.md` or `content/tillganglighet.md`.
public struct PageMatter: Decodable, Sendable, Hashable {
    public let title: String
    public let description: String?
    /// The start page's heading over the reports; `{antal}` becomes their number in words.
    /// Without it the heading is computed ("De fyra rapporterna sida vid sida").
    public let reportsHeading: String?
    /// The start page's notice about the reports' different periods, shown when they differ.
    public let notice: String?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, reportsHeading = "reports_heading", notice
    }
}
