import Foundation
import Testing
@testable import ReportKit

/// The front-matter JSON Schema: that it is the validator's own view of the front matter, so
/// that an editor and `arsrapport check` never disagree about which keys exist or are needed.
@Suite struct SchemaTests {
    static let schemas = TestSite.repository.appendingPathComponent("schemas")

    static var typeNames: [String] { FrontMatterSchema.describedTypes.map { $0.definitionName } }

    /// The definition's mapping: the definition itself, or its one branch that is a mapping.
    static func mapping(of definition: JSONValue) -> [String: JSONValue]? {
        guard case .object(let keywords) = definition else { return nil }
        if keywords["properties"] != nil { return keywords }
        guard case .array(let options)? = keywords["anyOf"] else { return nil }
        return options.lazy.compactMap(mapping(of:)).first
    }

    static func names(_ value: JSONValue?) -> [String] {
        switch value {
        case .object(let members)?: members.keys.sorted()
        case .array(let elements)?: elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
        default: []
        }
    }

    @Test(arguments: typeNames)
    func propertiesAreExactlyTheCodingKeys(of name: String) throws {
        let type = try #require(FrontMatterSchema.describedTypes.first { $0.definitionName == name })
        let definition = try #require(FrontMatterSchema.definitions[name])
        let mapping = try #require(Self.mapping(of: definition), "definition \(name) has no mapping")
        #expect(Self.names(mapping["properties"]) == type.keyNames.sorted())
        #expect(mapping["additionalProperties"] == .bool(false))
        #expect(Set(Self.names(mapping["required"])).isSubset(of: type.keyNames))
    }

    @Test func documentIsValidJSONAndTheSameEveryTime() throws {
        let documents = [FrontMatterSchema.document()] + FrontMatterKind.allCases.map(FrontMatterSchema.document(for:))
        for document in documents {
            let parsed = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any]
            #expect(parsed?["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        }
        #expect(documents == [FrontMatterSchema.document()] + FrontMatterKind.allCases.map(FrontMatterSchema.document(for:)))
    }

    @Test func everyReferenceResolvesAndEveryDefinitionIsUsed() throws {
        let all = FrontMatterSchema.definitions
        #expect(all.count == FrontMatterSchema.describedTypes.count, "two types share a definition name")
        var used: Set<String> = []
        for kind in FrontMatterKind.allCases {
            let text = FrontMatterSchema.document(for: kind)
            let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            let definitions = Set((root?["definitions"] as? [String: Any] ?? [:]).keys)
            let references = FrontMatterSchema.definitions(reachableFrom: .object(kind.matter.mappingSchema.keywords))
            #expect(definitions == Set(references.keys), "\(kind) does not carry exactly the definitions it refers to")
            used.formUnion(definitions)
            used.insert(kind.rawValue)
        }
        #expect(used == Set(all.keys), "definitions no kind of file uses: \(Set(all.keys).subtracting(used).sorted())")
    }

    @Test func wordListsAreTheSwiftCases() throws {
        let figure = try #require(Self.mapping(of: FrontMatterSchema.definitions["figure"]!))
        guard case .object(let properties)? = figure["properties"], case .object(let unit)? = properties["unit"],
              case .object(let basis)? = properties["basis"] else { Issue.record("figure has no unit or basis"); return }
        #expect(Self.names(unit["enum"]) == MeasureUnit.allCases.map(\.rawValue))
        #expect(Self.names(basis["enum"]) == Figure.Basis.allCases.map(\.rawValue))
    }

