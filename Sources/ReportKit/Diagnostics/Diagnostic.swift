/// One problem found while building, reported like a compiler's:
/// `content/haninge-2022/ekonomi.md:14:9: error: unit "mkrr" is not one of …`.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// What kind of problem it is, for how loudly it is printed.
    public enum Category: String, Sendable, Hashable {
        case problem
        /// A contradiction of the source report that the content records on purpose: counted
        /// in one line, listed by `check --contradictions`.
        case knownContradiction
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String
    public let category: Category
    /// The catalogue entry the message was made from, for printing it in another language.
    public let messageKey: MessageKey?
    public let arguments: [String]

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, category: Category = .problem,
                messageKey: MessageKey? = nil, arguments: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.category = category
        self.messageKey = messageKey
        self.arguments = arguments
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// One line, whatever the file's name or the message holds: control characters are escaped.
    public var description: String {
        let path = TerminalText.escaped(location.path)
        return "\(path):\(location.line):\(location.column): \(severity.rawValue): \(TerminalText.escaped(message))"
    }
}

extension Array where Element == Diagnostic {
    /// True if any diagnostic is an error (warnings alone do not fail a build).
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The contradictions the content records on purpose.
    public var knownContradictions: [Diagnostic] { filter { $0.category == .knownContradiction } }

    /// Sorted by file, line and column so that output is stable whatever order stages ran in.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.location, $0.severity.rawValue, $0.message) < ($1.location, $1.severity.rawValue, $1.message) }
    }
}
