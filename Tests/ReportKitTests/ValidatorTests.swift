import Foundation
import Testing
@testable import ReportKit

/// The consistency rules, one case each, with the exact diagnostic a communicator sees.
@Suite struct ValidatorTests {
    static let ekonomi = "content/testby-2022/ekonomi.md"

    /// Builds the base site with `old` replaced by `new` in ekonomi.md (and `files` added).
    func check(_ old: String, _ new: String, files: [String: String] = [:]) throws -> [String] {
        let site = try TestSite(files: files)
        defer { site.remove() }
        let path = site.root.appendingPathComponent(Self.ekonomi)
        let text = try String(contentsOf: path, encoding: .utf8)
        if !old.isEmpty {
            #expect(text.contains(old), "fixture no longer contains \(old)")
            try site.write(Self.ekonomi, text.replacingOccurrences(of: old, with: new))
        }
        return site.build(write: false).lines
    }

    @Test func baseSiteIsClean() throws {
        #expect(try check("", "") == [])
    }

    @Test func unknownMetric() throws {
        #expect(try check("metric: budgetavvikelse", "metric: budgetavvikelsen") == [
            "content/testby-2022/ekonomi.md:23:13: error: unknown metric \"budgetavvikelsen\"; did you mean \"budgetavvikelse\"?",
        ])
    }

    @Test func unitThatDoesNotFitTheMetric() throws {
        #expect(try check("    value: 5.6\n    unit: mnkr", "    value: 5.6\n    unit: \"%\"") == [
            "content/testby-2022/ekonomi.md:26:11: error: unit \"%\" does not fit metric \"budgetavvikelse\", which is measured in mnkr",
        ])
    }

    @Test func rowSumOff() throws {
        #expect(try check("[Vuxna, -460.0, -464.4, -4.4]", "[Vuxna, -460.0, -465.4, -5.4]") == [
            "content/testby-2022/ekonomi.md:43:26: error: rows add up to -1055.4 in column \"utfall\" but row \"Summa\" says -1054.4; if the report really prints these numbers, record it in the table's contradictions (row, column and a note)",
            "content/testby-2022/ekonomi.md:43:35: error: rows add up to 4.6 in column \"avvikelse\" but row \"Summa\" says 5.6; if the report really prints these numbers, record it in the table's contradictions (row, column and a note)",
        ])
    }

    @Test func tableDeviationOff() throws {
        #expect(try check("[Barn och unga, -600.0, -590.0, 10.0]", "[Barn och unga, -600.0, -590.0, 12.0]") == [
            "content/testby-2022/ekonomi.md:41:41: error: row \"Barn och unga\": utfall − budget = -590.0 − -600.0 = 10 but avvikelse says 12.0; if the report really prints these numbers, record it in the table's contradictions (row, column and a note)",
            "content/testby-2022/ekonomi.md:43:35: error: rows add up to 7.6 in column \"avvikelse\" but row \"Summa\" says 5.6; if the report really prints these numbers, record it in the table's contradictions (row, column and a note)",
        ])
    }

    @Test func figureDeviationOff() throws {
        #expect(try check("    value: 5.6", "    value: 6.6") == [
            "content/testby-2022/ekonomi.md:25:12: error: budget − utfall = 5.6 but budgetavvikelse is 6.6 mnkr: nettokostnad budget 1060.0 mnkr (content/testby-2022/ekonomi.md:18), nettokostnad utfall -1054.4 mnkr (content/testby-2022/ekonomi.md:10); if the report really states these, record it with contradicts: and contradiction:",
        ])
    }

    @Test func recordedContradictionWarnsInstead() throws {
        let lines = try check("    value: 5.6\n    unit: mnkr\n    period: 2022\n",
                              "    value: 6.6\n    unit: mnkr\n    period: 2022\n    contradicts: netto\n    contradiction: Texten säger 6,6 men tabellen ger 5,6.\n")
        #expect(lines == [
            "content/testby-2022/ekonomi.md:25:12: warning: recorded contradiction: budget − utfall = 5.6 but budgetavvikelse is 6.6 mnkr: nettokostnad budget 1060.0 mnkr (content/testby-2022/ekonomi.md:18), nettokostnad utfall -1054.4 mnkr (content/testby-2022/ekonomi.md:10) — Texten säger 6,6 men tabellen ger 5,6.",
        ])
    }

    @Test func recordedContradictionThatDoesNotOccurIsAnError() throws {
        let lines = try check("    value: 5.6\n    unit: mnkr\n    period: 2022\n",
                              "    value: 5.6\n    unit: mnkr\n    period: 2022\n    contradicts: netto\n    contradiction: Påstådd motsägelse.\n")
        #expect(lines == [
            "content/testby-2022/ekonomi.md:28:18: error: recorded contradiction does not occur: budgetavvikelse utfall 5.6 mnkr (content/testby-2022/ekonomi.md:25) and nettokostnad utfall -1054.4 mnkr (content/testby-2022/ekonomi.md:10) agree within rounding (or are not the same measure); remove its contradicts and contradiction",
        ])
    }

    @Test func twoFiguresForTheSameThingMustAgree() throws {
        let extra = """
              - metric: nettokostnad
                basis: utfall
                value: 1055.9
                unit: mnkr
                period: 2022
                source: {line: 33, quote: "1 055,9"}
            tables:
            """
        #expect(try check("tables:", extra) == [
            "content/testby-2022/ekonomi.md:31:12: error: nettokostnad utfall 1055.9 mnkr (content/testby-2022/ekonomi.md:31) disagrees with nettokostnad utfall -1054.4 mnkr (content/testby-2022/ekonomi.md:10); if the report really states both, record it with contradicts: and contradiction:",
        ])
    }

    @Test func percentageOutOfRange() throws {
        let metric = "---\ntitle: Sjukfrånvaro\nunit: \"%\"\ndefinition: Andel av arbetstiden.\nkind: share\nsign: non-negative\nbase: ordinarie-arbetstid\narea: personal\n---\nText.\n"
        let extra = """
              - metric: sjukfranvaro
                basis: utfall
                value: 107.6
                unit: "%"
                period: 2022
                base: ordinarie-arbetstid
                source: {line: 33, quote: "107,6"}
            tables:
            """
        #expect(try check("tables:", extra, files: ["content/jamfor/sjukfranvaro.md": metric]) == [
            "content/testby-2022/ekonomi.md:31:12: error: percentage 107.6 is outside 0–100",
        ])
    }

    @Test func periodOutsideTheReportYear() throws {
        #expect(try check("    value: 1060.0\n    unit: mnkr\n    period: 2022", "    value: 1060.0\n    unit: mnkr\n    period: 2021") == [
            "content/testby-2022/ekonomi.md:20:13: error: period 2021-01-01–2021-12-31 lies outside the report year 2022; figures of other years belong in a table",
        ])
    }

    /// A kind of a figure's own must be one its metric admits; a stock's date lies in the report year.
    @Test func kindTheMetricDoesNotAdmitAndDateOutsideTheYear() throws {
        let stock = "---\ntitle: Antal anställda\nunit: personer\ndefinition: Antal anställda.\nkind: stock\nsign: non-negative\narea: personal\n---\nText.\n"
        let extra = """
              - metric: antal-anstallda
                basis: utfall
                value: 577
                unit: personer
                kind: average
                period: 2022
                source: {line: 33, quote: "577"}
              - metric: antal-anstallda
                basis: utfall
                value: 221
                unit: personer
                date: 2021-12-31
                source: {line: 34, quote: "221"}
            tables:
            """
        #expect(try check("tables:", extra, files: ["content/jamfor/antal-anstallda.md": stock]) == [
            "content/testby-2022/ekonomi.md:33:11: error: kind average is not a kind metric \"antal-anstallda\" admits (kind: stock); if the report really measures it as average, add it to other_kinds in content/jamfor/antal-anstallda.md so it is compared apart",
            "content/testby-2022/ekonomi.md:40:11: error: date 2021-12-31 lies outside the report year 2022; figures of other years belong in a table",
        ])
        let admitted = stock.replacingOccurrences(of: "kind: stock\n", with: "kind: stock\nother_kinds: [average]\n")
        #expect(try check("tables:", extra.replacingOccurrences(of: "2021-12-31", with: "2022-12"),
                          files: ["content/jamfor/antal-anstallda.md": admitted]) == [])
    }

    @Test func rollingYearEndingInTheReportYearIsAccepted() throws {
        #expect(try check("    value: 1060.0\n    unit: mnkr\n    period: 2022",
                          "    value: 1060.0\n    unit: mnkr\n    period: {start: 2021-12-01, end: 2022-11-30, label: rullande år}") == [])
    }

    @Test func verdictTermMustBeInTheMunicipalityScale() throws {
        #expect(try check("term: uppfyllt", "term: helt uppfyllt") == [
            "content/testby-2022/ekonomi.md:55:21: error: verdict term \"helt uppfyllt\" is not in testby's verdict_scale (content/kommuner/testby.md); did you mean \"delvis uppfyllt\"?",
        ])
    }

    @Test func everyBadListElementIsReported() throws {
        let lines = try check("    basis: budget", "    basis: budgett")
            + (try check("    basis: utfall\n    value: -1054.4", "    basis: utfall\n    value: mycket"))
        #expect(lines == [
            "content/testby-2022/ekonomi.md:17:12: error: basis \"budgett\" is not one of utfall, budget, prognos, avvikelse, mål; did you mean \"budget\"?",
            "content/testby-2022/ekonomi.md:10:12: error: expected a number, found \"mycket\"",
        ])
    }

    @Test func textNumberInATableCell() throws {
        #expect(try check("[Vuxna, -460.0, -464.4, -4.4]", "[Vuxna, \"-460,0\", -464.4, -4.4]") == [
            "content/testby-2022/ekonomi.md:42:17: error: a number in a table is written as a plain number, not \"-460,0\"; write -460.0",
        ])
    }
}

@Suite struct PlaceholderSearchTests {
    @Test(arguments: [("", false), ("FYLL", false), ("FYLL I", true), ("xFYLL I", true), ("FYLLFYLL I: text", true),
                      ("Åsa FYLL I", true), ("FYLL  I", false), ("fyll i", false), ("…FYLL", false)])
    func findsTheMarkerInTheUTF8(text: String, found: Bool) {
        #expect(Placeholders.mentionsMarker(text) == found)
    }
}
