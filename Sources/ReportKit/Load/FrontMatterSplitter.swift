/// A Markdown file split into its YAML front matter and its body.
public struct SplitFile: Sendable, Equatable {
    public let yaml: String
    /// Line of the file on which the YAML's first line stands (YAML line 1 = file line `yamlLine`).
    public let yamlLine: Int
    public let body: String
    /// Line of the file on which the body's first line stands.
    public let bodyLine: Int
}

/// Separates `---`-delimited front matter from the Markdown body.
public enum FrontMatterSplitter {
    public static func split(_ file: SourceFile) -> Result<SplitFile, Diagnostic> {
        let text = file.text
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error(
                "file is empty; a page starts with front matter between two '---' lines (see docs/content-format.md)",
                at: file.location(line: 1)))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), isDelimiter(first) else {
            return .failure(.error(
                "expected '---' on the first line to open the front matter, found \"\(excerpt(text.prefix { $0 != "\n" }))\"",
                at: file.location(line: 1)))
        }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.popFirst() {
            lineNumber += 1
            if isDelimiter(line) {
                return .success(SplitFile(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return .failure(.error(
            "front matter opened here is never closed; add a line with '---' after the last key",
            at: file.location(line: 1)))
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        line.count >= 3 && line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    static func excerpt(_ text: Substring) -> String {
        text.count > 40 ? "\(text.prefix(40))…" : String(text)
    }
}
