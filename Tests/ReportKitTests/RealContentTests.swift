import Foundation
import Testing
@testable import ReportKit

/// The real four reports in `content/`: they build, and every figure can be found in the
/// municipality's own text (`../shared/seeds/`).
@Suite struct RealContentTests {
    static let content = TestSite.repository.appendingPathComponent("content")
    static let seeds = TestSite.repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static func decoded() -> Content {
        let loaded = ContentLoader(root: content, displayRoot: "content").load()
        return ContentDecoder.decode(loaded).0
    }

    /// The source reports live outside the repository, in `../shared/seeds/` (README, "Tests").
    struct SeedsMissing: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "the source reports are missing: these tests read them from \(path), a folder beside the repository (see the README's test section); put shared/seeds/ there"
        }
    }

    static func seedLines(_ document: String) throws -> [Substring] {
        guard FileManager.default.fileExists(atPath: seeds.path) else { throw SeedsMissing(path: seeds.path) }
        let text = try String(contentsOf: seeds.appendingPathComponent(document), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `−1 054,4` and `-1054.4` both become `1054.4`: the digits, however the report printed them.
    static func digits(_ text: some StringProtocol) -> String {
        String(text.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" && $0 != "−" && $0 != "-" && $0 != "+" })
            .replacingOccurrences(of: ",", with: ".")
    }

    @Test func realContentBuildsWithoutErrors() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("arsrapport-real-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = SiteBuilder.build(BuildOptions(content: Self.content, templates: TestSite.repository.appendingPathComponent("templates"),
                                                    output: output, displayRoot: TestSite.repository))
        #expect(result.errors == [])
        #expect(result.pagesWritten > 90)
        // Every warning is a contradiction the content records on purpose, and the list of
        // them is pinned: a new one, or one that disappears, is a change to review.
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.description)
        for warning in warnings { #expect(warning.contains(": warning: recorded contradiction"), "\(warning)") }
        let expectedFile = TestSite.fixtures.appendingPathComponent("real-content-warnings.txt")
        if ProcessInfo.processInfo.environment["ARSRAPPORT_UPDATE_FIXTURES"] == "1" {
            try (warnings.joined(separator: "\n") + "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(warnings == expected)
        #expect(warnings.count >= 50)
    }

    @Test func everyFigureQuoteStandsOnItsLineAndHoldsTheNumber() throws {
        let content = Self.decoded()
        #expect(content.reports.count == 4)
        var checked = 0
        for report in content.reports {
            let lines = try Self.seedLines(report.index.matter.source.document)
            for section in report.sections {
                for figure in section.document.matter.figures ?? [] {
                    let where_ = "\(section.document.file.displayPath): \(figure.metric.value) \(figure.value.value)"
                    guard let line = figure.source.line, let quote = figure.source.quote else {
                        Issue.record("\(where_) has no source line and quote")
                        continue
                    }
                    guard lines.indices.contains(line - 1) else {
                        Issue.record("\(where_): line \(line) is past the end of \(report.index.matter.source.document)")
                        continue
                    }
                    #expect(lines[line - 1].contains(quote), "\(where_): line \(line) does not contain \"\(quote)\"")
                    let number = figure.value.value.description.replacingOccurrences(of: "-", with: "")
                    #expect(Self.digits(quote).contains(number), "\(where_): quote \"\(quote)\" does not show \(number)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func everyVerdictQuoteStandsOnItsLine() throws {
        let content = Self.decoded()
        var checked = 0
        for report in content.reports {
            let lines = try Self.seedLines(report.index.matter.source.document)
            for section in report.sections {
                for goal in section.document.matter.goals ?? [] {
                    guard let verdict = goal.verdict else { continue }
                    #expect(lines.indices.contains(verdict.line - 1) && lines[verdict.line - 1].contains(verdict.quote),
                            "\(section.document.file.displayPath): goal \(goal.id.value): line \(verdict.line) does not contain \"\(verdict.quote)\"")
                    checked += 1
                }
            }
        }
        #expect(checked >= 20)
    }

    @Test func everyReportHasTheCommonSections() {
        let required: [SectionKind] = [.sammanfattning, .vasentligaHandelser, .malOchResultat, .ekonomi, .personal,
                                       .kvalitetOchInternkontroll, .verksamhetsstatistik]
        for report in Self.decoded().reports {
            let kinds = Set(report.sections.map(\.kind))
            #expect(required.allSatisfy(kinds.contains), "\(report.id) lacks \(required.filter { !kinds.contains($0) })")
        }
    }
}
