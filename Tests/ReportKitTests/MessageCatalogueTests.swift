import Foundation
import Testing
@testable import ReportKit

/// The Swedish and English message catalogues: the same keys and arguments in both, every
/// content problem of the invalid fixtures made from them, and a fixture's messages in Swedish.
@Suite struct MessageCatalogueTests {
    /// `{1}`, `{2}`… in `text`, in order of their numbers.
    static func placeholders(_ text: String) -> [Int] {
        (1...20).filter { text.contains("{\($0)}") }
    }

    @Test func everyKeyHasATextInBothLanguagesWithTheSameArguments() {
        #expect(Set(Catalogue.english.keys) == Set(MessageKey.allCases))
        #expect(Set(Catalogue.swedish.keys) == Set(MessageKey.allCases))
        for key in MessageKey.allCases {
            let english = Catalogue.english[key] ?? "", swedish = Catalogue.swedish[key] ?? ""
            #expect(!english.isEmpty && !swedish.isEmpty, "\(key)")
            #expect(Self.placeholders(english) == Self.placeholders(swedish), "\(key): \(english) / \(swedish)")
            // {1}…{n} with none left out: an argument a text skips is an argument lost.
            let used = Self.placeholders(english)
            #expect(used == Array(1..<(used.count + 1)), "\(key) numbers its arguments with a gap: \(english)")
        }
    }

    @Test func argumentsArePutInPlaceAndPhrasesTranslated() {
        let part = MessagePart(.expectedFound, arguments: [.part(MessagePart(.whatList)), .text("\"{2}\"")])
        #expect(part.text(in: .english) == "expected a list, found \"{2}\"")
        #expect(part.text(in: .swedish) == "här ska stå en lista, men det står \"{2}\"")
        let diagnostic = Diagnostic.error([MessagePart(.unknownRow, "Sum"), MessagePart(.didYouMean, "Summa")],
                                          at: SourceLocation(path: "a.md", line: 1, column: 1))
        #expect(diagnostic.message == "unknown row \"Sum\"; did you mean \"Summa\"?")
        #expect(diagnostic.message(in: .swedish) == "raden \"Sum\" finns inte; menar du \"Summa\"?")
        #expect(diagnostic.messageKey == .unknownRow)
    }

    /// Messages deliberately left outside the catalogues, by the start of their English text.
    /// Empty: every diagnostic the invalid fixtures produce is a communicator's to read. (The
    /// only uncatalogued diagnostics in Sources/ are a schema type's own bugs, reported by
    /// `DecodingSession.record`; no content can produce them.)
    static let uncataloguedAllowed: [String] = []

    @Test(arguments: FixtureTests.invalidCases)
    func everyDiagnosticOfAnInvalidFixtureIsCatalogued(name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.apply(overlay: FixtureTests.invalid.appendingPathComponent(name))
        let result = site.build(write: false)
        #expect(!result.diagnostics.isEmpty)
        for diagnostic in result.diagnostics {
            let allowed = Self.uncataloguedAllowed.contains { diagnostic.message.hasPrefix($0) }
            #expect(diagnostic.messageKey != nil || allowed, "not in the catalogues: \(diagnostic)")
            // The English text is the catalogue's; the Swedish one has every argument in place.
            #expect(diagnostic.message(in: .english) == diagnostic.message)
            let swedish = diagnostic.message(in: .swedish)
            #expect(swedish.firstMatch(of: /\{[0-9]+\}/) == nil, "\(swedish)")
            #expect(diagnostic.messageKey == nil || swedish != diagnostic.message, "not translated: \(diagnostic)")
        }
    }

    /// A fixture with problems from many stages (decoding, figure and table rules, goals,
    /// links), in Swedish, compared with its exact expected text.
    @Test func severalRulesInSwedish() throws {
        let site = try TestSite()
        defer { site.remove() }
        let fixture = FixtureTests.invalid.appendingPathComponent("several-rules")
        try site.apply(overlay: fixture)
        let result = site.build(write: false)
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected.sv.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(result.diagnostics.map { $0.description(in: .swedish) } == expected)
        #expect(Set(result.diagnostics.compactMap(\.messageKey)).count >= 8, "the fixture should show many different rules")
    }

    @Test func importTableCheckInSwedish() {
        let file = DataFile(relativePath: "t.csv", displayPath: "t.csv", bytes: Array("Verksamhet;Utfall\nVuxna;-464,4\nSumma;\n".utf8))
        let (text, diagnostics) = TableImport.summary(of: file, in: .swedish)
        #expect(diagnostics.isEmpty)
        #expect(text == """
            t.csv: UTF-8, fälten åtskilda med ;
            2 kolumner: Verksamhet (verksamhet), Utfall (utfall)
            2 rader: Vuxna, Summa
            1 tal, 1 tomma celler; varje cell efter första kolumnen är ett tal eller tom

            """)
    }
}
