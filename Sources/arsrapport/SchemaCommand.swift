import ArgumentParser
import Foundation
import ReportKit

extension FrontMatterKind: ExpressibleByArgument {}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write a JSON Schema of the front matter, for an editor to check and complete it.",
        discussion: """
            Without options, prints one JSON Schema (draft-07) with a definition for every kind of file. \
            An editor applies a schema per file, so --kind writes one kind alone, and --output-dir writes \
            <kind>.schema.json for every kind (as committed in schemas/). README.md says how to wire them up.
            """
    )

    @Option(help: "Only the schema of this kind of file.")
    var kind: FrontMatterKind?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Write <kind>.schema.json for every kind of file into this folder.")
    var outputDir: String?

    func validate() throws {
        if outputDir != nil, kind != nil || output != nil {
            throw ValidationError("--output-dir writes every kind; leave out --kind and --output")
        }
    }

    func run() throws {
        do {
            if let outputDir {
                let folder = URL(fileURLWithPath: outputDir)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for kind in FrontMatterKind.allCases {
                    try write(FrontMatterSchema.document(for: kind),
                              to: folder.appendingPathComponent("\(kind.rawValue).schema.json"))
                }
                return
            }
            let document = kind.map(FrontMatterSchema.document(for:)) ?? FrontMatterSchema.document()
            if let output {
                try write(document, to: URL(fileURLWithPath: output))
            } else {
                print(document, terminator: "")
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func write(_ document: String, to url: URL) throws {
        try Data(document.utf8).write(to: url, options: .atomic)
    }
}
