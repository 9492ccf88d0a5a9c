import Mustache

/// HTML escaping for `{{value}}`, on UTF-8 bytes.
///
/// swift-mustache's own escaper looks every Character up in a dictionary; in a 10 000-page
/// build that was a tenth of all CPU time. This one replaces the same five characters with
/// the same entities, returns text that needs none unchanged (most values: no copy), and is
/// registered as a Mustache content type that every template selects (see `TemplateSet`).
struct HTMLEscapingContentType: MustacheContentType {
    /// The name templates select it by: `{{% CONTENT_TYPE: ARSRAPPORT_HTML}}`.
    static let name = "ARSRAPPORT_HTML"

    func escapeText(_ text: String) -> String {
        HTMLEscape.escape(text)
    }
}

enum HTMLEscape {
    /// `<`, `>`, `&`, `"` and `'` as `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;`, as
    /// swift-mustache writes them. It works on bytes, so a combining mark after one of them
    /// (a single Character, which swift-mustache left alone) is escaped too.
    static func escape(_ text: String) -> String {
        var extra = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"): extra += 3
            case UInt8(ascii: "&"), UInt8(ascii: "'"): extra += 4
            case UInt8(ascii: "\""): extra += 5
            default: continue
            }
        }
        guard extra > 0 else { return text }
        let count = text.utf8.count + extra
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            func put(_ entity: StaticString) {
                entity.withUTF8Buffer { bytes in
                    for byte in bytes {
                        buffer[index] = byte
                        index += 1
                    }
                }
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "<"): put("&lt;")
                case UInt8(ascii: ">"): put("&gt;")
                case UInt8(ascii: "&"): put("&amp;")
                case UInt8(ascii: "\""): put("&quot;")
                case UInt8(ascii: "'"): put("&#39;")
                default:
                    buffer[index] = byte
                    index += 1
                }
            }
            return index
        }
    }
}
