/// A decoded value together with where it was written, for diagnostics that come later
/// than decoding (an unknown metric, a sum that does not add up).
public struct Located<Value: Decodable & Sendable & Hashable>: Decodable, Sendable, Hashable {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public init(from decoder: Decoder) throws {
        value = try Value(from: decoder)
        location = decoder.sourceLocation
    }
}
