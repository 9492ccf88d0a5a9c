import Testing
@testable import ReportKit

@Suite struct NumberFormatTests {
    func number(_ text: String) -> ReportedNumber { ReportedNumber(parsing: text)! }

    @Test(arguments: [
        ("1054.4", "1\u{A0}054,4"), ("-17.6", "\u{2212}17,6"), ("0", "0"), ("0.0", "0,0"), ("243.0", "243,0"),
        ("1234567", "1\u{A0}234\u{A0}567"), ("-1013290", "\u{2212}1\u{A0}013\u{A0}290"), ("999", "999"),
        ("1000", "1\u{A0}000"), ("0.05", "0,05"), ("-0.4", "\u{2212}0,4"), ("12.50", "12,50"),
    ])
    func formatsSwedish(input: String, expected: String) {
        #expect(NumberFormat.format(number(input)) == expected)
    }

    @Test func percentagesAndUnitsAreJoinedWithNoBreakSpace() {
        #expect(NumberFormat.format(number("7.6"), unit: .procent) == "7,6\u{A0}%")
        #expect(NumberFormat.format(number("-1054.4"), unit: .mnkr) == "\u{2212}1\u{A0}054,4\u{A0}mnkr")
    }

    @Test func missingValue() {
        #expect(NumberFormat.format(nil, unit: .mnkr) == "uppgift saknas")
    }

    @Test func computedValues() {
        #expect(NumberFormat.format(-0.04, decimals: 1) == "0,0")
        #expect(NumberFormat.format(4.95, decimals: 2) == "4,95")
        #expect(NumberFormat.format(-1234.5, decimals: 1) == "\u{2212}1\u{A0}234,5")
    }

    @Test func datesAndPeriods() {
        let start = LocalDate(year: 2020, month: 1, day: 1)!
        let end = LocalDate(year: 2020, month: 8, day: 31)!
        #expect(NumberFormat.longDate(LocalDate(year: 2023, month: 12, day: 31)!) == "31 december 2023")
        #expect(NumberFormat.period(Period(start: start, end: end)) == "1 januari–31 augusti 2020")
        #expect(NumberFormat.period(Period(start: start, end: LocalDate(year: 2020, month: 12, day: 31)!)) == "2020")
    }

    @Test func parsingKeepsDecimalsAndRejectsFormattedText() {
        #expect(number("243.0").decimals == 1)
        #expect(number("-0.25").scaled == -25)
        for text in ["1 054,4", "1,054.4", "12,5", "1.2.3", "", "-", ".5", "5.", "1e3", "−17"] {
            #expect(ReportedNumber(parsing: text) == nil, "\(text)")
        }
        #expect(ReportedNumber.plainNotation("1 054,4") == "1054.4")
        #expect(ReportedNumber.plainNotation("1,054.4") == "1054.4")
        #expect(ReportedNumber.plainNotation("−17,6") == "-17.6")
    }

    @Test func exactUnitConversion() {
        #expect(number("4950").converted(from: .tkr, to: .mnkr)?.description == "4.950")
        #expect(number("1.5").converted(from: .mnkr, to: .tkr)?.description == "1500")
        #expect(number("28.5").converted(from: .mkr, to: .mnkr)?.description == "28.5")
        #expect(number("3").converted(from: .antal, to: .mnkr) == nil)
    }
}
