/// Which link destinations may appear on a page.
///
/// cmark already blanks `javascript:`, `vbscript:` and `file:` URLs, but lets `data:image/…`
/// through; the site allows only plain web and mail links and relative references.
public enum URLPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Returns `url` if it is relative or uses an allowed scheme, otherwise `""`.
    public static func sanitize(_ url: String) -> String {
        isAllowed(url) ? url : ""
    }

    /// True for relative references (`page/`, `#anchor`, `../x.md`) and allowed schemes.
    public static func isAllowed(_ url: String) -> Bool {
        // Browsers ignore ASCII control characters and spaces inside a scheme ("java\tscript:").
        let squeezed = url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let text = String(String.UnicodeScalarView(squeezed))
        guard let colon = text.firstIndex(of: ":") else { return true }
        let scheme = text[..<colon]
        // A colon after the first "/", "?" or "#" is part of a relative path, not a scheme.
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return allowedSchemes.contains(scheme.lowercased())
    }
}
