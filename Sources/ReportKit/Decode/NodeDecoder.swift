import Yams

/// Decodes a Yams node tree into the site's `Decodable` schema types, reporting every problem
/// as a diagnostic at its line and column in the `.md` file.
///
/// It differs from `YAMLDecoder` in three ways that matter to a person editing front matter:
/// - positions: every error points at the offending key or value, offset to the file's line;
/// - unknown keys: a type whose `CodingKeys` are `CaseIterable` rejects keys it does not
///   declare, with a "did you mean" suggestion;
/// - more than the first error: a bad element of a list is reported and skipped, so that the
///   rest of the list is still checked; a mapping whose decoding stopped at one bad key still
///   has the keys after it checked (`checkRemainingKeys`), so every missing key at every level
///   is reported in one run. A file with any error is discarded afterwards.
final class DecodingSession {
    let file: SourceFile
    /// Added to YAML line numbers: front matter starts on line 2 of the file.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// What has been reported, so that a key checked again after its mapping failed is
    /// reported once.
    private var reported: Set<Diagnostic> = []
    /// Nodes left to visit; bounds work on hostile documents.
    fileprivate var budget = 200_000
    /// CSV files beside the content, by path below the content folder, for tables' `file:`.
    let dataFiles: [String: DataFile]
    /// The data files this document read, so that a rebuild decodes it again when one changes.
    var usedDataFiles: [String: DataFile] = [:]
    /// Tables of this document decoded so far, by id, for figures that point into them.
    var tables: [String: Table] = [:]
    /// Ids of tables that were written but failed (already reported).
    var failedTables: Set<String> = []

    init(file: SourceFile, yamlLine: Int, dataFiles: [String: DataFile] = [:]) {
        self.file = file
        self.lineOffset = yamlLine - 1
        self.dataFiles = dataFiles
    }

    var hasErrors: Bool { diagnostics.hasErrors }

