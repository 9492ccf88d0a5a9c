import Foundation

/// The index the search page reads: every page, and its text split into passages, each with
/// the anchor of the heading, table, figure or goal it stands under, so that a hit leads to
/// the place on the page (`solna-2023/mal-och-resultat/#ekonomiskt-bistand`).
///
/// Written as a script that assigns a global, not as JSON, because a page opened from disk
/// may not fetch() a file beside it, but may load a script. Only the search page loads it.
struct SearchIndex {
    let site: Site
    let linker: Linker
    /// The comparisons, for the values a metric's year page lists.
    let comparisons: ComparisonIndex

    struct Page: Encodable {
        /// Site path, e.g. `solna-2023/ekonomi/`; the page script adds the way back to the root.
        let p: String
        /// Title.
        let t: String
        /// "Solna 2023", "Solna", or "" for pages that belong to no municipality.
        let r: String
        /// Municipality id ("solna") and the report's year (0 for none), for the filters.
        let k: String
        let y: Int
    }

    /// One passage: the page's position in `pages`, the anchor ("" for the top of the page),
    /// the heading it stands under and its text. Encoded as an array, to keep the file small.
    struct Passage: Encodable {
        let page: Int
        let anchor: String
        let heading: String
        let text: String

        func encode(to encoder: Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(page)
            try container.encode(anchor)
            try container.encode(heading)
            try container.encode(text)
        }
    }

    struct Index: Encodable {
        let pages: [Page]
        let passages: [Passage]
    }

    func index(bodies: [String: RenderedBody]) -> Index {
        let (names, metricTitles) = (municipalityNames, self.metricTitles)
        var pages: [Page] = []
        var passages: [Passage] = []
        for page in site.pages {
            if case .notFound = page.kind { continue }
            let (entry, pagePassages) = self.entry(for: page, number: pages.count, body: bodies[page.path], names: names,
                                                   metricTitles: metricTitles)
            pages.append(entry)
            passages += pagePassages
        }
        return Index(pages: pages, passages: passages)
    }

    /// Municipality id → short name, for the pages' labels.
    var municipalityNames: [String: String] {
        Dictionary(site.content.municipalities.map { ($0.id, $0.matter.shortName) }, uniquingKeysWith: { a, _ in a })
    }

    /// Metric id → title, for the passage of a section's figures.
    var metricTitles: [String: String] {
        Dictionary(site.content.metrics.map { ($0.id, $0.matter.title) }, uniquingKeysWith: { a, _ in a })
    }

    /// One page of the index and its passages, the page being `number` in the index.
    func entry(for page: ReportKit.Page, number: Int, body: RenderedBody?, names: [String: String],
               metricTitles: [String: String]) -> (Page, [Passage]) {
        var passages: [Passage] = []
        var label = "", municipality = "", year = 0
        var top: [String] = []
        var extra: [Passage] = []
        func add(_ anchor: String, _ heading: String, _ words: [String?]) {
            let text = Self.joined(words)
            if !text.isEmpty || !heading.isEmpty { extra.append(Passage(page: number, anchor: anchor, heading: heading, text: text)) }
        }
        switch page.kind {
        case .report(let report):
            municipality = report.index.matter.municipality.value
            year = report.index.matter.year.value
            label = "\(names[municipality] ?? municipality) \(year)"
            top.append(report.index.matter.committee)
        case .section(let report, let section):
            municipality = report.index.matter.municipality.value
            year = report.index.matter.year.value
            label = "\(names[municipality] ?? municipality) \(year)"
            let matter = section.document.matter
            top.append(matter.summarises)
            let figures = matter.figures ?? []
            if !figures.isEmpty {
                add("tabell-nyckeltal", "Nyckeltal", figures.flatMap { [metricTitles[$0.metric.value], $0.breakdown, $0.note, $0.contradiction] })
            }
            for table in matter.tables ?? [] {
                let cells = table.rows.flatMap { row in
                    row.cells.compactMap { cell -> String? in
                        if case .text(let text) = cell.content { return text }
                        return nil
                    }
                }
                add("tabell-\(table.id.value)", table.caption,
                    table.columns.map(\.label) + cells + [table.note, table.missing] + (table.contradictions ?? []).map(\.note))
            }
            if let discrepancies = matter.discrepancies, !discrepancies.isEmpty {
                add("fakta-motsagelser", "Motsägelser i rapporten", discrepancies.map(\.note))
            }
            for goal in matter.goals ?? [] {
                add("mal-\(goal.id.value)", goal.title,
                    [goal.verdict?.quote] + (goal.indicators ?? []).flatMap { [$0.name, $0.breakdown, $0.note] })
            }
        case .metric(let metric):
            top.append(metric.matter.definition)
        case .metricYear(let metric, let reportYear):
            // Found by the metric and the year ("nettokostnad 2023"), and by the values it lists.
            year = reportYear
            top += yearPageText(metric, year: reportYear)
        case .theme(let theme):
            top.append(theme.matter.description)
        case .municipality(let document):
            municipality = document.id
            label = document.matter.shortName
            top.append(document.matter.committeeScope)
        default:
            break
        }
        let entry = Page(p: page.path, t: page.title, r: label, k: municipality, y: year)
        let headings = body?.headings ?? []
        // The page itself, with what it says before its first heading.
        let lead = (body?.passages ?? []).first { $0.heading == nil }?.text
        passages.append(Passage(page: number, anchor: "", heading: "", text: Self.joined(top + [lead])))
        for passage in body?.passages ?? [] {
            guard let index = passage.heading, headings.indices.contains(index) else { continue }
            passages.append(Passage(page: number, anchor: headings[index].id, heading: headings[index].text, text: passage.text))
        }
        return (entry, passages + extra)
    }

    /// What a metric's year page says in words: the metric, the year and its definition, and
    /// each value of that year's reports as its table labels it: "Solna 2023, helår, utfall: 1 054,4 mnkr".
    func yearPageText(_ metric: Document<MetricMatter>, year: Int) -> [String] {
        let values = comparisons[metric.id, year: year]?.all ?? []
        return ["\(metric.matter.title) i rapporterna från \(year)", metric.matter.definition]
            + values.map { "\($0.label): \(NumberFormat.format($0.figure.value, unit: $0.figure.unit))" }
    }

    /// The non-empty texts once each, separated by " · ".
    static func joined(_ words: [String?]) -> String {
        var seen: Set<String> = []
        return words.compactMap { $0 }.filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: " · ")
    }

    func file(bodies: [String: RenderedBody]) -> OutputFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(index(bodies: bodies))).map { String(decoding: $0, as: UTF8.self) } ?? "{\"pages\":[],\"passages\":[]}"
        // JSON is valid JavaScript; escaping "<" keeps "</script>" in any text inert.
        let script = "window.ARSRAPPORT_SOKINDEX = " + json.replacingAll("<", with: "\\u003c") + ";\n"
        return OutputFile(path: Self.path, contents: .bytes(Array(script.utf8)))
    }

    static let path = "assets/sokindex.js"
}
