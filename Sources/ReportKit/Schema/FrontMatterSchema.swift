/// The JSON Schema (draft-07) of the front matter, generated from the types the validator
/// decodes into, for editors that check and complete front matter while it is typed.
public enum FrontMatterSchema {
    static let draft: JSONValue = "http://json-schema.org/draft-07/schema#"

    /// Every mapping type of the front matter, each one entry of `definitions`.
    static var describedTypes: [any SchemaDescribing.Type] {
        FrontMatterKind.allCases.map(\.matter) + [
            ReportMatter.Source.self, Period.self, SourceReference.self, Discrepancy.self,
            Figure.self, Table.self, Table.Column.self, Table.Row.self, Table.Cell.self, Table.Check.self,
            Table.Contradiction.self, CSVTableSpec.self, TableCellReference.self, Goal.self, Goal.Verdict.self, Goal.Indicator.self,
            ScaleMatter.Level.self, MunicipalityMatter.VerdictTerm.self,
        ]
    }

    static var definitions: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: describedTypes.map { ($0.definitionName, $0.definition.json) })
    }

    /// One document for every kind: a definition per kind and per shared part. With no path to
    /// tell the kind, it accepts front matter that is valid as any kind.
    public static func document() -> String {
        let root: [String: JSONValue] = [
            "$schema": draft,
            "title": "arsrapport front matter",
            "description": .string("Front matter of the content files of arsrapport; each kind of file has its own definition. "
                + "`arsrapport schema --kind <kind>` writes one kind as a schema of its own."),
            "definitions": .object(definitions),
            "anyOf": .array(FrontMatterKind.allCases.map { JSONSchema.ref($0.rawValue).json }),
        ]
        return JSONValue.object(root).rendered
    }

    /// A schema of its own for one kind of file, for an editor to apply to the files of that kind.
    public static func document(for kind: FrontMatterKind) -> String {
        var root = kind.matter.mappingSchema.keywords
        root["$schema"] = draft
        root["title"] = .string("Front matter of \(kind.files)")
        let used = definitions(reachableFrom: JSONValue.object(root))
        if !used.isEmpty { root["definitions"] = .object(used) }
        return JSONValue.object(root).rendered
    }

    /// The definitions `value` refers to, directly or through other definitions.
    static func definitions(reachableFrom value: JSONValue) -> [String: JSONValue] {
        let all = definitions
        var found: [String: JSONValue] = [:]
        var pending = Array(value.references)
        while let reference = pending.popLast() {
            let name = String(reference.dropFirst("#/definitions/".count))
            guard found[name] == nil, let definition = all[name] else { continue }
            found[name] = definition
            pending += definition.references
        }
        return found
    }
}
