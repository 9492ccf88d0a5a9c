import Foundation
import Testing
@testable import ReportKit

/// Tables from CSV files as Swedish Excel and LibreOffice save them.
@Suite struct CSVTableTests {
    /// A section whose table `drift` reads `drift.csv` (with these bytes), decoded on its own.
    static func decode(_ csv: [UInt8], extra: String = "") -> (Table?, [String]) {
        let section = """
            ---
            title: Ekonomi
            summarises: Ekonomi
            source: {lines: [1, 2]}
            tables:
              - id: drift
                caption: Drift
                unit: mnkr
                source: {lines: [1, 2]}
                file: drift.csv
            \(extra)---
            Text.

            """
        let file = SourceFile(relativePath: "r-2022/ekonomi.md", displayPath: "content/r-2022/ekonomi.md", text: section)
        let data = DataFile(relativePath: "r-2022/drift.csv", displayPath: "content/r-2022/drift.csv", bytes: csv)
        var diagnostics: [Diagnostic] = []
        var used: [String: DataFile] = [:]
        let document = ContentDecoder.decodeDocument(file, as: SectionMatter.self, dataFiles: [data.relativePath: data],
                                                     used: &used, into: &diagnostics)
        return (document?.matter.tables?.first, diagnostics.map(\.description))
    }

    static func decode(_ csv: String, extra: String = "") -> (Table?, [String]) {
        decode(Array(csv.utf8), extra: extra)
    }

    /// Every cell after the label, as front-matter notation ("-1054.4"), "null" for no value.
    static func values(_ table: Table?) -> [[String]] {
        (table?.rows ?? []).map { row in
            row.cells.dropFirst().map { cell in
                switch cell.content {
                case .number(let number): number.description
                case .missing: "null"
                case .text(let text): "text:\(text)"
                }
            }
        }
    }

    @Test func semicolonsDecimalCommasAndBothMinusSigns() {
        let (table, problems) = Self.decode("Verksamhet;Budget;Utfall\nBarn;−600,0;-590,25\nVuxna;+12;0,5\n")
        #expect(problems == [])
        #expect(table?.columns.map(\.id.value) == ["verksamhet", "budget", "utfall"])
        #expect(table?.columns.map(\.label) == ["Verksamhet", "Budget", "Utfall"])
        #expect(table?.rows.map(\.label) == ["Barn", "Vuxna"])
        #expect(Self.values(table) == [["-600.0", "-590.25"], ["12", "0.5"]])
    }

    @Test(arguments: [("space", " "), ("no-break space", "\u{A0}"), ("narrow no-break space", "\u{202F}")])
    func thousandsSeparators(name: String, separator: String) {
        let (table, problems) = Self.decode("Rad;Belopp\nA;1\(separator)054,4\nB;−12\(separator)345\(separator)678\n")
        #expect(problems == [], "\(name)")
        #expect(Self.values(table) == [["1054.4"], ["-12345678"]], "\(name)")
    }

    @Test func wronglyGroupedThousandsAreNotANumber() {
        let (_, problems) = Self.decode("Rad;Belopp\nA;10 54,4\n")
        #expect(problems == ["content/r-2022/drift.csv:2:3: error: \"10 54,4\" in column \"Belopp\" is not a number; write numbers as Excel shows them (1 054,4 or −17,6) and leave the field empty where the report gives no value"])
    }

    @Test(arguments: [("tab", "\t"), ("comma", ","), ("semicolon", ";")])
    func separatorsAreRecognised(name: String, separator: String) {
        let (table, problems) = Self.decode(["Rad", "Budget", "Utfall"].joined(separator: separator) + "\n"
                                            + ["A", "\"1,5\"", "2"].joined(separator: separator) + "\n")
        #expect(problems == [], "\(name)")
        #expect(Self.values(table) == [["1.5", "2"]], "\(name)")
    }

    @Test func excelsSepLineNamesTheSeparator() {
        let (table, problems) = Self.decode("sep=|\nRad|Belopp\nA|−3,5\n")
        #expect(problems == [])
        #expect(Self.values(table) == [["-3.5"]])
        #expect(table?.rows.first?.location.line == 3)
    }

    @Test func byteOrderMarkAndCRLF() {
        let (table, problems) = Self.decode([0xEF, 0xBB, 0xBF] + Array("Rad;Belopp\r\nÅr;5,0\r\n".utf8))
        #expect(problems == [])
        #expect(table?.columns.first?.label == "Rad")
        #expect(table?.rows.first?.label == "År")
        #expect(Self.values(table) == [["5.0"]])
    }