    /// schemas/ is what editors are pointed at, so it must be what the command writes.
    @Test(arguments: FrontMatterKind.allCases)
    func committedSchemaIsTheGeneratedOne(kind: FrontMatterKind) throws {
        let file = Self.schemas.appendingPathComponent("\(kind.rawValue).schema.json")
        let committed = try? String(contentsOf: file, encoding: .utf8)
        let upToDate = committed == FrontMatterSchema.document(for: kind)  // not the whole text on failure
        #expect(upToDate,
                "schemas/\(kind.rawValue).schema.json is out of date: run `swift run arsrapport schema --output-dir schemas` and commit the result")
    }

    @Test func schemasFolderHasNothingElse() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.schemas.path).sorted()
        #expect(files == FrontMatterKind.allCases.map { "\($0.rawValue).schema.json" }.sorted())
    }

    // MARK: - Required keys, checked against the decoder itself

    /// For every mapping type: an example with every key decodes; leaving out one key fails to
    /// decode exactly when the schema lists it as required; an optional key may be null; an
    /// unknown key fails. This is what makes "required" the decoder's word and not a copy of it.
    @Test(arguments: typeNames)
    func requiredKeysAreTheOnesTheDecoderNeeds(of name: String) throws {
        let described = FrontMatterSchema.describedTypes.first { $0.definitionName == name }
        let type = try #require(described as? any DecodableMatter.Type)
        let mapping = try #require(Self.mapping(of: FrontMatterSchema.definitions[name]!))
        let example = try #require(Example().value(for: .object(mapping)))
        guard case .object(let members) = example else { Issue.record("\(name): example is not a mapping"); return }
        let required = Set(Self.names(mapping["required"]))

        #expect(Self.problems(type, example) == [], "\(name): the full example does not decode")
        for key in members.keys.sorted() {
            var without = members
            without[key] = nil
            let failed = !Self.problems(type, .object(without)).isEmpty
            #expect(failed == required.contains(key),
                    "\(name).\(key): leaving it out \(failed ? "fails" : "decodes"), but the schema says it is \(required.contains(key) ? "" : "not ")required")
            if !required.contains(key) {
                var null = members
                null[key] = .string(Self.nullMark)
                let text = Self.yaml(.object(null)).replacingOccurrences(of: "\"\(Self.nullMark)\"", with: "null")
                #expect(Self.problems(type, yaml: text) == [], "\(name).\(key): null is not accepted")
            }
        }
        var unknown = members
        unknown["no-such-key"] = "x"
        #expect(!Self.problems(type, .object(unknown)).isEmpty, "\(name): an unknown key decodes")
    }

    /// Stands for YAML's null in an example, which `JSONValue` (made for schemas) cannot hold.
    static let nullMark = "<null>"

    /// JSON is YAML, so an example is written as its JSON text.
    static func yaml(_ value: JSONValue) -> String {
        var text = value.rendered
        while text.hasSuffix("\n") { text.removeLast() }
        return text.replacingOccurrences(of: "\n", with: " ") + "\n"
    }

    static func problems<T: DecodableMatter>(_ type: T.Type, _ value: JSONValue) -> [String] {
        problems(type, yaml: yaml(value))
    }

    static func problems<T: DecodableMatter>(_ type: T.Type, yaml: String) -> [String] {
        let file = SourceFile(relativePath: "x.md", displayPath: "x.md", text: "---\n\(yaml)---\n")
        var diagnostics: [Diagnostic] = []
        _ = ContentDecoder.decodeDocument(file, as: T.self, into: &diagnostics)
        return diagnostics.map(\.message)
    }

    /// Builds a value a schema accepts, giving every property; a mapping form is preferred, to
    /// exercise its keys, except inside itself (a table cell's value is a cell).
    struct Example {
        var inside: Set<String> = []

        /// Strings for the patterns the schema uses; a new pattern needs an example here.
        static let patternExamples = [
            JSONSchema.identifierPattern: "a-1",
            LocalDate.pattern: "2020-01-31",
            PointInTime.pattern: "2020-12",
        ]

        func value(for schema: JSONValue) -> JSONValue? {
            guard case .object(let keywords) = schema else { return nil }
            if case .string(let reference)? = keywords["$ref"] {
                let name = String(reference.dropFirst("#/definitions/".count))
                guard let definition = FrontMatterSchema.definitions[name] else { return nil }
                var deeper = self
                deeper.inside.insert(name)
                return inside.contains(name) ? deeper.value(avoidingMappings: definition) : deeper.value(for: definition)
            }
            if case .array(let options)? = keywords["allOf"], let first = options.first { return value(for: first) }
            if case .array(let options)? = keywords["anyOf"] {
                let mapping = options.first { SchemaTests.mapping(of: $0) != nil }
                return value(for: mapping ?? options[0])
            }
            if case .array(let words)? = keywords["enum"] { return words.first }
            var types = SchemaTests.names(keywords["type"])
            if case .string(let type)? = keywords["type"] { types = [type] }
            switch types.first(where: { $0 != "null" }) {
            case "object":
                guard case .object(let properties)? = keywords["properties"] else { return .object([:]) }
                var members: [String: JSONValue] = [:]
                for (key, property) in properties {
                    guard let member = value(for: property) else { return nil }
                    members[key] = member
                }
                return .object(members)
            case "array":
                return keywords["items"].flatMap(value(for:)).map { .array([$0]) }
            case "integer":
                if case .integer(let minimum)? = keywords["minimum"] { return .integer(minimum) }
                return 7
            case "number":
                return 12
            case "string":
                if case .string(let pattern)? = keywords["pattern"] { return Self.patternExamples[pattern].map(JSONValue.string) }
                return "text"
            case "boolean":
                return .bool(true)
            default:
                return nil
            }
        }

        /// A value of the definition's first form that is not a mapping, to end a recursion.
        func value(avoidingMappings definition: JSONValue) -> JSONValue? {
            guard case .object(let keywords) = definition, case .array(let options)? = keywords["anyOf"] else { return nil }
            return options.first { SchemaTests.mapping(of: $0) == nil }.flatMap(value(for:))
        }
    }
}

/// What `ContentDecoder.decodeDocument` decodes; every described type is one.
typealias DecodableMatter = SchemaDescribing & Decodable & Sendable & Hashable

extension SchemaDescribing {
    static var keyNames: [String] { Key.allCases.map(\.stringValue) }
}
