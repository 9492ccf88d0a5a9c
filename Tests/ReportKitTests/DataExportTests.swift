import Testing
@testable import ReportKit

@Suite struct DataExportTests {
    @Test(arguments: [
        ("plain", "plain"), ("1054.4", "1054.4"), ("-17.6", "-17.6"), ("-x", "'-x"), ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"), ("@a", "'@a"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""), ("crlf\r\nline", "\"crlf\r\nline\""), ("Årsredovisning", "Årsredovisning"),
        ("a,\u{301}b", "\"a,\u{301}b\""),
    ])
    func csvFieldQuotesWhatACSVReaderWouldSplit(input: String, expected: String) {
        #expect(DataExport.csvField(input) == expected)
    }
}