    /// Where each line of the file starts, as UTF-8 offsets, found once per file: every row
    /// of a flow-style table reads its own line (`DecimalComma`), and splitting the text up
    /// to the row for each one took 30 % of a cold build of the real site.
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for (offset, byte) in file.text.utf8.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        return starts
    }()

    /// Line `number` (from 1) of the file, without its line break; nil past the end. The text's
    /// line breaks are "\n" alone (`SourceFile`), each a Character of its own.
    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = file.text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let end = number < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : utf8.endIndex
        return file.text[start..<end]
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return file.location(line: lineOffset + 1) }
        return file.location(line: mark.line + lineOffset, column: mark.column)
    }

    /// Reports once: an alias is the anchored node itself, so both places would say the same.
    func report(_ part: MessagePart, at node: Node?) {
        report(Diagnostic(.error, at: location(of: node), [part]))
    }

    /// Reports a message of the catalogues.
    func report(_ key: MessageKey, _ arguments: String..., at node: Node?) {
        report(Diagnostic(.error, at: location(of: node), key, arguments))
    }

    /// Adds a diagnostic, once: a key checked again after its mapping failed, or a CSV file
    /// read by two tables, is not reported twice.
    func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    /// Decodes `T` from `node`; nil when it failed (the failure is already reported).
    func decode<T: Decodable>(_ type: T.Type, from node: Node) -> T? {
        try? NodeDecoder(node: node, session: self, codingPath: []).decodeValue(T.self)
    }

    /// Turns any error a decoder or a schema type threw into a diagnostic, once.
    fileprivate func record(_ error: Error, at node: Node, path: [CodingKey]) {
        switch error {
        case is ReportedError:
            return
        case let error as CatalogueError:
            report(Diagnostic(.error, at: location(of: node), error.parts))
        case let error as DecodingError:
            // Only a schema type's own bug throws these (their messages are CatalogueErrors):
            // for developers, so in English.
            report(.uncatalogued(.error, Self.message(for: error), at: location(of: node)))
        default:
            report(.uncatalogued(.error, "\(error)", at: location(of: node)))
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
    static func describe(_ node: Node) -> MessagePart.Argument {
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return .part(MessagePart(.whatNothing)) }
            return .text("\"\(FrontMatterSplitter.excerpt(scalar.string[...]))\"")
        case .mapping: return .part(MessagePart(.whatMapping))
        case .sequence: return .part(MessagePart(.whatList))
        case .alias: return .part(MessagePart(.whatAlias))
        }
    }

    /// "expected a list, found nothing" for `node`.
    static func expected(_ what: MessageKey, found node: Node) -> MessagePart {
        MessagePart(.expectedFound, arguments: [.part(MessagePart(what)), describe(node)])
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
    /// The keys the value's decoding asked for, for `checkRemainingKeys` when it fails; only
    /// for a mapping that `decodeValue` decodes.
    fileprivate var attempts: KeyAttempts?
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

    /// Counts the node against the session's budget, and fails (reported) for an anchored or
    /// aliased node and for an explicit tag. Yams holds anchors weakly, so they are visible
    /// only while the parser lives (ContentDecoder keeps it alive for the decoding). An alias
    /// is a shared copy of its anchored node, so a "billion laughs" document costs no memory to
    /// compose; the budget bounds the walk of anything that still gets through.
    fileprivate func checked() throws -> Node {
        session.budget -= 1
        if session.budget < 0 {
            if session.budget == -1 {
                session.report(MessagePart(.tooLarge), at: node)
            }
            throw ReportedError()
        }
        if node.anchor != nil {
            session.report(MessagePart(.yamlAnchor), at: node)
            throw ReportedError()
        }
        if let tag = node.explicitTag {
            session.report(MessagePart(.yamlTag, tag), at: node)
            throw ReportedError()
        }
        return node
    }

    func fail(_ part: MessagePart) -> ReportedError {
        session.report(part, at: node)
        return ReportedError()
    }

    func fail(_ key: MessageKey, _ arguments: String...) -> ReportedError {
        fail(MessagePart(key, arguments: arguments.map(MessagePart.Argument.text)))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = try checked() else {
            throw fail(DecodingSession.expected(.whatMapping, found: node))
        }
        // Parallel arrays, searched from the end (a later key wins, as a dictionary would
        // keep it): front matter mappings have a dozen keys at most, and hashing each key
        // into a dictionary per mapping cost more than the scan.
        var names: [String] = []
        var pairs: [(key: Node, value: Node)] = []
        names.reserveCapacity(mapping.count)
        pairs.reserveCapacity(mapping.count)
        for pair in mapping {
            guard case .scalar = pair.key else {
                // `? [a, b]` or `[a, b]: c`: YAML allows it, no key of ours is one.
                session.report(MessagePart(.complexKey, arguments: [DecodingSession.describe(pair.key)]), at: pair.key)
                continue
            }
            names.append(pair.key.string ?? "")
            pairs.append(pair)
        }
        if let allKeys = Key.self as? any CaseIterable.Type {
            // A name the keys accept is one of their cases (the schema's keys are enums). The
            // full list is made only for a name they reject: making it for every mapping was
            // most of this function's time.
            for (name, (key, _)) in zip(names, pairs) {
                if Key(stringValue: name)?.stringValue == name { continue }
                let known = allKeys.allCaseNames
                if known.contains(name) { continue }
                if let close = Suggestion.closest(to: name, in: known) {
                    session.report(.unknownKeyDidYouMean, name, close, at: key)
                } else {
                    session.report(.unknownKeyAllowed, name, known.joined(separator: ", "), at: key)
                }
            }
        }
        if let attempts, attempts.keyType == nil { attempts.keyType = Key.self }
        let recording = attempts?.keyType == Key.self ? attempts : nil
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, names: names, pairs: pairs, attempts: recording))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = try checked() else {
            throw fail(DecodingSession.expected(.whatList, found: node))
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
        var decoder = self
        if case .mapping = node { decoder.attempts = KeyAttempts() }
        do {
            return try T(from: decoder)
        } catch {
            session.record(error, at: node, path: codingPath)
            if let attempts = decoder.attempts, let described = T.self as? any SchemaDescribing.Type {
                checkRemainingKeys(of: described, skipping: attempts)
            }
            throw ReportedError()
        }
    }

    /// After a mapping's decoding stopped at a bad key, checks every key it did not reach:
    /// each one given is decoded (and its problems reported), each required one left out is
    /// reported as missing. The value is still discarded.
    private func checkRemainingKeys<S: SchemaDescribing>(of type: S.Type, skipping attempts: KeyAttempts) {
        guard attempts.keyType == S.Key.self, case .mapping(let mapping) = node else { return }
        for key in S.Key.allCases where !attempts.names.contains(key.stringValue) {
            let field = S.field(key)
            guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else {
                if field.isRequired { reportMissingKey(key.stringValue) }
                continue
            }
            if pair.value.isNull {
                if field.isRequired { session.report(.needsValue, key.stringValue, at: pair.key) }
                continue
            }
            if let valueType = field.valueType { check(valueType, at: pair.value, key: key) }
        }
    }

    private func check<T: Decodable>(_ type: T.Type, at value: Node, key: CodingKey) {
        _ = try? child(value, key: key).decodeValue(T.self)
    }

    /// `missing required key "source" in figures[2]`, at this mapping.
    func reportMissingKey(_ name: String) {
        let path = codingPath
        if path.isEmpty {
            session.report(.missingKey, name, at: node)
        } else {
            session.report(.missingKeyIn, name, CodingPath.describe(path), at: node)
        }
    }
}

