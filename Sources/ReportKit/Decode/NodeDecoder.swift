import Yams

/// Decodes a Yams node tree into the site's `Decodable` schema types, reporting every problem
/// as a diagnostic at its line and column in the `.md` file.
///
/// It differs from `YAMLDecoder` in three ways that matter to a person editing front matter:
/// - positions: every error points at the offending key or value, offset to the file's line;
/// - unknown keys: a type whose `CodingKeys` are `CaseIterable` rejects keys it does not
///   declare, with a "did you mean" suggestion;
/// - more than the first error: a bad element of a list is reported and skipped, so that the
///   rest of the list is still checked. A file with any error is discarded afterwards.
final class DecodingSession {
    let file: SourceFile
    /// Added to YAML line numbers: front matter starts on line 2 of the file.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// Nodes left to visit; bounds work on hostile documents.
    fileprivate var budget = 200_000

    init(file: SourceFile, yamlLine: Int) {
        self.file = file
        self.lineOffset = yamlLine - 1
    }

    var hasErrors: Bool { diagnostics.hasErrors }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return file.location(line: lineOffset + 1) }
        return file.location(line: mark.line + lineOffset, column: mark.column)
    }

    func report(_ message: String, at node: Node?, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity, at: location(of: node), message))
    }

    /// Decodes `T` from `node`; nil when it failed (the failure is already reported).
    func decode<T: Decodable>(_ type: T.Type, from node: Node) -> T? {
        do {
            return try T(from: NodeDecoder(node: node, session: self, codingPath: []))
        } catch {
            record(error, at: node, path: [])
            return nil
        }
    }

    /// Turns any error a decoder or a schema type threw into a diagnostic, once.
    fileprivate func record(_ error: Error, at node: Node, path: [CodingKey]) {
        switch error {
        case is ReportedError:
            return
        case let error as DecodingError:
            report(Self.message(for: error), at: node)
        default:
            report("\(error)", at: node)
        }
    }

    static func message(for error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context),
             .valueNotFound(_, let context), .keyNotFound(_, let context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }

    /// Describes what a node holds, for "expected X, found Y" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return "nothing" }
            return "\"\(FrontMatterSplitter.excerpt(scalar.string[...]))\""
        case .mapping: return "a mapping (key: value pairs)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// Thrown after the problem has been added to the session's diagnostics.
struct ReportedError: Error {}

/// Gives schema types the raw scalar text, so that numbers keep the digits the report printed.
/// Schema types reach it with `decoder as? NodeDecoder`: a cast to a concrete type compares
/// metadata, while a cast to `any ScalarDecoder` is a runtime conformance lookup, and every
/// located value makes one.
protocol ScalarDecoder: Decoder {
    var scalar: Node.Scalar? { get }
    var session: DecodingSession { get }
    var node: Node { get }
}

struct NodeDecoder: ScalarDecoder {
    let node: Node
    let session: DecodingSession
    /// The way here, kept as a linked list and turned into `codingPath` only when asked
    /// (for a message): copying the array into every child was a cost of every value.
    let path: CodingPathStep?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, session: DecodingSession, codingPath: [CodingKey]) {
        self.node = node
        self.session = session
        self.path = codingPath.reduce(nil) { CodingPathStep(parent: $0, key: $1) }
    }

    private init(node: Node, session: DecodingSession, path: CodingPathStep?) {
        self.node = node
        self.session = session
        self.path = path
    }

    var codingPath: [CodingKey] { path?.keys ?? [] }

    var scalar: Node.Scalar? {
        if case .scalar(let scalar) = node { return scalar }
        return nil
    }

    /// Counts the node against the session's budget, and fails (reported) for nodes Yams
    /// marks with an anchor. Yams composes an alias as a shared copy of its anchored node, so
    /// a "billion laughs" document costs no memory to compose; walking it is what could cost,
    /// and the budget bounds that walk (Yams 6 does not keep anchors on scalars).
    fileprivate func checked() throws -> Node {
        session.budget -= 1
        if session.budget < 0 {
            if session.budget == -1 {
                session.report("front matter is too large or too deeply nested (more than 200000 values)", at: node)
            }
            throw ReportedError()
        }
        if node.anchor != nil {
            session.report("YAML anchors and aliases (&name, *name) are not allowed in front matter; write the value out", at: node)
            throw ReportedError()
        }
        return node
    }

    func fail(_ message: String) -> ReportedError {
        session.report(message, at: node)
        return ReportedError()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = try checked() else {
            throw fail("expected a mapping (key: value pairs), found \(DecodingSession.describe(node))")
        }
        // Parallel arrays, searched from the end (a later key wins, as a dictionary would
        // keep it): front matter mappings have a dozen keys at most, and hashing each key
        // into a dictionary per mapping cost more than the scan.
        var names: [String] = []
        var pairs: [(key: Node, value: Node)] = []
        names.reserveCapacity(mapping.count)
        pairs.reserveCapacity(mapping.count)
        for pair in mapping {
            names.append(pair.key.string ?? "")
            pairs.append(pair)
        }
        if let allKeys = Key.self as? any CaseIterable.Type {
            // A name the keys accept is one of their cases (the schema's keys are enums). The
            // full list is made only for a name they reject: making it for every mapping was
            // most of this function's time.
            for (name, (key, _)) in zip(names, pairs) {
                if Key(stringValue: name)?.stringValue == name { continue }
                let known = Set(allKeys.allCaseNames)
                if known.contains(name) { continue }
                session.report("unknown key \"\(name)\"\(Suggestion.hint(for: name, in: known.sorted()))", at: key)
            }
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, names: names, pairs: pairs))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = try checked() else {
            throw fail("expected a list, found \(DecodingSession.describe(node))")
        }
        return UnkeyedContainer(decoder: self, elements: Array(sequence))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        _ = try checked()
        return SingleValueContainer(decoder: self)
    }

    /// A decoder for a child node, one coding-path step further.
    func child(_ node: Node, key: CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, session: session, path: CodingPathStep(parent: path, key: key))
    }

    /// Decodes `T` from this decoder's node, turning thrown errors into diagnostics.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try T(from: self)
        } catch {
            session.record(error, at: node, path: codingPath)
            throw ReportedError()
        }
    }
}

