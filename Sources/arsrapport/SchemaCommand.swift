import ArgumentParser
import Foundation
import ReportKit

extension FrontMatterKind: ExpressibleByArgument {}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: .text(.helpSchema),
        discussion: """
            Without options, prints one JSON Schema (draft-07) with a definition for every kind of file. \
            An editor applies a schema per file, so --kind writes one kind alone, and --output-dir writes \
            <kind>.schema.json for every kind (as committed in schemas/). README.md says how to wire them up.
            """
    )

    @Option(help: Help.text(.helpSchemaKind))
    var kind: FrontMatterKind?

    @Option(help: Help.text(.helpSchemaOutput))
    var output: String?

    @Option(help: Help.text(.helpSchemaOutputDir))
    var outputDir: String?

    func validate() throws {
        if outputDir != nil, kind != nil || output != nil {
            throw ValidationError("--output-dir writes every kind; leave out --kind and --output")
        }
    }

    func run() throws {
        if let outputDir {
            let folder = URL(fileURLWithPath: outputDir)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                try fail("cannot create the folder \(outputDir) (\(error.localizedDescription))")
            }
            for kind in FrontMatterKind.allCases {
                try write(FrontMatterSchema.document(for: kind), to: folder.appendingPathComponent("\(kind.rawValue).schema.json").path)
            }
            return
        }
        let document = kind.map(FrontMatterSchema.document(for:)) ?? FrontMatterSchema.document()
        if let output {
            try write(document, to: output)
        } else {
            print(document, terminator: "")
        }
    }

    private func write(_ document: String, to path: String) throws {
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            try fail("cannot write \(path) (\(error.localizedDescription))")
        }
    }

    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("error: \(TerminalText.escaped(message))\n".utf8))
        throw ExitCode.failure
    }
}
