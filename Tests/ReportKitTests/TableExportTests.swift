import Foundation
import Testing
@testable import ReportKit

/// Each table's own CSV file, and the break opportunities that keep a table's columns narrow.
@Suite struct TableExportTests {
    @Test func spreadsheetTextHasPlainMinusAndNoSpaceInsideNumbers() {
        #expect(TableExport.spreadsheetText("−1\u{00A0}054,4") == "-1054,4")
        #expect(TableExport.spreadsheetText("7,6\u{00A0}%") == "7,6 %")
        #expect(TableExport.spreadsheetText("1\u{00A0}054,4\u{00A0}mnkr") == "1054,4 mnkr")
    }

    @Test func fieldsAreQuotedAndFormulasDefused() {
        #expect(TableExport.field("a;b") == "\"a;b\"")
        #expect(TableExport.field("sa \"x\"") == "\"sa \"\"x\"\"\"")
        #expect(TableExport.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(TableExport.field("-1054,4") == "-1054,4")
        #expect(TableExport.field("-cmd") == "'-cmd")
    }

    @Test func csvHasHeaderRowsAndEmptyFieldsForMissingValues() {
        let grid = TableExport.Grid(header: ["Verksamhet", "Utfall"], rows: [
            [TableExport.Cell(text: "Barn och unga"), TableExport.Cell(text: "−600,0", numeric: true)],
            [TableExport.Cell(text: "Vuxna"), TableExport.Cell(text: "–", stated: false)],
            [TableExport.Cell(text: "Totalt"), TableExport.Cell(text: "12", note: "*", numeric: true)],
        ])
        let text = String(decoding: TableExport.csv(grid), as: UTF8.self)
        #expect(text == "\u{FEFF}Verksamhet;Utfall\r\nBarn och unga;-600,0\r\nVuxna;\r\nTotalt;12 *\r\n")
    }

    @Test func sizeIsSaidInKilobytes() {
        #expect(TableExport.sizeLabel(bytes: 40) == "0,1\u{00A0}kB")
        #expect(TableExport.sizeLabel(bytes: 2_100) == "2,1\u{00A0}kB")
        #expect(TableExport.sizeLabel(bytes: 23_456) == "23\u{00A0}kB")
    }

    @Test func compoundsBreakAtTheirJointsOnly() {
        let hyphen = "\u{00AD}"
        #expect(CompoundBreaks.marked("förvaltningsgemensamma") == "förvaltnings\(hyphen)gemensamma")
        #expect(CompoundBreaks.marked("hemlöshetskartläggningen") == "hemlöshets\(hyphen)kartläggningen")
        #expect(CompoundBreaks.marked("Budgetavvikelse") == "Budgetavvikelse")
        #expect(CompoundBreaks.marked("Nettokostnad") == "Nettokostnad")
        #expect(CompoundBreaks.marked("verksamhet/tjänster") == "verksamhet/\u{200B}tjänster")
        #expect(CompoundBreaks.marked("Intäkter, kostnader och netto") == "Intäkter, kostnader och netto")
    }

    /// Every table of every section page links to its own file, and the file exists.
    @Test func everyTableOfASectionLinksToItsCSV() throws {
        let root = ComparisonTests.built.output
        var tables = 0
        for report in ComparisonTests.built.content.reports {
            for section in report.sections {
                let path = "\(report.id)/\(section.kind.rawValue)/"
                let html = try ComparisonTests.page(path + "index.html")
                let count = html.components(separatedBy: "<table").count - 1
                let links = html.components(separatedBy: " download>Ladda ner tabellen (CSV, ").count - 1
                #expect(count == links, "\(path): \(count) tables, \(links) CSV links")
                tables += count
                for table in section.document.matter.tables ?? [] {
                    let file = root.appendingPathComponent(path + TableExport.fileName(of: table))
                    let rows = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n").dropLast()
                    #expect(rows.count == table.rows.count + 1, "\(file.path)")
                }
            }
        }
        #expect(tables > 100)
    }
}
