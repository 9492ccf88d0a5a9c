import CommonMark
import Foundation

/// The search index in shares: a report's pages form one share, and each run of pages that
/// belong to no report another. A rebuild of `serve` after a one-report edit encodes only that
/// report's entries again and joins the file from the shares, byte for byte what `file(bodies:)`
/// writes.
extension SearchIndex {
    /// What a page's entry is made of: when it is equal, the entry is too.
    struct PageKey: Equatable, Sendable {
        let path: String
        let title: String
        let source: Source
        let headings: [Heading]
        let passages: [CommonMark.Passage]
    }

    /// The front matter a page's entry reads.
    enum Source: Equatable, Sendable {
        case none
        case report(ReportMatter)
        case section(ReportMatter, SectionMatter)
        case metric(MetricMatter)
        /// A metric's year page: its metric and the text of its values.
        case metricYear(MetricMatter, [String])
        case theme(ThemeMatter)
        case municipality(String, MunicipalityMatter)
    }

    /// A share's pages and passages, encoded as they stand inside the index's two arrays.
    struct Share: Sendable {
        /// The position of the share's first page in the index: passages carry page numbers.
        let first: Int
        let pages: [PageKey]
        let pagesJSON: [UInt8]
        /// Empty when the share has no passages.
        let passagesJSON: [UInt8]
    }

    /// What one index leaves for the next.
    struct Memo: Sendable {
        /// By report id, or "/" and the path of the first page of a run of pages of no report.
        let shares: [String: Share]
        let names: [String: String]
        let metricTitles: [String: String]
        /// How many of the reports' shares the index that made this memo computed (the others
        /// it reused), and how many there are; and the same of every share.
        let recomputedReports: Int
        let reports: Int
        let recomputed: Int
    }

    /// `assets/sokindex.js`, reusing the shares of `memo` whose pages, bodies and positions are unchanged.
    func file(bodies: [String: RenderedBody], reusing memo: Memo?) -> (OutputFile, Memo) {
        let (names, metricTitles) = (municipalityNames, self.metricTitles)
        let reusable = memo.flatMap { $0.names == names && $0.metricTitles == metricTitles ? $0.shares : nil } ?? [:]
        var shares: [String: Share] = [:]
        var order: [Share] = []
        var (recomputed, recomputedReports, reports) = (0, 0, 0)
        var number = 0
        for (id, pages) in runs() {
            let keys = pages.map { key(of: $0, body: bodies[$0.path]) }
            let share: Share
            if let old = reusable[id], old.first == number, old.pages == keys {
                share = old
            } else {
                var entries: [Page] = []
                var passages: [Passage] = []
                for (offset, page) in pages.enumerated() {
                    let (entry, more) = entry(for: page, number: number + offset, body: bodies[page.path], names: names,
                                              metricTitles: metricTitles)
                    entries.append(entry)
                    passages += more
                }
                share = Share(first: number, pages: keys, pagesJSON: Self.elements(entries), passagesJSON: Self.elements(passages))
                recomputed += 1
                if !id.hasPrefix("/") { recomputedReports += 1 }
            }
            if !id.hasPrefix("/") { reports += 1 }
            shares[id] = share
            order.append(share)
            number += pages.count
        }
        var json = Array("{\"pages\":[".utf8)
        json += Self.joined(order.map(\.pagesJSON))
        json += Array("],\"passages\":[".utf8)
        json += Self.joined(order.map(\.passagesJSON))
        json += Array("]}".utf8)
        let script = Array("window.ARSRAPPORT_SOKINDEX = ".utf8) + json + Array(";\n".utf8)
        let memo = Memo(shares: shares, names: names, metricTitles: metricTitles, recomputedReports: recomputedReports,
                        reports: reports, recomputed: recomputed)
        return (OutputFile(path: Self.path, contents: .bytes(script)), memo)
    }

    /// The index's pages in order (the 404 page left out), in runs: each report's pages, each
    /// metric's year page alone (a one-figure edit changes the values of one of them), and the
    /// other pages between them that belong to no report.
    func runs() -> [(id: String, pages: [ReportKit.Page])] {
        var runs: [(id: String, pages: [ReportKit.Page])] = []
        for page in site.pages {
            let id: String
            switch page.kind {
            case .notFound: continue  // as in `index(bodies:)`
            case .report(let report), .section(let report, _): id = report.id
            case .metricYear: id = "/" + page.path
            default:
                let joins = runs.last.map { run in
                    if case .metricYear = run.pages[0].kind { return false }
                    return run.id.hasPrefix("/")
                } ?? false
                id = joins ? runs[runs.count - 1].id : "/" + page.path
            }
            if runs.last?.id == id { runs[runs.count - 1].pages.append(page) } else { runs.append((id, [page])) }
        }
        return runs
    }

    func key(of page: ReportKit.Page, body: RenderedBody?) -> PageKey {
        let source: Source
        switch page.kind {
        case .metricYear(let metric, let year): source = .metricYear(metric.matter, yearPageText(metric, year: year))
        case .report(let report): source = .report(report.index.matter)
        case .section(let report, let section): source = .section(report.index.matter, section.document.matter)
        case .metric(let metric): source = .metric(metric.matter)
        case .theme(let theme): source = .theme(theme.matter)
        case .municipality(let document): source = .municipality(document.id, document.matter)
        default: source = .none
        }
        return PageKey(path: page.path, title: page.title, source: source, headings: body?.headings ?? [],
                       passages: body?.passages ?? [])
    }

    /// The values as `file(bodies:)` encodes them in its arrays: comma-separated, without the
    /// brackets, with "<" escaped as it is there.
    static func elements<T: Encodable>(_ values: [T]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return Array(json.replacingAll("<", with: "\\u003c").utf8.dropFirst().dropLast())
    }

    /// The non-empty parts, separated by commas.
    static func joined(_ parts: [[UInt8]]) -> [UInt8] {
        var result: [UInt8] = []
        for part in parts where !part.isEmpty {
            if !result.isEmpty { result.append(UInt8(ascii: ",")) }
            result += part
        }
        return result
    }
}
