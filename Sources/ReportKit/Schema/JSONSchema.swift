/// A JSON Schema (draft-07) for one front-matter value, as a set of keywords.
///
/// Scalars are typed as an editor's YAML 1.2 parser types them, not as the validator reads them
/// (it reads every scalar's raw text): `2022` arrives as an integer, `-1054.4` as a number,
/// `true` as a boolean and `2020-01-31` as a string. Where the validator accepts a value in
/// more than one of these forms, so does the schema, so that an editor never marks what
/// `arsrapport check` accepts.
struct JSONSchema: Sendable, Hashable {
    var keywords: [String: JSONValue]

    init(_ keywords: [String: JSONValue]) {
        self.keywords = keywords
    }

    var json: JSONValue { .object(keywords) }

    static func types(_ names: JSONValue...) -> JSONSchema {
        JSONSchema(["type": names.count == 1 ? names[0] : .array(names)])
    }

    /// Free text. The validator reads any scalar as its text, so a title of `2020` or a
    /// trend of `true` is text too, not an error.
    static let text = types("string", "number", "boolean")

    /// A whole number. Quotes are allowed because the validator reads `"2020"` as 2020 as well.
    /// An http(s) address.
    static let webAddressPattern = "^https?://"
    static let wholeNumber = types("integer", "string").with("pattern", "^[-+]?[0-9]+$")

    /// true or false. Quotes are allowed because the validator reads `"true"` as true as well.
    static let boolean = types("boolean", "string").with("pattern", "^(true|True|TRUE|false|False|FALSE)$")

    /// An id that is also part of a web address, as `Identifier.isValid` checks it; a file's
    /// name is one, so every reference to a metric, theme or municipality is one too.
    static let identifier = types("string", "integer")
        .with("pattern", .string(identifierPattern))
        .with("minimum", .integer(0))

    static let identifierPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"

    /// One of a fixed set of words, listed for an editor to complete.
    static func oneOf(_ words: [String]) -> JSONSchema {
        types("string").with("enum", .array(words.map(JSONValue.string)))
    }

    static func array(of items: JSONSchema) -> JSONSchema {
        types("array").with("items", items.json)
    }

    static func anyOf(_ options: [JSONSchema]) -> JSONSchema {
        JSONSchema(["anyOf": .array(options.map(\.json))])
    }

    /// A reference to an entry of the document's `definitions`.
    static func ref(_ definition: String) -> JSONSchema {
        JSONSchema(["$ref": .string("#/definitions/\(definition)")])
    }

    func with(_ keyword: String, _ value: JSONValue) -> JSONSchema {
        var copy = self
        copy.keywords[keyword] = value
        return copy
    }

    /// The schema with `text` in front of its description (editors show it on hover). In
    /// draft-07 a `$ref` hides every keyword beside it, so a reference is wrapped in `allOf`.
    func described(_ text: String) -> JSONSchema {
        let base = keywords["$ref"] == nil ? self : JSONSchema(["allOf": [json]])
        if case .string(let format)? = base.keywords["description"] {
            return base.with("description", .string(text + " " + format))
        }
        return base.with("description", .string(text))
    }

    /// The schema that also accepts nothing (`key:` or `key: ~`), which the validator treats
    /// as a key left out.
    var nullable: JSONSchema {
        var copy = self
        // An `enum` lists every allowed value, so widening its `type` would not let null in.
        if keywords["enum"] == nil, let type = keywords["type"] {
            if case .array(let names) = type {
                copy.keywords["type"] = .array(names + ["null"])
            } else {
                copy.keywords["type"] = [type, "null"]
            }
            return copy
        }
        if case .array(let options)? = keywords["anyOf"] {
            copy.keywords["anyOf"] = .array(options + [JSONSchema.types("null").json])
            return copy
        }
        return .anyOf([self, .types("null")])
    }
}
