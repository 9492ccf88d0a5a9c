/// A calendar date without time or zone, as reports print them: `2023-12-31`.
public struct LocalDate: Sendable, Hashable, Comparable, Decodable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month),
              (1...LocalDate.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(parsing: text) else {
            throw CatalogueError([Self.explain(text)])
        }
        self = date
    }

    /// The years a report can be about; anything else is a typing mistake.
    static let years = 1900...2200

    /// Why `text` is no date: its shape, or which part is impossible.
    static func explain(_ text: String) -> MessagePart {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return MessagePart(.notADate, FrontMatterSplitter.excerpt(text[...]))
        }
        if let problem = yearProblem(year) { return problem }
        guard (1...12).contains(month) else { return MessagePart(.noSuchMonth, String(parts[1]), text) }
        let days = Self.days(inMonth: month, year: year)
        guard day >= 1 else { return MessagePart(.noDayZero, text) }
        let names: [MessageKey] = [.january, .february, .march, .april, .may, .june, .july, .august, .september, .october, .november, .december]
        return MessagePart(.monthDays, arguments: [.part(MessagePart(names[month - 1])), .text("\(days)"), .text("\(year)"), .text(text)])
    }

    /// Nil for a year in `years`, else why it is refused.
    static func yearProblem(_ year: Int) -> MessagePart? {
        years.contains(year) ? nil : MessagePart(.yearOutside, "\(year)", "\(years.lowerBound)", "\(years.upperBound)")
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Swedish month names, for `31 december 2023`.
    static let monthNames = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
                             "augusti", "september", "oktober", "november", "december"]
}

/// The time a figure covers: a calendar year, or an explicit start and end.
public struct Period: Sendable, Hashable, Decodable {
    public let start: LocalDate
    public let end: LocalDate
    /// How the report names the period, e.g. "utfall 07-2020".
    public let label: String?

    public init(start: LocalDate, end: LocalDate, label: String? = nil) {
        self.start = start
        self.end = end
        self.label = label
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case start, end, label }

    public init(from decoder: Decoder) throws {
        if let scalar = (decoder as? NodeDecoder)?.scalar {
            // A year is a whole number, read as `year:` is (no quotes, sign or leading zeros).
            guard let year = try? decoder.singleValueContainer().decode(Int.self) else { throw ReportedError() }
            if let problem = LocalDate.yearProblem(year) {
                throw CatalogueError([problem])
            }
            guard let start = LocalDate(year: year, month: 1, day: 1), let end = LocalDate(year: year, month: 12, day: 31) else {
                throw CatalogueError(.notAYear, scalar.string)
            }
            self.init(start: start, end: end)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(LocalDate.self, forKey: .start)
        let end = try container.decode(LocalDate.self, forKey: .end)
        guard start <= end else {
            throw CatalogueError(.periodBackwards, "\(end)", "\(start)")
        }
        self.init(start: start, end: end, label: try container.decodeIfPresent(String.self, forKey: .label))
    }

    /// True when the period is exactly one calendar year.
    public var isWholeYear: Bool {
        start.month == 1 && start.day == 1 && end.month == 12 && end.day == 31 && start.year == end.year
    }

    /// Number of whole months covered (an eight-month delårsrapport gives 8).
    public var months: Int {
        (end.year - start.year) * 12 + end.month - start.month + 1
    }
}
