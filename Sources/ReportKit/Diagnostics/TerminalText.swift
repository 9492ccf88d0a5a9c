/// Text from content (a YAML key, a file name) on its way to a terminal or a log: a newline
/// could forge a diagnostic line, an escape sequence clear the screen, a bidi override reorder
/// what is read. Each such character is shown as `\n`, `\t`, `\r` or `\u{1B}` instead.
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 controls, DEL, C1 controls, and the bidirectional embedding, override and isolate
    /// characters (U+202A–U+202E, U+2066–U+2069), as well as the marks U+200E, U+200F, U+061C.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
