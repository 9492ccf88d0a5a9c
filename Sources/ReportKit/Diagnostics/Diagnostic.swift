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
    /// The catalogue entries the message was made from, in order, for printing it in another
    /// language; empty for a message only developers see (see `uncatalogued`).
    public let parts: [MessagePart]

    /// A message of the catalogues, made of one or more parts ("…" + "; did you mean …?").
    public init(_ severity: Severity, at location: SourceLocation, _ parts: [MessagePart], category: Category = .problem) {
        self.severity = severity
        self.location = location
        self.message = parts.map { $0.text(in: .english) }.joined()
        self.category = category
        self.parts = parts
    }

    /// A message that stays English in every language, because only developers read it (an
    /// internal error, a template's syntax, a library's own words): say why at the call.
    public static func uncatalogued(_ severity: Severity, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: severity, location: location, message: message)
    }

    private init(severity: Severity, location: SourceLocation, message: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.category = .problem
        self.parts = []
    }

    /// The key of the message's first part: what kind of problem it is.
    public var messageKey: MessageKey? { parts.first?.key }

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