    @Test func windows1252() {
        // "Särskilt boende;−1 054,4" as Swedish Excel saves plain CSV: ä is 0xE4, the minus a hyphen.
        let bytes: [UInt8] = Array("Rad;Belopp\nS".utf8) + [0xE4] + Array("rskilt boende;-1 054,4\n".utf8)
        let (table, problems) = Self.decode(bytes)
        #expect(problems == [])
        #expect(table?.rows.first?.label == "Särskilt boende")
        #expect(Self.values(table) == [["-1054.4"]])
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        let csv = "Rad;\"Utfall; helår\"\n\"Vuxna; äldre\";1\n\"Så kallade \"\"övriga\"\"\";2\n\"Två\nrader\";3\nSista;4,0\n"
        let (table, problems) = Self.decode(csv)
        #expect(problems == [])
        #expect(table?.columns.map(\.label) == ["Rad", "Utfall; helår"])
        #expect(table?.rows.map(\.label) == ["Vuxna; äldre", "Så kallade \"övriga\"", "Två\nrader", "Sista"])
        // Positions follow the text, across the line break inside a quoted field.
        #expect(table?.rows.map(\.location.line) == [2, 3, 4, 6])
        #expect(table?.rows.last?.cells.last.map { "\($0.location.line):\($0.location.column)" } == "6:7")
    }

    @Test func emptyFieldsAndDashesAreNoValue() {
        let (table, problems) = Self.decode("Rad;A;B;C\nX;;–;7*\n;;;\n")
        #expect(problems == [])
        #expect(Self.values(table) == [["null", "null", "7"]])
        #expect(table?.rows.first?.cells.last?.note == "*")
    }

    @Test func badCellIsReportedAtItsLineAndColumn() {
        let (table, problems) = Self.decode("Rad;Budget;Utfall\n\"Vuxna; äldre\";−460,0;ca 464\n")
        #expect(table == nil)
        #expect(problems == ["content/r-2022/drift.csv:2:23: error: \"ca 464\" in column \"Utfall\" is not a number; write numbers as Excel shows them (1 054,4 or −17,6) and leave the field empty where the report gives no value"])
    }

    @Test func malformedQuotingIsReportedWhereTheFieldStarts() {
        let (_, problems) = Self.decode("Rad;Belopp\nA;\"12\"3\n")
        #expect(problems == ["content/r-2022/drift.csv:2:3: error: a quoted field must end with a quote followed by the separator or the end of the line (write a quote inside a quoted field as \"\")"])
    }

    @Test func shortLineAndWrongColumnCount() {
        let (_, short) = Self.decode("Rad;A;B\nX;1\n")
        #expect(short == ["content/r-2022/drift.csv:2:1: error: this line has 2 fields but the first line has 3 column headings; every line needs one field per column (an empty field where the report gives no value)"])
        let (_, declared) = Self.decode("Rad;A\nX;1\n", extra: "    columns:\n      - {id: rad, label: Rad}\n")
        #expect(declared == ["content/r-2022/ekonomi.md:12:14: error: the file has 2 columns (\"Rad\", \"A\") but columns: lists 1; give one entry per column of the file, or leave columns: out to use the headings"])
    }

    @Test func missingFileHasADidYouMean() {
        let section = "---\ntitle: E\nsummarises: E\nsource: {lines: [1, 2]}\ntables:\n  - {id: d, caption: D, source: {line: 1}, file: drif.csv}\n---\n"
        let file = SourceFile(relativePath: "r-2022/ekonomi.md", displayPath: "content/r-2022/ekonomi.md", text: section)
        let data = DataFile(relativePath: "r-2022/drift.csv", displayPath: "content/r-2022/drift.csv", bytes: [])
        var diagnostics: [Diagnostic] = []
        var used: [String: DataFile] = [:]
        _ = ContentDecoder.decodeDocument(file, as: SectionMatter.self, dataFiles: [data.relativePath: data], used: &used, into: &diagnostics)
        #expect(diagnostics.map(\.description) == ["content/r-2022/ekonomi.md:6:50: error: there is no file \"drif.csv\" beside this page; did you mean \"drift.csv\"?"])
    }

    @Test func figureTakesItsValueFromACell() {
        let figures = """
            figures:
              - metric: nettokostnad
                basis: utfall
                value: {table: drift, row: Summa, column: Utfall}
                unit: mnkr
                period: 2022
                source: {line: 1}

            """
        let (table, problems) = Self.decode("Rad;Utfall\nSumma;−1 054,4\n", extra: figures)
        #expect(problems == [])
        #expect(table?.rows.first?.cells[1].number?.description == "-1054.4")
        let section = Self.decodeSection("Rad;Utfall\nSumma;−1 054,4\n", extra: figures)
        #expect(section?.figures?.first?.value.value == table?.rows.first?.cells[1].number)
    }

