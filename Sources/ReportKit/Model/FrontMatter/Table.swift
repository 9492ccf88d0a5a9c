/// A table of a report, transcribed cell by cell, or read from a CSV file beside the page
/// (`file: driftredovisning.csv`, see `CSVTableSpec`).
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
    /// The CSV file the rows were read from, as diagnostics name it; nil for an inline table.
    public let csvFile: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, caption, unit, period, source, columns, rows, checks, contradictions, missing, note
    }

    public init(id: Located<String>, caption: String, unit: Located<MeasureUnit>?, period: Located<FigurePeriod>?,
                source: SourceReference, columns: [Column], rows: [Row], checks: [Check]?,
                contradictions: [Contradiction]?, missing: String?, note: String?, csvFile: String? = nil) {
        self.id = id
        self.caption = caption
        self.unit = unit
        self.period = period
        self.source = source
        self.columns = columns
        self.rows = rows
        self.checks = checks
        self.contradictions = contradictions
        self.missing = missing
        self.note = note
        self.csvFile = csvFile
    }

    public init(from decoder: Decoder) throws {
        let node = decoder as? NodeDecoder
        do {
            if let node, node.node.hasKey(CSVTableSpec.CodingKeys.file.stringValue) {
                self = try CSVTable.read(try node.decodeValue(CSVTableSpec.self), in: node)
            } else {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                self.init(
                    id: try container.decode(Located<String>.self, forKey: .id),
                    caption: try container.decode(String.self, forKey: .caption),
                    unit: try container.decodeIfPresent(Located<MeasureUnit>.self, forKey: .unit),
                    period: try container.decodeIfPresent(Located<FigurePeriod>.self, forKey: .period),
                    source: try container.decode(SourceReference.self, forKey: .source),
                    columns: try container.decode([Column].self, forKey: .columns),
                    rows: try container.decode([Row].self, forKey: .rows),
                    checks: try container.decodeIfPresent([Check].self, forKey: .checks),
                    contradictions: try container.decodeIfPresent([Contradiction].self, forKey: .contradictions),
                    missing: try container.decodeIfPresent(String.self, forKey: .missing),
                    note: try container.decodeIfPresent(String.self, forKey: .note))
            }
        } catch {
            // A figure pointing into a table that failed is not reported again as unknown.
            if let node, let id = node.node.value(ofKey: CodingKeys.id.stringValue) { node.session.failedTables.insert(id) }
            throw error
        }
        node?.session.tables[id.value] = self
    }

    public struct Column: Decodable, Sendable, Hashable {
        public let id: Located<String>
        public let label: String
        public let unit: Located<MeasureUnit>?
        enum CodingKeys: String, CodingKey, CaseIterable { case id, label, unit }

        public init(id: Located<String>, label: String, unit: Located<MeasureUnit>?) {
            self.id = id
            self.label = label
            self.unit = unit
        }
    }

    /// A row: a list of cells (the first is the label), optionally with its own unit.
    public struct Row: Decodable, Sendable, Hashable {
        public let cells: [Cell]
        public let unit: Located<MeasureUnit>?
        public let location: SourceLocation
        /// Numbers written with a decimal comma in `[ ]`, which YAML reads as two cells each
        /// (`-300,0` → -300 and 0): said in the message when the row has too many cells.
        public let decimalCommas: [String]

        enum CodingKeys: String, CodingKey, CaseIterable { case cells, unit }

        public init(cells: [Cell], unit: Located<MeasureUnit>?, location: SourceLocation) {
            self.cells = cells
            self.unit = unit
            self.location = location
            decimalCommas = []
        }

        public init(from decoder: Decoder) throws {
            location = decoder.sourceLocation
            decimalCommas = (decoder as? NodeDecoder).map(DecimalComma.find) ?? []
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
                } else if scalar.style == .plain, ReportedNumber.looksLikeRefusedNumber(scalar.string) {
                    throw decoder.fail(ReportedNumber.explain(scalar.string))
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
