import Foundation

/// A JSON value, for documents this program writes by structure rather than from a Swift type
/// (the front-matter schema), so that any shape can be written and the output stays fixed.
enum JSONValue: Sendable, Hashable, Encodable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByIntegerLiteral {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case integer(Int)
    case bool(Bool)

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(integerLiteral value: Int) { self = .integer(value) }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let members): try container.encode(members)
        case .array(let elements): try container.encode(elements)
        case .string(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        }
    }

    /// The value as text in the project's JSON style (as `check --format json` and the data
    /// exports): sorted keys and indentation, so the same value always gives the same bytes.
    var rendered: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Every `$ref` string in the value, at any depth.
    var references: Set<String> {
        switch self {
        case .object(let members):
            var found: Set<String> = []
            for (key, member) in members {
                if key == "$ref", case .string(let target) = member { found.insert(target) }
                found.formUnion(member.references)
            }
            return found
        case .array(let elements):
            return elements.reduce(into: []) { $0.formUnion($1.references) }
        case .string, .integer, .bool:
            return []
        }
    }
}
