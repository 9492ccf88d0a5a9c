/// Front matter of `content/kommuner/<id>.md`.
public struct MunicipalityMatter: Decodable, Sendable, Hashable {
    public let name: String
    public let shortName: String
    public let committeeScope: String
    /// The areas of work the committee covers (besides `hela-namnden` and `personal`, which every one has):
    /// a metric of an area outside them is "ingår inte i nämndens ansvar", not missing.
    public let scope: [Located<Area>]
    public let verdictScale: [VerdictTerm]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, shortName = "short_name", committeeScope = "committee_scope", scope, verdictScale = "verdict_scale"
    }

    /// True when the committee covers `area`.
    public func covers(_ area: Area) -> Bool {
        area.isEveryCommittees || scope.contains { $0.value == area }
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
    /// What sort of quantity it is: flow, stock, share or average.
    public let kind: Located<MetricKind>
    /// Kinds a figure of this metric may declare instead (`kind:` on the figure), each then
    /// compared apart: a monthly average of a metric counted over the year.
    public let otherKinds: [Located<MetricKind>]?
    /// Whether a value can be negative in the metric's own convention.
    public let sign: Located<SignConvention>
    /// What a positive value means, for a signed metric ("överskott").
    public let positiveMeans: String?
    /// The denominator of a share; required for kind share.
    public let base: Located<Base>?
    /// Other denominators a figure may state (`base:` on the figure), each compared apart.
    public let otherBases: [Located<Base>]?
    /// The area of the committee's work the metric belongs to.
    public let area: Located<Area>
    /// Why a municipality's report has no value of the metric although its committee covers
    /// the area, by municipality id ("redovisar ett annat mått: årsplatser"); the page says it
    /// instead of "uppgift saknas".
    public let absent: [String: String]?
    /// True when a part-year report's forecast for the whole year may be charted beside
    /// other reports' full-year outcomes (labelled "prognos för helåret").
    public let forecastComparable: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, unit, definition, higherIsBetter = "higher_is_better", themes, differences
        case kind, otherKinds = "other_kinds", sign, positiveMeans = "positive_means", base, otherBases = "other_bases"
        case area, forecastComparable = "forecast_comparable", absent
    }

    /// The kinds a figure of the metric may have.
    public var kinds: [MetricKind] { [kind.value] + (otherKinds ?? []).map(\.value) }

    /// The bases a figure of the metric may state. `ej-angiven` is always allowed besides
    /// them: a report may give a percentage without its base, and it is then compared apart.
    public var bases: [Base] { (base.map { [$0.value] } ?? []) + (otherBases ?? []).map(\.value) }
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
    enum CodingKeys: String, CodingKey, CaseIterable { case title, description }
}
