/// One problem found while building, reported like a compiler's:
/// `content/haninge-2022/ekonomi.md:14:9: error: unit "mkrr" is not one of …`.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
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

    /// Sorted by file, line and column so that output is stable whatever order stages ran in.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.location, $0.severity.rawValue, $0.message) < ($1.location, $1.severity.rawValue, $1.message) }
    }
}
