import CommonMark

/// What content/ may hold besides pages: the files a page links to (images, PDFs, data), under
/// names that work in every browser and on every server. Everything else is left out of the
/// site with a diagnostic, so that an editor's backup or a private note is never published.
///
/// The rule is documented in docs/content-format.md ("Files beside the pages").
enum ContentAssets {
    /// File types a page may link to. SVG is left out on purpose: opened on its own it can run
    /// script on the site's origin.
    static let publishedExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "pdf", "csv", "xlsx", "docx"]

    enum Verdict: Equatable {
        case publish
        /// Not published; the message says why (a warning: the file is no page and was not meant as one).
        case skip(MessagePart)
        /// Not published, and the build fails: the file looks like a page that would be lost.
        case refuse(MessagePart)
    }

    /// The verdict for a non-Markdown file at `path` (relative to content/).
    static func verdict(for path: String) -> Verdict {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if isEditorLeftover(name) {
            return .skip(MessagePart(.editorLeftover))
        }
        let dot = name.lastIndex(of: ".")
        let suffix = dot.map { String(name[name.index(after: $0)...]) } ?? ""
        if ["md", "markdown", "mdown"].contains(suffix.lowercased()) {
            let stem = dot.map { String(name[..<$0]) } ?? name
            return .refuse(MessagePart(.upperCaseMD, stem))
        }
        guard publishedExtensions.contains(suffix) else {
            let known = publishedExtensions.sorted().joined(separator: ", ")
            if publishedExtensions.contains(suffix.lowercased()) {
                return .skip(MessagePart(.upperCaseSuffix, suffix.lowercased()))
            }
            return .skip(MessagePart(.unknownFileType, known))
        }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
        }
        guard allowed, !name.hasPrefix("-") else {
            return .skip(MessagePart(.unsafeFileName, safeName(name)))
        }
        return .publish
    }

    /// `x.md~`, `#x#`, `.#x` (Emacs), `x.swp` and `x.swo` (Vim), `x.bak`, `x.orig`, `x.tmp`.
    static func isEditorLeftover(_ name: String) -> Bool {
        if name.hasSuffix("~") || name.hasPrefix(".#") || (name.hasPrefix("#") && name.hasSuffix("#")) { return true }
        let lower = name.lowercased()
        return [".swp", ".swo", ".swx", ".bak", ".orig", ".tmp", ".rej"].contains { lower.hasSuffix($0) }
    }

    /// `Bild 1.PNG` → `bild-1.png`.
    static func safeName(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return Slug.make(name) }
        return Slug.make(String(name[..<dot])) + "." + name[name.index(after: dot)...].lowercased()
    }
}
