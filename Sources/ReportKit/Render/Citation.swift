/// Where a value stands in its report, said so that a citizen can find it: "Årsredovisning
/// 2022, s. 12, avsnittet Ekonomi", linked to the document at that page when the report gives
/// `document_url`; where only a line of the text version is known, "rad 337 i textversionen
/// av rapporten". The quote goes with it.
struct Citation {
    let text: String
    let href: String?
    let quote: String?

    init(_ source: SourceReference, report: Report, section: Section?) {
        let matter = report.index.matter
        let kind = matter.reportKind.value == .delårsrapport ? "Delårsrapport" : "Årsredovisning"
        var parts = ["\(kind) \(matter.year.value)"]
        if let page = source.page { parts.append("s. \(page)") }
        if let section { parts.append("avsnittet \(section.document.matter.title)") }
        if let lines = Self.lines(source) {
            parts.append(source.page == nil ? "\(lines) i textversionen av rapporten" : "\(lines) i textversionen")
        }
        text = parts.joined(separator: ", ")
        if let url = matter.documentURL, url.hasPrefix("https://") || url.hasPrefix("http://") {
            href = source.page.map { "\(url)#page=\($0)" } ?? url
        } else {
            href = nil
        }
        quote = source.quote
    }

    /// The citation and its quote as one text, for a CSV file: `…, s. 12: "1 054,4"`.
    var plainText: String {
        quote.map { "\(text): \"\($0)\"" } ?? text
    }

    /// "rad 337" or "rad 532–570"; nil when no line is given.
    static func lines(_ source: SourceReference) -> String? {
        if let line = source.line { return "rad \(line)" }
        if let lines = source.lines, let first = lines.first, let last = lines.last {
            return first == last ? "rad \(first)" : "rad \(first)–\(last)"
        }
        return nil
    }
}
