import Foundation
import Testing
@testable import ReportKit

/// Numbers, years, dates, source lines and tables that used to be accepted (issue #16, defect 8).
@Suite struct NumberAndReferenceTests {
    static let ekonomi = "content/testby-2022/ekonomi.md"

    /// The base site's ekonomi.md with `original` replaced by `replacement`; its errors.
    func errors(replacing original: String, with replacement: String, in path: String = ekonomi) throws -> [String] {
        let site = try TestSite()
        defer { site.remove() }
        let url = site.root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(original), "the fixture no longer holds \(original)")
        try text.replacingOccurrences(of: original, with: replacement).write(to: url, atomically: true, encoding: .utf8)
        return site.build(write: false).errors
    }

    @Test(arguments: [
        ("+12", "write numbers without a plus sign, found \"+12\"; write 12"),
        ("08", "a number has no leading zeros, found \"08\"; write 8 (or put it in quotes if it is a code, not a number)"),
        ("007.50", "a number has no leading zeros, found \"007.50\"; write 7.50 (or put it in quotes if it is a code, not a number)"),
        ("-05.6", "a number has no leading zeros, found \"-05.6\"; write -5.6 (or put it in quotes if it is a code, not a number)"),
        ("123456789012345678", "number \"123456789012345678\" is too large: it has 18 digits, and at most 17 are kept exactly"),
        ("123456789012345678901234567890", "number \"123456789012345678901234567890\" is too large: it has 30 digits, and at most 17 are kept exactly"),
        ("1234567890.12345678", "number \"1234567890.12345678\" is too large: it has 18 digits, and at most 17 are kept exactly"),
    ])
    func refusedFigureValues(value: String, message: String) throws {
        #expect(try errors(replacing: "value: 5.6", with: "value: \(value)") == ["\(Self.ekonomi):25:12: error: \(message)"])
    }

    @Test func refusedTableCellsAndTargets() throws {
        let cell = try errors(replacing: "rows:\n", with: "rows:\n      - [Plus, +12, 08, 1]\n")
        #expect(cell.contains("\(Self.ekonomi):41:16: error: write numbers without a plus sign, found \"+12\"; write 12"), "\(cell)")
        #expect(cell.contains("\(Self.ekonomi):41:21: error: a number has no leading zeros, found \"08\"; write 8 (or put it in quotes if it is a code, not a number)"), "\(cell)")
        #expect(ReportedNumber(parsing: "0.5") == ReportedNumber(scaled: 5, decimals: 1))
        #expect(ReportedNumber(parsing: "-0.25") == ReportedNumber(scaled: -25, decimals: 2))
        #expect(ReportedNumber(parsing: "0") == ReportedNumber(scaled: 0, decimals: 0))
    }

    @Test func quotedYearIsRefusedLikeAQuotedNumber() throws {
        let index = "content/testby-2022/index.md"
        #expect(try errors(replacing: "year: 2022", with: "year: '2022'", in: index)
            == ["\(index):6:7: error: expected a whole number, found the text \"2022\" in quotes; write it without quotes"])
        #expect(try errors(replacing: "period: 2022\ndnr", with: "period: '2022'\ndnr", in: index)
            == ["\(index):7:9: error: expected a whole number, found the text \"2022\" in quotes; write it without quotes"])
        #expect(try errors(replacing: "value: 5.6", with: "value: '5.6'")
            == ["\(Self.ekonomi):25:12: error: expected a number, found the text \"5.6\" in quotes; write it without quotes"])
    }

    /// Year 0 or 99999 is one error at `year:`, not one per figure and period.
    @Test(arguments: ["0", "99999", "1899", "2201"])
    func impossibleYearIsOneError(year: String) throws {
        let index = "content/testby-2022/index.md"
        #expect(try errors(replacing: "year: 2022", with: "year: \(year)", in: index)
            == ["\(index):6:7: error: year \(year) is outside 1900–2200; check the year"])
    }

    @Test(arguments: [
        ("2018-02-30", "February has 28 days in 2018, so 2018-02-30 is no date"),
        ("2020-02-30", "February has 29 days in 2020, so 2020-02-30 is no date"),
        ("2018-04-31", "April has 30 days in 2018, so 2018-04-31 is no date"),
        ("2018-13-01", "there is no month 13 in 2018-13-01: months are 01–12"),
        ("2018-01-00", "there is no day 00 in 2018-01-00: days start at 01"),
        ("0000-01-01", "year 0 is outside 1900–2200; check the year"),
        ("2018-1-1", "expected a date written YYYY-MM-DD, found \"2018-1-1\""),
    ])
    func impossibleDates(date: String, message: String) throws {
        let index = "content/testby-2022/index.md"
        let errors = try errors(replacing: "dnr: SN 2023/1", with: "dnr: SN 2023/1\ndecision_date: \(date)", in: index)
        #expect(errors == ["\(index):9:16: error: \(message)"])
    }

    @Test(arguments: [
        ("{line: -5, quote: \"5,6\"}", "20", "source line -5 does not exist: lines are counted from 1, the first line of the report's text"),
        ("{line: 0, quote: \"5,6\"}", "20", "source line 0 does not exist: lines are counted from 1, the first line of the report's text"),
        ("{lines: [9, 2], quote: \"5,6\"}", "21", "source lines [9, 2] go backwards; write them in order, e.g. [2, 9]"),
        ("{lines: [9, 0], quote: \"5,6\"}", "25", "source line 0 does not exist: lines are counted from 1, the first line of the report's text"),
    ])
    func impossibleSourceLines(source: String, column: String, message: String) throws {
        let errors = try errors(replacing: "source: {line: 32, quote: \"5,6\"}", with: "source: \(source)")
        #expect(errors == ["\(Self.ekonomi):28:\(column): error: \(message)"])
    }

    /// The base site with the `drift` table's `key:` block (its indented lines) replaced.
    func tableErrors(emptying key: String) throws -> [String] {
        let site = try TestSite()
        defer { site.remove() }
        let url = site.root.appendingPathComponent(Self.ekonomi)
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "    \(key):"))
        let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix("      ") } ?? lines.endIndex
        lines.replaceSubrange(start..<end, with: ["    \(key): []"])
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return site.build(write: false).errors
    }

    @Test func emptyTablesAreRefused() throws {
        let noRows = try tableErrors(emptying: "rows")
        #expect(noRows.contains("\(Self.ekonomi):30:9: error: table \"drift\" has no rows; add its rows, or, if the report's table really is empty, say so under missing:"), "\(noRows)")
        let noColumns = try tableErrors(emptying: "columns")
        #expect(noColumns.contains("\(Self.ekonomi):30:9: error: table \"drift\" has no columns; a table needs at least one column"), "\(noColumns)")
    }
}
