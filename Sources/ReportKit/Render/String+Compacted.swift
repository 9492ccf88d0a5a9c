extension String {
    /// The same text in storage of exactly its size. Mustache builds a page by appending, so
    /// its storage grows by doubling and can be up to twice the page; every page is held
    /// until the site is written, so the slack adds up on a large site.
    func compacted() -> String {
        var text = self
        let count = text.utf8.count
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return count
            }
        }
    }
}
