/// A type that knows the JSON Schema of its values in front matter.
protocol SchemaProviding {
    static var valueSchema: JSONSchema { get }
}

/// A front-matter mapping whose schema is spelled out key by key over its own `CodingKeys`:
/// the schema names exactly the keys the decoder accepts, and a key added to `CodingKeys`
/// without a schema does not compile (`field(_:)` is an exhaustive switch).
protocol SchemaDescribing: SchemaProviding {
    associatedtype Key: CodingKey & CaseIterable
    /// Its name under the document's `definitions`, e.g. `figure`.
    static var definitionName: String { get }
    /// What the mapping is, for an editor's hover text.
    static var meaning: String { get }
    static func field(_ key: Key) -> Field
    /// Keys that are given together or not at all (the validator reports one without the other).
    static var keptTogether: [Key] { get }
    /// Its entry in `definitions`: the mapping, or every form the value may be written in.
    static var definition: JSONSchema { get }
}

extension SchemaDescribing {
    static var keptTogether: [Key] { [] }
    static var definition: JSONSchema { mappingSchema }
    static var valueSchema: JSONSchema { .ref(definitionName) }

    /// The mapping: its keys, the required ones, and no others (the decoder rejects unknown keys).
    static var mappingSchema: JSONSchema {
        let fields = Key.allCases.map { (name: $0.stringValue, field: field($0)) }
        var properties: [String: JSONValue] = [:]
        for (name, field) in fields { properties[name] = field.schema.json }
        var schema = JSONSchema.types("object")
            .with("properties", .object(properties))
            .with("additionalProperties", .bool(false))
            .with("description", .string(meaning))
        let required = fields.filter(\.field.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema = schema.with("required", .array(required)) }
        if !keptTogether.isEmpty {
            var dependencies: [String: JSONValue] = [:]
            for key in keptTogether {
                dependencies[key.stringValue] = .array(keptTogether.filter { $0.stringValue != key.stringValue }
                    .map { .string($0.stringValue) })
            }
            schema = schema.with("dependencies", .object(dependencies))
        }
        return schema
    }
}

/// One key of a mapping: what its value may be, whether it may be left out, and what it means.
struct Field {
    let schema: JSONSchema
    let isRequired: Bool
    /// The Swift type the key decodes into, so that a mapping whose decoding stopped at one
    /// bad key can still check the keys after it (all problems in one run).
    let valueType: (any Decodable.Type)?

    /// A key whose schema and optionality both follow from the Swift property it decodes into.
    init<Root, Value: SchemaProviding>(_ property: KeyPath<Root, Value>, _ meaning: String) {
        self.init(property, Value.valueSchema, meaning)
    }

    /// A key with a narrower schema than its Swift type gives (an id is a `String` but has a
    /// format); whether it is required still follows from the property being optional.
    init<Root, Value>(_ property: KeyPath<Root, Value>, _ schema: JSONSchema, _ meaning: String) {
        self.init(required: !(Value.self is any OptionalProtocol.Type), schema, meaning, valueType: Value.self as? any Decodable.Type)
    }

    /// A key that has no stored property of its own (a table cell's `value`), or whose
    /// property is filled another way when the key is left out (a CSV table's `rows`).
    init(required: Bool, _ schema: JSONSchema, _ meaning: String, valueType: (any Decodable.Type)? = nil) {
        isRequired = required
        self.valueType = valueType
        self.schema = (required ? schema : schema.nullable).described(meaning)
    }
}

extension String: SchemaProviding {
    static var valueSchema: JSONSchema { .text }
}

extension Int: SchemaProviding {
    static var valueSchema: JSONSchema { .wholeNumber }
}

extension Bool: SchemaProviding {
    static var valueSchema: JSONSchema { .boolean }
}

extension Array: SchemaProviding where Element: SchemaProviding {
    static var valueSchema: JSONSchema { .array(of: Element.valueSchema) }
}

/// Whether a key may be left out is the `Field`'s business; the value's schema is the wrapped one's.
extension Optional: SchemaProviding where Wrapped: SchemaProviding {
    static var valueSchema: JSONSchema { Wrapped.valueSchema }
}

extension Located: SchemaProviding where Value: SchemaProviding {
    static var valueSchema: JSONSchema { Value.valueSchema }
}
