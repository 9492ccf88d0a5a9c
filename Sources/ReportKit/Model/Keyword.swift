/// A closed set of words in front matter (`basis: utfall`), decoded with a helpful message.
public protocol Keyword: RawRepresentable<String>, CaseIterable, Decodable, Sendable, Hashable {
    /// The front-matter key the word belongs to, for messages.
    static var keyName: String { get }
}

extension Keyword {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw CatalogueError.notOneOf(Self.keyName, text, Self.allCases.map(\.rawValue))
        }
        self = value
    }
}