/// The keys a mapping's decoding asked for, in the order asked.
final class KeyAttempts {
    /// The `CodingKeys` of the first container made on the node: the type being decoded.
    var keyType: Any.Type?
    var names: [String] = []
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
    let attempts: KeyAttempts?

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
        attempts?.names.append(key.stringValue)
        guard let value = self[key]?.value else {
            decoder.reportMissingKey(key.stringValue)
            throw ReportedError()
        }
        if value.isNull, !(T.self is any OptionalProtocol.Type) {
            decoder.session.report(.needsValue, key.stringValue, at: self[key]?.key)
            throw ReportedError()
        }
        return try decoder.child(value, key: key).decodeValue(T.self)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        attempts?.names.append(key.stringValue)
        guard let value = self[key]?.value, !value.isNull else { return nil }
        return try decoder.child(value, key: key).decodeValue(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let value = self[key]?.value else { throw decoder.fail(.missingKey, key.stringValue) }
        return try decoder.child(value, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        guard let value = self[key]?.value else { throw decoder.fail(.missingKey, key.stringValue) }
        return try decoder.child(value, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder {
        guard let value = self[key]?.value else { throw decoder.fail(.missingKey, key.stringValue) }
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
        throw decoder.fail(.listEndedEarly)
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

    private func scalarText(_ expected: MessageKey) throws -> String {
        guard let scalar = decoder.scalar else {
            throw decoder.fail(DecodingSession.expected(expected, found: decoder.node))
        }
        return scalar.string
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try scalarText(.whatBool) {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw decoder.fail(DecodingSession.expected(.whatBool, found: decoder.node))
        }
    }

    func decode(_ type: String.Type) throws -> String {
        let text = try scalarText(.whatText)
        if decoder.node.isNull { throw decoder.fail(DecodingSession.expected(.whatText, found: decoder.node)) }
        return text
    }

    /// Whole numbers follow the rules of `ReportedNumber`: no plus sign, no leading zeros, no
    /// quotes (a quoted `'2018'` is text, as a quoted amount is).
    func decode(_ type: Int.Type) throws -> Int {
        let text = try scalarText(.whatWholeNumber)
        let quoted = decoder.scalar?.style == .singleQuoted || decoder.scalar?.style == .doubleQuoted
        if let number = ReportedNumber(parsing: text), number.decimals == 0, let value = Int(exactly: number.scaled) {
            if quoted { throw decoder.fail(.quotedWholeNumber, text) }
            return value
        }
        if ReportedNumber.looksLikeRefusedNumber(text) { throw decoder.fail(ReportedNumber.explain(text)) }
        throw decoder.fail(DecodingSession.expected(.whatWholeNumber, found: decoder.node))
    }

    func decode(_ type: Double.Type) throws -> Double {
        let text = try scalarText(.whatNumber)
        guard let value = Double(text), value.isFinite else {
            throw decoder.fail(DecodingSession.expected(.whatNumber, found: decoder.node))
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
            throw decoder.fail(MessagePart(.numberOutOfRange, arguments: [DecodingSession.describe(decoder.node)]))
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
    /// True for a mapping that has the key, whatever its value.
    func hasKey(_ name: String) -> Bool {
        guard case .mapping(let mapping) = self else { return false }
        return mapping.contains { $0.key.string == name }
    }

    /// The text of a mapping's scalar value under `name`.
    func value(ofKey name: String) -> String? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.first { $0.key.string == name }?.value.scalar?.string
    }

    /// The tag written in the document (`!!binary`, `!local`), or nil. Quoted and block text
    /// carries `!!str` implicitly; that is no tag the writer chose.
    var explicitTag: String? {
        let written: String
        switch self {
        case .scalar(let scalar):
            written = scalar.tag.rawValue
            if written == Tag.Name.str.rawValue, scalar.style != .plain { return nil }  // quoted or block text
        case .mapping(let mapping): written = mapping.tag.rawValue
        case .sequence(let sequence): written = sequence.tag.rawValue
        case .alias: return nil
        }
        guard written != Tag.Name.implicit.rawValue else { return nil }
        let core = "tag:yaml.org,2002:"
        return written.hasPrefix(core) ? "!!" + written.dropFirst(core.count) : written
    }

    /// True for `~`, `null`, and an empty plain value.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" || scalar.string == "Null" || scalar.string == "NULL"
    }
}
