/// Finds attribute values in rendered HTML by scanning its UTF-8 bytes.
///
/// Profiling the build showed `String.firstRange(of:)` (grapheme-aware, generic) taking a
/// third of render time; the markup searched for is ASCII, so a byte scan is exact and fast.
/// Only double-quoted values written as ` name="…"` are found: that is how the templates and
/// libcmark write every attribute.
enum AttributeScanner {
    /// Values of the attributes named `names` (e.g. `["href", "src"]`), in document order.
    static func values(of names: [String], in html: String) -> [String] {
        let patterns = names.map { Array(" \($0)=\"".utf8) }
        var html = html
        return html.withUTF8 { bytes -> [String] in
            var values: [String] = []
            var index = 0
            let count = bytes.count
            while index < count {
                // Every pattern starts with a space and ends with `="`: cheap first test.
                guard bytes[index] == 0x20 else {
                    index += 1
                    continue
                }
                var matched: [UInt8]?
                for pattern in patterns where index + pattern.count <= count {
                    var equal = true
                    for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                        equal = false
                        break
                    }
                    if equal {
                        matched = pattern
                        break
                    }
                }
                guard let pattern = matched else {
                    index += 1
                    continue
                }
                let start = index + pattern.count
                var end = start
                while end < count, bytes[end] != 0x22 { end += 1 }
                values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                index = end + 1
            }
            return values
        }
    }
}
