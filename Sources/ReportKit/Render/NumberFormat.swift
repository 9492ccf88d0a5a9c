/// Swedish (sv-SE) presentation of numbers: `1 054,4`, `−17,6`, `7,6 %`.
///
/// A no-break space separates thousands and the unit, so a number never wraps inside itself,
/// and the minus is U+2212 as Swedish typography wants.
public enum NumberFormat {
    static let noBreakSpace = "\u{00A0}"
    static let minus = "\u{2212}"
    /// What the site says where a report gives no value.
    public static let missing = "uppgift saknas"

    /// `1054.4` → `1 054,4`, keeping the decimals the report printed.
    public static func format(_ number: ReportedNumber) -> String {
        let plain = number.description
        let negative = plain.hasPrefix("-")
        let digits = negative ? plain.dropFirst() : plain[...]
        let parts = digits.split(separator: ".", maxSplits: 1)
        let whole = parts[0]
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped += noBreakSpace }
            grouped.append(character)
        }
        let fraction = parts.count > 1 ? "," + parts[1] : ""
        return (negative ? minus : "") + grouped + fraction
    }

    /// A computed value (a normalised figure) with a fixed number of decimals.
    public static func format(_ value: Double, decimals: Int) -> String {
        let scaled = (value * pow10(decimals)).rounded()
        guard scaled.magnitude < 1e17 else { return missing }
        var number = ReportedNumber(scaled: Int64(scaled), decimals: decimals)
        if number.scaled == 0 { number = ReportedNumber(scaled: 0, decimals: decimals) }  // no "−0,0"
        return format(number)
    }

    /// `7,6 %`, `1 054,4 mnkr`: the number and its unit, joined by a no-break space.
    public static func format(_ number: ReportedNumber, unit: MeasureUnit?) -> String {
        withUnit(format(number), unit)
    }

    public static func withUnit(_ text: String, _ unit: MeasureUnit?) -> String {
        guard let unit else { return text }
        return text + noBreakSpace + unit.rawValue
    }

    /// `format` for an optional value: "uppgift saknas" when the report gives none.
    public static func format(_ number: ReportedNumber?, unit: MeasureUnit?) -> String {
        number.map { format($0, unit: unit) } ?? missing
    }

    /// `1 kB`, `12 kB`: a download's size as a link names it (whole kilobytes, at least 1).
    public static func fileSize(_ bytes: Int) -> String {
        "\(max(1, (bytes + 999) / 1000))\(noBreakSpace)kB"
    }

    /// `31 december 2023`.
    public static func longDate(_ date: LocalDate) -> String {
        "\(date.day) \(LocalDate.monthNames[date.month - 1]) \(date.year)"
    }

    /// `1 januari–31 augusti 2020`, or `2022` for a calendar year.
    public static func period(_ period: Period) -> String {
        if period.isWholeYear { return "\(period.start.year)" }
        let start = period.start.year == period.end.year
            ? "\(period.start.day) \(LocalDate.monthNames[period.start.month - 1])"
            : longDate(period.start)
        return "\(start)–\(longDate(period.end))"
    }
}
