/// The units a figure may be reported in. The list is fixed so that a typo is caught and
/// so that the program knows which units convert into each other.
public enum MeasureUnit: String, Sendable, Hashable, CaseIterable, Decodable {
    case mnkr, mkr, tkr, kr
    case procent = "%"
    case procentenheter, antal, personer, hushåll, dagar, veckor, månader, år, timmar
    case årsplaceringar, årsplatser, årsboende, insatser, index

    /// Units of one dimension convert into each other; others never compare.
    public enum Dimension: Sendable, Hashable { case money, other(MeasureUnit) }

    public var dimension: Dimension {
        switch self {
        case .mnkr, .mkr, .tkr, .kr: return .money
        default: return .other(self)
        }
    }

    /// Kronor per unit, for money.
    public var kronor: Double? {
        switch self {
        case .mnkr, .mkr: return 1_000_000
        case .tkr: return 1_000
        case .kr: return 1
        default: return nil
        }
    }

    /// Converts `value` in this unit into `target`, or nil when the dimensions differ.
    public func convert(_ value: Double, to target: MeasureUnit) -> Double? {
        if self == target { return value }
        guard let from = kronor, let to = target.kronor else { return nil }
        return value * from / to
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let unit = MeasureUnit(rawValue: text) else {
            throw CatalogueError.notOneOf("unit", text, MeasureUnit.allCases.map(\.rawValue))
        }
        self = unit
    }
}

/// Where in the source report a value stands: the page of the original document, and/or the
/// 1-based lines of its text version (the `.txt` in shared/seeds). Shown by `Citation`.
public struct SourceReference: Sendable, Hashable, Decodable {
    public let line: Int?
    public let lines: [Int]?
    /// The page of the original document (its PDF), as printed on the page: for a reader who
    /// follows the link to `document_url`.
    public let page: Int?
    /// A verbatim piece of that line, so that a reader (and a test) can find the value.
    public let quote: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case line, lines, page, quote }

    public init(line: Int?, lines: [Int]?, page: Int? = nil, quote: String?) {
        self.line = line
        self.lines = lines
        self.page = page
        self.quote = quote
    }

    /// Lines are counted from 1 and a range goes forwards: `line: 0` or `lines: [9, 2]` would
    /// be published as "rad 0" or "rad 9–2".
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line = try container.decodeIfPresent(SourceLine.self, forKey: .line)?.number
        lines = try container.decodeIfPresent(SourceLineList.self, forKey: .lines)?.numbers
        page = try container.decodeIfPresent(SourcePage.self, forKey: .page)?.number
        quote = try container.decodeIfPresent(String.self, forKey: .quote)
    }
}

/// A line number of a source report's text: 1 or more.
struct SourceLine: Decodable {
    let number: Int

    init(from decoder: Decoder) throws {
        number = try decoder.singleValueContainer().decode(Int.self)
        if number < 1 {
            throw Self.failure(decoder, MessagePart(.sourceLineZero, "\(number)"))
        }
    }

    static func failure(_ decoder: Decoder, _ message: MessagePart) -> Error {
        (decoder as? NodeDecoder)?.fail(message) ?? CatalogueError([message])
    }
}

/// A page of the original document, counted from 1 as a PDF viewer counts them.
struct SourcePage: Decodable {
    let number: Int

    init(from decoder: Decoder) throws {
        number = try decoder.singleValueContainer().decode(Int.self)
        if number < 1 {
            throw SourceLine.failure(decoder, MessagePart(.pageZero, "\(number)"))
        }
    }
}

/// Source lines in reading order: `[532, 570]`, never `[9, 2]`.
struct SourceLineList: Decodable {
    let numbers: [Int]

    init(from decoder: Decoder) throws {
        numbers = try [SourceLine](from: decoder).map(\.number)
        if zip(numbers, numbers.dropFirst()).contains(where: { $0 > $1 }) {
            let written = numbers.map(String.init).joined(separator: ", ")
            throw SourceLine.failure(decoder, MessagePart(.linesBackwards, written, numbers.sorted().map(String.init).joined(separator: ", ")))
        }
    }
}

/// A lowercase id that is also a URL segment: `a-z`, `0-9` and single `-` between them.
public enum Identifier {
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
