import Foundation

/// How diagnostics are printed: for a person, for GitHub Actions, or for another program.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message`, one per line, like a compiler.
    case text
    /// `::error file=…,line=…,col=…::message`: GitHub shows these on the changed lines of a pull request.
    case github
    /// One JSON document: `{"diagnostics": [...], "errors": N, "warnings": N}`.
    case json
}

public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, language: Language = .english) -> String {
        switch format {
        case .text:
            return diagnostics.map { $0.description(in: language) + "\n" }.joined()
        case .github:
            return diagnostics.map { diagnostic in
                let location = diagnostic.location
                // GitHub's workflow-command escaping: %, CR and LF in the message; also , and : in properties.
                let message = escape(diagnostic.message(in: language), properties: false)
                return "::\(diagnostic.severity.rawValue) file=\(escape(location.path, properties: true)),line=\(location.line),col=\(location.column)::\(message)\n"
            }.joined()
        case .json:
            struct Entry: Encodable {
                let severity: String
                let file: String
                let line: Int
                let column: Int
                let message: String
            }
            struct Document: Encodable {
                let diagnostics: [Entry]
                let errors: Int
                let warnings: Int
            }
            let document = Document(
                diagnostics: diagnostics.map {
                    Entry(severity: $0.severity.rawValue, file: $0.location.path, line: $0.location.line,
                          column: $0.location.column, message: $0.message)
                },
                errors: diagnostics.filter { $0.severity == .error }.count,
                warnings: diagnostics.filter { $0.severity == .warning }.count)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
        }
    }

    static func escape(_ text: String, properties: Bool) -> String {
        // CR and LF as GitHub's %0D and %0A (it shows them as line breaks); every other
        // control character as the text format writes it.
        let controls = String(String.UnicodeScalarView(text.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
            scalar == "\n" || scalar == "\r" ? [scalar] : Array(TerminalText.escaped(String(scalar)).unicodeScalars)
        }))
        var escaped = controls.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        if properties {
            escaped = escaped.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        return escaped
    }
}
