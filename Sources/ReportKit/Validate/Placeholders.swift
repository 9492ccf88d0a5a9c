import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The placeholders `arsrapport new` writes (`"FYLL I: …"`), found wherever they are left:
/// errors in a build, so that nothing unfinished is published, warnings in `serve`. A report
/// marked `draft: true` may keep them (it is not published); so may the file of a
/// municipality whose only reports are drafts.
enum Placeholders {
    static let marker = "FYLL I"

    static func find(in files: [SourceFile], content: Content, severity: Diagnostic.Severity, drafts: Bool) -> [Diagnostic] {
        let draftFolders = Set(content.reports.filter(\.isDraft).map(\.id))
        let published = Set(content.reports.filter { !$0.isDraft }.map(\.index.matter.municipality.value))
        var diagnostics: [Diagnostic] = []
        for file in files where mentionsMarker(file.text) {
            let parts = file.relativePath.split(separator: "/")
            let draftFolder = parts.count == 2 && draftFolders.contains(String(parts[0]))
            let unpublishedMunicipality = parts.count == 2 && parts[0] == "kommuner"
                && !published.contains(String(parts[1].dropLast(3)))
            if (draftFolder || unpublishedMunicipality) && !drafts { continue }
            let level: Diagnostic.Severity = draftFolder || unpublishedMunicipality ? .warning : severity
            for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let range = rest.range(of: marker) {
                    let column = line[..<range.lowerBound].unicodeScalars.count + 1
                    let text = rest[range.lowerBound...].prefix { $0 != "\"" && $0 != "#" }
                    diagnostics.append(Diagnostic(level, at: file.location(line: index + 1, column: column), .placeholder,
                                                  [String(text.reversed().drop { $0 == " " }.reversed())]))
                    rest = rest[range.upperBound...]
                }
            }
        }
        return diagnostics
    }

    /// Whether the marker occurs in `text`, by a byte search over its UTF-8 (memchr for the
    /// first byte, then a compare): every file is looked at on every build, and Foundation's
    /// `contains` (CFStringFind, over UTF-16) was 9.5 % of a `serve` rebuild's CPU at 10,000
    /// pages in the profile.
    static func mentionsMarker(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            markerBytes.withUnsafeBufferPointer { marker in
                guard let base = bytes.baseAddress, let markerBase = marker.baseAddress else { return false }
                let first = Int32(marker[0])
                var at = 0
                while bytes.count - at >= marker.count {
                    guard let found = memchr(base + at, first, bytes.count - at) else { return false }
                    let offset: Int = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    if bytes.count - offset >= marker.count, memcmp(base + offset, markerBase, marker.count) == 0 { return true }
                    at = offset + 1
                }
                return false
            }
        }
    }

    static let markerBytes = Array(marker.utf8)
}
