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
            return .failure(.error(.emptyFile, at: file.location(line: 1)))
        }
        // Lines are found on UTF-8 bytes: splitting the whole file by Character was a tenth
        // of the validate stage. A "\r\n" pair is one Character and so never ended a line in
        // that split; it does not here either (loading already turned CRLF into LF).
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        var index = bytes.startIndex
        var previous: UInt8 = 0
        while true {
            let atEnd = index == bytes.endIndex
            let byte = atEnd ? 0 : bytes[index]
            if atEnd || (byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")) {
                lineNumber += 1
                let line = text[lineStart..<index]
                let next = atEnd ? index : bytes.index(after: index)
                if lineNumber == 1 {
                    guard isDelimiter(line) else {
                        return .failure(.error(.noOpeningDelimiter, excerpt(text.prefix { $0 != "\n" }), at: file.location(line: 1)))
                    }
                    yamlStart = next
                } else if isDelimiter(line), let yamlStart {
                    // The YAML is the lines between the delimiters, without the last one's newline.
                    let yamlEnd = lineNumber == 2 ? yamlStart : bytes.index(before: lineStart)
                    return .success(SplitFile(
                        yaml: String(text[yamlStart..<yamlEnd]),
                        yamlLine: 2,
                        body: atEnd ? "" : String(text[next...]),
                        bodyLine: lineNumber + 1))
                }
                if atEnd { break }
                lineStart = next
            }
            previous = byte
            index = bytes.index(after: index)
        }
        return .failure(.error(.unclosedFrontMatter, at: file.location(line: 1)))
    }

    /// `---` and nothing after it but spaces and tabs. On bytes: every line is tested, and
    /// ASCII bytes are whole Characters here, so the answer is the same as on Characters.
    private static func isDelimiter(_ line: Substring) -> Bool {
        let bytes = line.utf8
        guard bytes.starts(with: "---".utf8) else { return false }
        return bytes.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    static func excerpt(_ text: Substring) -> String {
        text.count > 40 ? "\(text.prefix(40))…" : String(text)
    }
}
