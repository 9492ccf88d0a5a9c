import Foundation

/// The index the search page reads: one entry per page with its title, the report it belongs
/// to, and the words a reader might look for (headings, metrics, table captions and row
/// labels, goals, themes). Written as a script that assigns a global, not as JSON, because a
/// page opened from disk may not fetch() a file beside it, but may load a script.
struct SearchIndex {
    let site: Site
    let linker: Linker

    struct Entry: Encodable {
        /// Site path, e.g. `solna-2023/ekonomi/`; the page script adds the way back to the root.
        let path: String
        let title: String
        /// "Solna 2023", or "" for pages that belong to no report.
        let report: String
        let text: String
    }

    func entries(headings: [String: [String]]) -> [Entry] {
        let names = Dictionary(site.content.municipalities.map { ($0.id, $0.matter.shortName) }, uniquingKeysWith: { a, _ in a })
        let metricTitles = Dictionary(site.content.metrics.map { ($0.id, $0.matter.title) }, uniquingKeysWith: { a, _ in a })
        return site.pages.compactMap { page -> Entry? in
            var words: [String] = headings[page.path] ?? []
            var report = ""
            switch page.kind {
            case .notFound: return nil
            case .report(let r):
                report = "\(names[r.index.matter.municipality.value] ?? "") \(r.index.matter.year.value)"
                words.append(r.index.matter.committee)
            case .section(let r, let section):
                report = "\(names[r.index.matter.municipality.value] ?? "") \(r.index.matter.year.value)"
                let matter = section.document.matter
                words.append(matter.summarises)
                words += (matter.figures ?? []).compactMap { metricTitles[$0.metric.value] }
                for table in matter.tables ?? [] {
                    words.append(table.caption)
                    words += table.rows.map(\.label)
                }
                words += (matter.goals ?? []).map(\.title)
            case .metric(let metric):
                words += [metric.matter.definition]
            case .theme(let theme):
                words.append(theme.matter.description)
            case .municipality(let municipality):
                report = municipality.matter.shortName
            default:
                break
            }
            var seen: Set<String> = []
            let text = words.filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: " · ")
            return Entry(path: page.path, title: page.title, report: report, text: text)
        }
    }

    func file(headings: [String: [String]]) -> OutputFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries(headings: headings))).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // JSON is valid JavaScript; escaping "<" keeps "</script>" in any text inert.
        let script = "window.ARSRAPPORT_SOKINDEX = " + json.replacingAll("<", with: "\\u003c") + ";\n"
        return OutputFile(path: "assets/sokindex.js", contents: .bytes(Array(script.utf8)))
    }
}
