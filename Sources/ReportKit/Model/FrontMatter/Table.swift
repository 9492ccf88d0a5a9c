/// A table of a report, transcribed cell by cell.
public struct Table: Decodable, Sendable, Hashable {
    public let id: Located<String>
    public let caption: String
    public let unit: Located<MeasureUnit>?
    /// Dates, or the report's words only (`{label: "augusti 2020"}`), as for a figure.
    public let period: Located<FigurePeriod>?
    public let source: SourceReference
    public let columns: [Column]
    public let rows: [Row]
    public let checks: [Check]?
    public let contradictions: [Contradiction]?
    /// What could not be transcribed, said plainly.
    public let missing: String?
    /// The report's footnotes to the table, or a remark on how it was transcribed.
    public let note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, caption, unit, period, source, columns, rows, checks, contradictions, missing, note
    }

    public struct Column: Decodable, Sendable, Hashable {
        public let id: Located<String>
        public let label: String
        public let unit: Located<MeasureUnit>?
        enum CodingKeys: String, CodingKey, CaseIterable { case id, label, unit }
    }

    /// A row: a list of cells (the first is the label), optionally with its own unit.
    public struct Row: Decodable, Sendable, Hashable {
        public let cells: [Cell]
        public let unit: Located<MeasureUnit>?
        public let location: SourceLocation

        enum CodingKeys: String, CodingKey, CaseIterable { case cells, unit }

        public init(from decoder: Decoder) throws {
            location = decoder.sourceLocation
            if case .sequence = (decoder as? NodeDecoder)?.node {
                var container = try decoder.unkeyedContainer()
                var cells: [Cell] = []
                while !container.isAtEnd { cells.append(try container.decode(Cell.self)) }
                self.cells = cells
                self.unit = nil
            } else {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                cells = try container.decode([Cell].self, forKey: .cells)
                unit = try container.decodeIfPresent(Located<MeasureUnit>.self, forKey: .unit)
            }
        }

        /// The row's label: its first cell as text.
        public var label: String {
            switch cells.first?.content {
            case .text(let text): return text
            case .number(let number): return number.description
            default: return ""
            }
        }
    }

    /// One cell: a number as printed, text, or nothing stated ("uppgift saknas").
    public struct Cell: Decodable, Sendable, Hashable {
        public enum Content: Sendable, Hashable {
            case number(ReportedNumber)
            case text(String)
            case missing
        }

        public let content: Content
        /// The report's footnote mark on the value, e.g. "*".
        public let note: String?
        public let location: SourceLocation

        enum CodingKeys: String, CodingKey, CaseIterable { case value, note }

        public init(content: Content, note: String? = nil, location: SourceLocation) {
            self.content = content
            self.note = note
            self.location = location
        }

        public init(from decoder: Decoder) throws {
            guard let decoder = decoder as? NodeDecoder else { throw ReportedError() }
            location = decoder.sourceLocation
            if decoder.node.isNull {
                content = .missing
                note = nil
            } else if let scalar = decoder.scalar {
                if scalar.style == .plain, let number = ReportedNumber(parsing: scalar.string) {
                    content = .number(number)
                } else {
                    content = .text(scalar.string)
                }
                note = nil
            } else {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                let inner = try container.decode(Cell.self, forKey: .value)
                content = inner.content
                note = try container.decodeIfPresent(String.self, forKey: .note)
            }
        }

        public var number: ReportedNumber? {
            if case .number(let number) = content { return number }
            return nil
        }
    }

    /// A rule the validator verifies on the table's numbers.
    public struct Check: Decodable, Sendable, Hashable {
        /// Columns whose part rows add up to the total row.
        public let sum: [Located<String>]?
        public let total: Located<String>?
        public let parts: [Located<String>]?
        /// A column that equals `minuend − subtrahend`, row by row.
        public let difference: Located<String>?
        public let minuend: Located<String>?
        public let subtrahend: Located<String>?
        public let location: SourceLocation

        enum CodingKeys: String, CodingKey, CaseIterable { case sum, total, parts, difference, minuend, subtrahend }

        public init(from decoder: Decoder) throws {
            location = decoder.sourceLocation
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sum = try container.decodeIfPresent([Located<String>].self, forKey: .sum)
            total = try container.decodeIfPresent(Located<String>.self, forKey: .total)
            parts = try container.decodeIfPresent([Located<String>].self, forKey: .parts)
            difference = try container.decodeIfPresent(Located<String>.self, forKey: .difference)
            minuend = try container.decodeIfPresent(Located<String>.self, forKey: .minuend)
            subtrahend = try container.decodeIfPresent(Located<String>.self, forKey: .subtrahend)
        }
    }

    /// A check failure that the report really contains, recorded so the build warns instead of failing.
    public struct Contradiction: Decodable, Sendable, Hashable {
        public let row: Located<String>
        public let column: Located<String>
        public let note: String
        enum CodingKeys: String, CodingKey, CaseIterable { case row, column, note }
    }
}
