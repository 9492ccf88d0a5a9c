import ArgumentParser
import Foundation
import ReportKit
import SiteServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: .text(.helpServe),
        discussion: """
            Open the address it prints in a web browser. Each time you save a file under content/ \
            or templates/, the site is rebuilt and open pages reload; if the build fails, the \
            errors are shown over the page and here. Nothing is written to public/. Ctrl-C stops.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: Help.text(.helpPort))
    var port: UInt16 = 8080

    @OptionGroup var printing: OutputOptions

    func run() async throws {
        // Drafts are shown (marked Utkast) and placeholders are warnings: serve is for work in progress.
        var options = site.buildOptions(output: "public", write: false)
        options.drafts = true
        options.placeholders = .warning
        options.language = printing.language
        let server = SiteServer(options: options, port: port,
                                 quiet: printing.quiet, verbose: printing.verbose) { line in
            FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
        }
        do {
            try await server.run()
        } catch {
            let reason = (error as? CataloguedError)?.message.text(in: printing.language) ?? "\(error)"
            let line = Catalogue.text(.serveFailed, reason, in: printing.language)
            FileHandle.standardError.write(Data("error: \(TerminalText.escaped(line))\n".utf8))
            throw ExitCode.failure
        }
    }
}
