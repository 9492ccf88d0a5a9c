import ArgumentParser
import Foundation
import ReportKit

struct ImportTableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-table",
        abstract: .text(.helpImportTable),
        discussion: """
            Example: arsrapport import-table content/haninge-2022/driftredovisning.csv >> tabell.yaml. \
            Paste the printed block under tables: in a section's front matter and fill in what it marks FYLL I. \
            A table can also stay in the CSV file: tables: - {id: …, file: driftredovisning.csv, …}.
            """
    )

    @Argument(help: Help.text(.helpCSVFile))
    var file: String

    @Flag(help: Help.text(.helpImportTableCheck))
    var check = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            let diagnostic = Diagnostic.error(.cannotReadFile, error.localizedDescription, at: SourceLocation(path: file, line: 1, column: 1))
            FileHandle.standardError.write(Data(DiagnosticFormatter.format([diagnostic], as: .text, language: Language.current).utf8))
            throw ExitCode.failure
        }
        let data = DataFile(relativePath: URL(fileURLWithPath: file).lastPathComponent, displayPath: file, bytes: bytes)
        let (text, diagnostics) = check ? TableImport.summary(of: data, in: Language.current) : TableImport.yaml(for: data)
        if let text { print(text, terminator: "") }
        FileHandle.standardError.write(Data(DiagnosticFormatter.format(diagnostics, as: .text, language: Language.current).utf8))
        if !diagnostics.isEmpty { throw ExitCode.failure }
    }
}