    static func decodeSection(_ csv: String, extra: String) -> SectionMatter? {
        let text = "---\ntitle: E\nsummarises: E\nsource: {lines: [1, 2]}\ntables:\n  - {id: drift, caption: D, source: {line: 1}, file: drift.csv}\n\(extra)---\n"
        let file = SourceFile(relativePath: "r-2022/ekonomi.md", displayPath: "content/r-2022/ekonomi.md", text: text)
        let data = DataFile(relativePath: "r-2022/drift.csv", displayPath: "content/r-2022/drift.csv", bytes: Array(csv.utf8))
        var diagnostics: [Diagnostic] = []
        var used: [String: DataFile] = [:]
        return ContentDecoder.decodeDocument(file, as: SectionMatter.self, dataFiles: [data.relativePath: data], used: &used,
                                             into: &diagnostics)?.matter
    }

    /// Haninge's driftredovisning was moved from inline rows to a CSV file: the site must be
    /// byte for byte the site the inline rows made.
    @Test func realTableMovedToCSVGivesTheSamePages() throws {
        let withCSV = try TestSite(base: nil)
        let inline = try TestSite(base: nil)
        defer { withCSV.remove(); inline.remove() }
        for site in [withCSV, inline] {
            try FileManager.default.removeItem(at: site.content)
            try FileManager.default.copyItem(at: RealContentTests.content, to: site.content)
        }
        let page = inline.content.appendingPathComponent("haninge-2022/ekonomi.md")
        let rows = try String(contentsOf: TestSite.fixtures.appendingPathComponent("csv-move/haninge-2022-driftredovisning-rows.yaml"), encoding: .utf8)
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.contains("    file: driftredovisning.csv\n"))
        try text.replacingOccurrences(of: "    file: driftredovisning.csv\n", with: rows).write(to: page, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: inline.content.appendingPathComponent("haninge-2022/driftredovisning.csv"))

        let a = withCSV.build(), b = inline.build()
        #expect(a.errors == [] && b.errors == [])
        let pagesA = TestSite.snapshot(withCSV.output), pagesB = TestSite.snapshot(inline.output)
        #expect(pagesA.count > 90)
        #expect(pagesA.keys.sorted() == pagesB.keys.sorted())
        for path in pagesA.keys.sorted() where pagesA[path] != pagesB[path] {
            Issue.record("\(path) differs between the CSV table and the inline table")
        }
    }

    /// import-table: the YAML it prints decodes into the same rows as the CSV file.
    @Test func importTablePrintsAnInlineTableWithTheSameCells() throws {
        let path = RealContentTests.content.appendingPathComponent("haninge-2022/driftredovisning.csv")
        let file = DataFile(relativePath: "driftredovisning.csv", displayPath: "driftredovisning.csv", bytes: Array(try Data(contentsOf: path)))
        let (yaml, problems) = TableImport.yaml(for: file)
        #expect(problems == [])
        let block = try #require(yaml)
        #expect(block.hasPrefix("  - id: driftredovisning\n    caption: \"FYLL I: tabellens rubrik, med enhet\"\n"))
        let text = "---\ntitle: E\nsummarises: E\nsource: {lines: [1, 2]}\ntables:\n\(block)---\n"
        var diagnostics: [Diagnostic] = []
        let inline = ContentDecoder.decodeDocument(SourceFile(relativePath: "r-2022/ekonomi.md", displayPath: "x.md", text: text),
                                                   as: SectionMatter.self, into: &diagnostics)?.matter.tables?.first
        #expect(diagnostics == [])
        let (csv, _) = CSVTable.read(file)
        #expect(inline?.rows.map { $0.cells.map(\.content) } == csv?.rows.map { $0.cells.map(\.content) })
        #expect(inline?.columns.map(\.label) == csv?.columns.map(\.label))
        #expect(inline?.rows.count == 8)
    }

    @Test func importTableChecksAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arsrapport-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Rad;Belopp\nA;1 054,4\nB;\n".utf8).write(to: folder.appendingPathComponent("t.csv"))
        try Data("Rad;Belopp\nA;ca 3\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let cli = CLITests()
        let good = try cli.run(["import-table", "--check", "t.csv"], in: folder)
        #expect(good.status == 0)
        #expect(good.stdout == """
            t.csv: UTF-8, fields separated by ;
            2 columns: Rad (rad), Belopp (belopp)
            2 rows: A, B
            1 numbers, 1 empty cells; every cell after the first column is a number or empty

            """)
        let bad = try cli.run(["import-table", "bad.csv"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr == "bad.csv:2:3: error: \"ca 3\" in column \"Belopp\" is not a number; write numbers as Excel shows them (1 054,4 or −17,6) and leave the field empty where the report gives no value\n")
    }
}