/// One step of a coding path, pointing back at the step before it.
final class CodingPathStep {
    let parent: CodingPathStep?
    let key: CodingKey

    init(parent: CodingPathStep?, key: CodingKey) {
        self.parent = parent
        self.key = key
    }

    var keys: [CodingKey] {
        var keys: [CodingKey] = []
        var step: CodingPathStep? = self
        while let current = step {
            keys.append(current.key)
            step = current.parent
        }
        return keys.reversed()
    }
}

extension CaseIterable {
    static var allCaseNames: [String] {
        allCases.compactMap { ($0 as? CodingKey)?.stringValue }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    /// Key names in the order they are written, so that decoding (and its errors) is
    /// deterministic; `pairs` holds the nodes at the same positions.
    let names: [String]
    let pairs: [(key: Node, value: Node)]

    var codingPath: [CodingKey] { decoder.codingPath }
    var allKeys: [Key] { names.compactMap { Key(stringValue: $0) } }

    /// The key and value nodes written for `key`.
    private subscript(_ key: Key) -> (key: Node, value: Node)? {
        let name = key.stringValue
        guard let index = names.lastIndex(of: name) else { return nil }
        return pairs[index]
    }

    func contains(_ key: Key) -> Bool { self[key] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = self[key]?.value else { return true }
        return value.isNull
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = self[key]?.value else {
            throw decoder.fail("missing required key \"\(key.stringValue)\"\(where_)")
        }
        if value.isNull, !(T.self is any OptionalProtocol.Type) {
            decoder.session.report("\"\(key.stringValue)\" needs a value", at: self[key]?.key)
            throw ReportedError()
        }
        return try decoder.child(value, key: key).decodeValue(T.self)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = self[key]?.value, !value.isNull else { return nil }
        return try decoder.child(value, key: key).decodeValue(T.self)
    }

    private var where_: String {
        decoder.codingPath.isEmpty ? "" : " in \(CodingPath.describe(decoder.codingPath))"
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let value = self[key]?.value else { throw decoder.fail("missing required key \"\(key.stringValue)\"") }
        return try decoder.child(value, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        guard let value = self[key]?.value else { throw decoder.fail("missing required key \"\(key.stringValue)\"") }
        return try decoder.child(value, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder {
        guard let value = self[key]?.value else { throw decoder.fail("missing required key \"\(key.stringValue)\"") }
        return decoder.child(value, key: key)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let elements: [Node]
    var currentIndex = 0

    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    init(decoder: NodeDecoder, elements: [Node]) {
        self.decoder = decoder
        self.elements = elements
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if elements[currentIndex].isNull {
            currentIndex += 1
            return true
        }
        return false
    }

    /// Decodes the next element; a bad element is reported and skipped so the rest are checked
    /// too. The list then comes out short, but the session holds the error, so the file is
    /// discarded before anything uses the list.
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        while !isAtEnd {
            let index = currentIndex
            currentIndex += 1
            if let value = try? decoder.child(elements[index], key: IndexKey(index)).decodeValue(T.self) {
                return value
            }
            if isAtEnd { throw ReportedError() }
        }
        throw decoder.fail("list ended early")
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        defer { currentIndex += 1 }
        return try decoder.child(elements[currentIndex], key: IndexKey(currentIndex)).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        defer { currentIndex += 1 }
        return try decoder.child(elements[currentIndex], key: IndexKey(currentIndex)).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        defer { currentIndex += 1 }
        return decoder.child(elements[currentIndex], key: IndexKey(currentIndex))
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node.isNull }

    private func scalarText(_ expected: String) throws -> String {
        guard let scalar = decoder.scalar else {
            throw decoder.fail("expected \(expected), found \(DecodingSession.describe(decoder.node))")
        }
        return scalar.string
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try scalarText("true or false") {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw decoder.fail("expected true or false, found \(DecodingSession.describe(decoder.node))")
        }
    }

    func decode(_ type: String.Type) throws -> String {
        let text = try scalarText("text")
        if decoder.node.isNull { throw decoder.fail("expected text, found nothing") }
        return text
    }

    func decode(_ type: Int.Type) throws -> Int {
        let text = try scalarText("a whole number")
        guard let value = Int(text) else {
            throw decoder.fail("expected a whole number, found \(DecodingSession.describe(decoder.node))")
        }
        return value
    }

    func decode(_ type: Double.Type) throws -> Double {
        let text = try scalarText("a number")
        guard let value = Double(text), value.isFinite else {
            throw decoder.fail("expected a number, found \(DecodingSession.describe(decoder.node))")
        }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    private func narrow<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        guard let value = I(exactly: try decode(Int.self)) else {
            throw decoder.fail("number \(DecodingSession.describe(decoder.node)) is out of range")
        }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decodeValue(T.self)
    }
}

struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

enum CodingPath {
    /// `figures[2].source` for messages.
    static func describe(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index + 1)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }
}

protocol OptionalProtocol {}
extension Optional: OptionalProtocol {}

extension Node {
    /// True for `~`, `null`, and an empty plain value.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" || scalar.string == "Null" || scalar.string == "NULL"
    }
}
