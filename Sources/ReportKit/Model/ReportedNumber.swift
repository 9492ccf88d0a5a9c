/// A number exactly as a report printed it: its value and how many decimals it showed.
///
/// Kept as a scaled integer so that sums and differences are exact and `243,0` stays `243,0`.
public struct ReportedNumber: Sendable, Hashable, Comparable, Decodable, CustomStringConvertible {
    /// The value times 10^decimals: 243,0 is (2430, 1).
    public let scaled: Int64
    public let decimals: Int

    public init(scaled: Int64, decimals: Int) {
        self.scaled = scaled
        self.decimals = decimals
    }

    /// The most digits a number may have: every value up to 17 digits is exact in an Int64
    /// scaled by its decimals.
    static let maximumDigits = 17

    /// Parses front-matter notation: `-1054.4`, `1267`, `8.20`, `0.5`. Refuses a plus sign,
    /// leading zeros (`08`, `007.50`: a misread code or date, not what a report prints) and
    /// more than 17 digits; `explain` says which.
    public init?(parsing text: some StringProtocol) {
        guard let (sign, whole, fraction) = Self.split(text), sign != "+",
              whole == "0" || whole.first != "0",
              whole.count + fraction.count <= Self.maximumDigits,
              let magnitude = Int64(String(whole) + String(fraction)) else { return nil }
        self.init(scaled: sign == "-" ? -magnitude : magnitude, decimals: fraction.count)
    }

    /// `-12.50` → ("-", "12", "50"); `+12` → ("+", "12", ""); nil unless it is an optional
    /// sign, digits, and optionally a point and more digits.
    static func split(_ text: some StringProtocol) -> (sign: String, whole: Substring, fraction: Substring)? {
        let text = Substring(text)
        let sign = text.first == "-" || text.first == "+" ? String(text.prefix(1)) : ""
        let unsigned = text.dropFirst(sign.count)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || (!fraction.isEmpty && fraction.allSatisfy(\.isASCIIDigit)) else { return nil }
        return (sign, whole, fraction)
    }

    /// True for text written as a number (`+12`, `08`, a 30-digit number) that `init(parsing:)`
    /// still refuses: an error to report, never a text to show.
    static func looksLikeRefusedNumber(_ text: String) -> Bool {
        split(text) != nil && ReportedNumber(parsing: text) == nil
    }

    public init(from decoder: Decoder) throws {
        guard let decoder = decoder as? NodeDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a number"))
        }
        if case .mapping = decoder.node {  // {table: …, row: …, column: …}
            self = try decoder.decodeValue(TableCellReference.self).resolve(in: decoder.session)
            return
        }
        guard let scalar = decoder.scalar, !decoder.node.isNull else {
            throw Self.failure(decoder, DecodingSession.expected(.whatNumber, found: decoder.node))
        }
        if let number = ReportedNumber(parsing: scalar.string), scalar.style == .plain || scalar.style == .any {
            self = number
            return
        }
        if ReportedNumber(parsing: scalar.string) != nil {
            throw Self.failure(decoder, MessagePart(.quotedNumber, scalar.string))
        }
        throw Self.failure(decoder, Self.explain(scalar.string))
    }

    private static func failure(_ decoder: any ScalarDecoder, _ message: MessagePart) -> ReportedError {
        decoder.session.report(message, at: decoder.node)
        return ReportedError()
    }

    /// The most helpful message for text that is not a plain number.
    static func explain(_ text: String) -> MessagePart {
        let found = "\"\(FrontMatterSplitter.excerpt(text[...]))\""
        if let (sign, whole, fraction) = split(text) {
            if sign == "+" {
                return MessagePart(.plusSign, found, "\(whole)\(fraction.isEmpty ? "" : "." + fraction)")
            }
            if whole.count > 1, whole.first == "0" {
                let trimmed = whole.drop { $0 == "0" }
                let fixed = (sign == "-" ? "-" : "") + (trimmed.isEmpty ? "0" : String(trimmed)) + (fraction.isEmpty ? "" : "." + fraction)
                return MessagePart(.leadingZeros, found, fixed)
            }
            if whole.count + fraction.count > maximumDigits {
                return MessagePart(.tooManyDigits, found, "\(whole.count + fraction.count)", "\(maximumDigits)")
            }
        }
        let hasDigits = text.contains(where: \.isASCIIDigit)
        if hasDigits, text.contains(",") || text.contains(" ") || text.contains("\u{A0}") || text.contains("−") {
            if let plain = ReportedNumber.plainNotation(text) { return MessagePart(.notPlainNumberWrite, found, plain) }
            return MessagePart(.notPlainNumber, found)
        }
        return MessagePart(.expectedFound, arguments: [.part(MessagePart(.whatNumber)), .text(found)])
    }

    /// `1 054,4` → `1054.4`, `1,054.4` → `1054.4`, `−17,6` → `-17.6`: the fix to suggest.
    static func plainNotation(_ text: String) -> String? {
        var cleaned = text.replacingAll("−", with: "-").filter { $0 != " " && $0 != "\u{A0}" }
        if cleaned.contains("."), cleaned.contains(",") {
            cleaned = cleaned.filter { $0 != "," }
        } else {
            cleaned = cleaned.replacingAll(",", with: ".")
        }
        return ReportedNumber(parsing: cleaned) == nil ? nil : cleaned
    }

    public var doubleValue: Double { Double(scaled) / pow10(decimals) }

    public var isNegative: Bool { scaled < 0 }

    public func negated() -> ReportedNumber { ReportedNumber(scaled: -scaled, decimals: decimals) }

    /// This value with at least `decimals` decimals (exact: only appends zeros).
    public func rescaled(to decimals: Int) -> ReportedNumber {
        guard decimals > self.decimals else { return self }
        return ReportedNumber(scaled: scaled * Int64(pow10(decimals - self.decimals)), decimals: decimals)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        let d = max(lhs.decimals, rhs.decimals)
        return lhs.rescaled(to: d).scaled < rhs.rescaled(to: d).scaled
    }

    /// `1054.4` in front-matter notation.
    public var description: String {
        let magnitude = String(scaled.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - magnitude.count)) + magnitude
        let whole = padded.dropLast(decimals)
        let fraction = padded.suffix(decimals)
        return (scaled < 0 ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "")
    }
}

func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(exponent, 0) { result *= 10 }
    return result
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
