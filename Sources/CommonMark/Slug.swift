import Foundation

/// Stable, Swedish-aware URL fragments: "Ekonomi – måluppfyllelse 2022" → "ekonomi-maluppfyllelse-2022".
public enum Slug {
    /// Lower-cases `text`, folds å ä ö (and other accented letters) to their base letter,
    /// turns every run of other characters into one `-`, and trims `-` at both ends.
    /// Returns `"avsnitt"` for text that has no letter or digit.
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39:  // a-z, 0-9
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            case 0x300...0x36F:  // combining marks left by decomposition: å → a + ring
                continue
            default:
                pendingDash = true
            }
        }
        return slug.isEmpty ? "avsnitt" : slug
    }
}

/// Hands out each slug once per document: the second "Ekonomi" becomes "ekonomi-2".
public struct SlugRegistry: Sendable {
    private var taken: Set<String> = []

    public init() {}

    /// Returns `slug`, or `slug-2`, `slug-3`… if it was already claimed.
    public mutating func claim(_ slug: String) -> String {
        var candidate = slug
        var counter = 2
        while !taken.insert(candidate).inserted {
            candidate = "\(slug)-\(counter)"
            counter += 1
        }
        return candidate
    }
}
