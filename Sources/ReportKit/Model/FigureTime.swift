import Yams

/// The time a figure covers, as its report states it (issue #12). Kept apart from `Period`
/// (LocalDate.swift), which tables and goals share: a figure may state its period only in
/// words, and a stock is at a date, not over a period.

/// `period:` of a figure: dates (a year or start/end, decoded as `Period`), or only the
/// report's words, `{label: "Utfall 07-2020"}`, with no dates made up.
public enum FigurePeriod: Sendable, Hashable, Decodable {
    case dated(Period)
    case words(String)

    enum CodingKeys: String, CodingKey, CaseIterable { case start, end, label }

    public init(from decoder: Decoder) throws {
        // Looked at on the node, not through a container: opening one reports unknown keys,
        // and `Period` opens its own.
        if let node = decoder as? NodeDecoder, case .mapping(let mapping) = node.node,
           !mapping.keys.contains(where: { $0.string == "start" || $0.string == "end" }) {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self = .words(try container.decode(String.self, forKey: .label))
            return
        }
        self = .dated(try Period(from: decoder))
    }

    /// The dates, when the report gives them.
    public var dates: Period? {
        if case .dated(let period) = self { return period }
        return nil
    }

    /// As a page states it: the report's words, else the dates ("1 januari–31 augusti 2020").
    public var text: String {
        switch self {
        case .dated(let period): period.label ?? NumberFormat.period(period)
        case .words(let words): words
        }
    }

    /// The report's own name for the period, if any.
    public var label: String? {
        switch self {
        case .dated(let period): period.label
        case .words(let words): words
        }
    }
}

/// `date:` of a figure: the day (`2023-12-31`) or month (`2023-12`) a stock is measured at,
/// or the report's words with the date they determine: `{on: 2020-01-01, label: "IB 2020"}`.
public struct PointInTime: Sendable, Hashable, Decodable {
    public let year: Int
    public let month: Int
    /// Nil when the report names only the month ("per december").
    public let day: Int?
    /// The report's own words, e.g. "IB eget kapital 2020".
    public let label: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case on, label }

    public init(year: Int, month: Int, day: Int?, label: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.label = label
    }

    public init(from decoder: Decoder) throws {
        if let node = decoder as? NodeDecoder, node.scalar == nil {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let on = try container.decode(PointInTime.self, forKey: .on)
            self.init(year: on.year, month: on.month, day: on.day,
                      label: try container.decodeIfPresent(String.self, forKey: .label))
            return
        }
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let point = Self(parsing: text) else {
            throw CatalogueError(.notADateOrMonth, text)
        }
        self = point
    }

    /// `2023-12-31` or `2023-12`.
    init?(parsing text: String) {
        if let date = LocalDate(parsing: text) {
            self.init(year: date.year, month: date.month, day: date.day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
              let month = Int(parts[1]), LocalDate(year: year, month: month, day: 1) != nil else { return nil }
        self.init(year: year, month: month, day: nil)
    }

    /// "31 december 2023" or "december 2023".
    public var spelled: String {
        let month = LocalDate.monthNames[month - 1]
        return day.map { "\($0) \(month) \(year)" } ?? "\(month) \(year)"
    }

    /// As in the open data: `2023-12-31` or `2023-12`.
    public var iso: String {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return "\(year)-\(mm)" }
        return "\(year)-\(mm)-\(day < 10 ? "0" : "")\(day)"
    }
}
