extension Decoder {
    /// Where the value being decoded was written: its line and column in the `.md` file when
    /// the decoder is ours, the start of an unnamed file otherwise (a value decoded by another
    /// decoder, as in tests of the model alone).
    var sourceLocation: SourceLocation {
        guard let decoder = self as? NodeDecoder else { return SourceLocation(path: "", line: 1, column: 1) }
        return decoder.session.location(of: decoder.node)
    }
}
