import Foundation
import Testing
@testable import ReportKit

/// The built real site as a reader meets it: comparisons, cross-links, open data, and a crawl.
@Suite(.serialized) struct ComparisonTests {
    /// One build of the real content shared by the tests of this suite.
    /// A failed build is a failing test (`realSiteBuilds`), not a crash of the whole run: the
    /// other tests then fail on the missing pages.
    static let built: (output: URL, content: Content, errors: [String]) = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("arsrapport-compare-\(UUID().uuidString)")
        let result = SiteBuilder.build(BuildOptions(content: RealContentTests.content,
                                                    templates: TestSite.repository.appendingPathComponent("templates"),
                                                    output: output, displayRoot: TestSite.repository))
        return (output, RealContentTests.decoded(), result.errors)
    }()

    @Test func realSiteBuilds() {
        #expect(Self.built.errors == [])
    }

    /// "Huddinge 2020", as pages name a report.
    static func label(_ report: Report) -> String {
        let id = report.index.matter.municipality.value
        let name = built.content.municipalities.first { $0.id == id }?.matter.shortName ?? id
        return "\(name) \(report.index.matter.year.value)"
    }

    static func page(_ path: String) throws -> String {
        try String(contentsOf: built.output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Text of an HTML fragment without tags and with entities decoded.
    static func text(_ html: some StringProtocol) -> String {
        var result = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { result.append(character) }
        }
        return result.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Rows of the table with `id`, each as its cells' text.
    static func rows(ofTable id: String, in html: String) -> [[String]] {
        guard let start = html.range(of: "id=\"\(id)\""),
              let body = html[start.upperBound...].range(of: "<tbody>"),
              let end = html[body.upperBound...].range(of: "</tbody>") else { return [] }
        return html[body.upperBound..<end.lowerBound].components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "</t").dropLast().map { cell in text(cell.drop { $0 != ">" }.dropFirst()) }
        }
    }

    /// `−1 054,4 mnkr` → −1054.4.
    static func number(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: ",", with: ".")
            .filter { $0.isNumber || $0 == "-" || $0 == "." }
        return Double(cleaned)
    }

    static let factors: [MeasureUnit: Double] = [.mnkr: 1e6, .mkr: 1e6, .tkr: 1e3, .kr: 1]

    /// The comparison of every metric, as the pages were built from it.
    static let comparisons: ComparisonIndex = {
        let content = built.content
        return ComparisonIndex(content: content, figures: content.normalisedFigures())
    }()

    /// A figure's value in its metric's unit and sign, worked out here rather than by the
    /// program's normalisation.
    static func expected(_ figure: Figure, metric: MetricMatter) -> Double {
        var value = figure.value.value.doubleValue
        if let from = factors[figure.unit.value], let to = factors[metric.unit] { value = value * from / to }
        return figure.sign?.negates == true ? -value : value
    }

    @Test func comparisonTablesShowTheChartedSetNormalised() throws {
        var compared = 0
        for metric in Self.built.content.metrics {
            let rows = Self.rows(ofTable: "jamforelse", in: try Self.page("jamfor/\(metric.id)/index.html"))
            let charted = try #require(Self.comparisons[metric.id]).charted
            #expect(rows.map { $0.first ?? "" } == charted.map(\.label), "jamfor/\(metric.id)")
            for (row, value) in zip(rows, charted) {
                let expected = Self.expected(value.figure.figure, metric: metric.matter)
                #expect(Self.number(row[3]).map { abs($0 - expected) < 1e-9 } == true,
                        "jamfor/\(metric.id) \(value.label): page shows \(row[3]), content gives \(expected)")
                #expect(row[3].hasSuffix("\u{A0}\(metric.matter.unit.rawValue)"))
                compared += 1
            }
        }
        #expect(compared >= 12)
    }

    /// Issue #12: no chart holds values of two kinds, two bases or two period coverages, and
    /// every bar's visible label names its report, period and basis. Worked out here from the
    /// figures themselves, not from the program's sets.
    @Test func everyChartHoldsOneComparableSetAndLabelsItsPeriods() throws {
        let content = Self.built.content
        var charts = 0
        for metric in content.metrics {
            let html = try Self.page("jamfor/\(metric.id)/index.html")
            let labels = html.components(separatedBy: "<span class=\"bar-label\">").dropFirst()
                .map { String($0.prefix { $0 != "<" }).replacingOccurrences(of: "&quot;", with: "\"") }
            guard !labels.isEmpty else { continue }
            charts += 1
            let charted = try #require(Self.comparisons[metric.id]).charted
            #expect(labels == charted.map(\.label), "jamfor/\(metric.id)")
            var kinds: Set<String> = [], bases: Set<String> = [], coverages: Set<String> = []
            for value in charted {
                let figure = value.figure.figure
                kinds.insert((figure.kind?.value ?? metric.matter.kind.value).rawValue)
                bases.insert(figure.base?.value.rawValue ?? "")
                #expect(figure.breakdown == nil && figure.notComparable == nil)
                let reportPeriod = value.figure.report.index.matter.period.value
                if let date = figure.date?.value {
                    coverages.insert("month \(date.month)")
                    #expect(value.label.contains(LocalDate.monthNames[date.month - 1]), "\(value.label)")
                } else if let dates = figure.dates {
                    if dates.months == 12 {
                        coverages.insert("full year")
                        let forecast = figure.basis == .prognos && !reportPeriod.isWholeYear
                        #expect(figure.basis == .utfall || (forecast && metric.matter.forecastComparable == true))
                        #expect(value.label.hasSuffix(forecast ? ", prognos för helåret" : ", utfall"), "\(value.label)")
                        #expect(forecast || dates.isWholeYear ? true : value.label.contains("–"), "\(value.label)")
                        #expect(forecast || !dates.isWholeYear || value.label.contains(", helår,"), "\(value.label)")
                    } else {
                        coverages.insert("months \(dates.start.month)–\(dates.end.month)")
                        #expect(value.label.contains("–"), "\(value.label)")
                    }
                } else {
                    Issue.record("jamfor/\(metric.id): \(value.label) is charted though its period is only words")
                }
            }
            #expect(kinds.count == 1 && bases.count == 1 && coverages.count == 1,
                    "jamfor/\(metric.id) mixes \(kinds.sorted()) \(bases.sorted()) \(coverages.sorted())")
            // The visible label is text a screen reader reads too; the bar itself is decoration.
            #expect(!html.contains("<span class=\"bar-label\" aria-hidden"))
        }
        #expect(charts >= 5)
    }

    @Test func partYearAndForecastAreSaidInTheirLabels() throws {
        let html = try Self.page("jamfor/nettokostnad/index.html")
        #expect(html.contains("<span class=\"bar-label\">Huddinge 2020, prognos för helåret</span>"))
        let apart = Self.rows(ofTable: "utanfor", in: html)
        #expect(apart.map { Array($0.prefix(3)) }.contains(["Huddinge 2020, jan–aug, utfall", "243,0\u{A0}mnkr", "delår januari–augusti"]))
        #expect(html.contains("Nämnderna ansvarar för olika områden"))
        #expect(!html.contains("Ett lägre värde är bättre"))
        let sick = try Self.page("jamfor/sjukfranvaro/index.html")
        let sickApart = Self.rows(ofTable: "utanfor", in: sick).map { Array($0.prefix(3)) }
        #expect(sickApart.contains { $0.first == "Huddinge 2020, Utfall 07- 2020, utfall, bas anges inte" })
        #expect(sickApart.contains(["Botkyrka 2018, helår, utfall, av den totala arbetstiden", "6,1\u{A0}%",
                                    "andel av den totala arbetstiden, inte av ordinarie arbetstid"]))
    }

    /// "Uppgift saknas" only where the report states nothing of the metric and its committee
    /// covers the area; "ingår inte i nämndens ansvar" where it does not.
    @Test func missingMeansMissingAndScopeIsSaid() throws {
        let content = Self.built.content
        var outOfScope = 0
        for metric in content.metrics {
            let html = try Self.page("jamfor/\(metric.id)/index.html")
            for report in content.reports {
                let municipality = try #require(content.municipality(report.index.matter.municipality.value))
                let label = "\(municipality.matter.shortName) \(report.index.matter.year.value)"
                let states = report.sections.contains { ($0.document.matter.figures ?? []).contains { $0.metric.value == metric.id } }
                let missing = html.range(of: "Uppgift saknas (rapporten anger inte nyckeltalet) för: ").map {
                    String(html[$0.upperBound...].prefix { $0 != "<" }) } ?? ""
                let notCovered = html.range(of: "ingår inte i nämndens ansvar för: ").map {
                    String(html[$0.upperBound...].prefix { $0 != "<" }) } ?? ""
                let covers = municipality.matter.covers(metric.matter.area.value)
                let absent = metric.matter.absent?[municipality.id]
                #expect(missing.contains(label + ".") == (covers && !states && absent == nil), "jamfor/\(metric.id): \(label)")
                if let absent, covers, !states { #expect(html.contains("<li>\(label): \(HTMLEscape.escape(absent))</li>")) }
                #expect(notCovered.contains(label + ".") == !covers, "jamfor/\(metric.id): \(label)")
                if !covers { outOfScope += 1 }
            }
        }
        #expect(outOfScope >= 5)
        let bistand = try Self.page("jamfor/ekonomiskt-bistand-per-hushall/index.html")
        #expect(bistand.contains("Ekonomiskt bistånd ingår inte i nämndens ansvar för: Huddinge 2020."))
    }

    @Test func comparisonIndexCountsWhatItsPagesShowSortedByTitle() throws {
        let page = try Self.page("jamfor/index.html")
        let cards = try #require(page.range(of: "<ul class=\"cards\">"))
        let html = String(page[cards.upperBound...]).components(separatedBy: "</ul>")[0]
        let items = html.components(separatedBy: "<li><a href=\"").dropFirst().map { item -> (href: String, title: String, count: String) in
            let href = String(item.prefix { $0 != "\"" })
            let title = Self.text(item.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
            let count = item.range(of: "<span class=\"count\">(").map { String(item[$0.upperBound...].prefix { $0 != ")" }) } ?? ""
            return (href, title, count)
        }
        let metrics = Self.built.content.metrics
        #expect(items.count == metrics.count)
        #expect(items.map(\.title) == items.map(\.title).sorted {
            ContextBuilder.swedishOrder($0).lexicographicallyPrecedes(ContextBuilder.swedishOrder($1)) })
        for item in items {
            let page = try Self.page("jamfor/" + item.href.replacingOccurrences(of: "index.html", with: "") + "index.html")
            let rows = Self.rows(ofTable: "jamforelse", in: page).count
            #expect(item.count.hasPrefix("\(rows) av 4 rapporter i jämförelsen"), "\(item.title): \(item.count), page has \(rows)")
        }
    }

    /// The start page's cards say what each value is, and what their goal counts count.
    @Test func startPageCardsSayPeriodBasisAndWhatIsCounted() throws {
        let html = try Self.page("index.html")
        let cards = html.components(separatedBy: "<li class=\"report-card\">").dropFirst()
        #expect(cards.count == 4)
        for card in cards {
            let values = card.components(separatedBy: "<dd><span class=\"num\">").dropFirst()
            #expect(values.count == 3)
            for value in values {
                let text = Self.text(value.components(separatedBy: "</dd>")[0])
                #expect(text == "uppgift saknas" || text.contains(", utfall"), "card value \(text)")
            }
            #expect(card.contains("mål som rapporten redovisar ("))
        }
        #expect(html.contains("243,0\u{A0}mnkr</span> <span class=\"value-label\">(jan–aug, utfall)</span>"))
        #expect(html.contains("8,2\u{A0}%</span> <span class=\"value-label\">(Utfall 07- 2020, utfall, bas anges inte)</span>"))
        #expect(html.contains("Antalen mål går inte att jämföra mellan kommunerna"))
        #expect(html.contains("är översatta till den gemensamma skalan av webbplatsen"))
    }

    /// A verdict mapped to the common scale shows the report's own word and says the mapping is the site's.
    @Test func verdictMappingsReadAsTheSitesJudgement() throws {
        let html = try Self.page("huddinge-2020/mal-och-resultat/index.html")
        #expect(html.contains("Rapportens ord: ”godtagbar”. Att det motsvarar ”Delvis uppfyllt” på den gemensamma skalan är webbplatsens tolkning."))
        let haninge = try Self.page("haninge-2022/mal-och-resultat/index.html")
        #expect(haninge.contains("Rapportens ord: ”delvis uppfyllt”.</span>"))
        #expect(haninge.contains("Rapportens ord: ”når kommunens beslutade målsättning”. Att det motsvarar ”Uppfyllt”"))
    }

    @Test func everyChartOffersItsDataAndItsImage() throws {
        for metric in Self.built.content.metrics where Self.comparisons[metric.id]?.hasChart == true {
            let html = try Self.page("jamfor/\(metric.id)/index.html")
            let csv = try Self.page("jamfor/\(metric.id)/diagram.csv")
            let svg = try Self.page("jamfor/\(metric.id)/diagram.svg")
            let csvSize = NumberFormat.fileSize(csv.utf8.count), svgSize = NumberFormat.fileSize(svg.utf8.count)
            #expect(html.contains("<a href=\"../../jamfor/\(metric.id)/diagram.csv\" download=\"\(metric.id).csv\">Ladda ner diagrammets data (CSV, \(csvSize))</a>"))
            #expect(html.contains("<a href=\"../../jamfor/\(metric.id)/diagram.svg\" download=\"\(metric.id).svg\">Ladda ner diagrammet (SVG, \(svgSize))</a>"))
            let charted = Self.comparisons[metric.id]!.charted
            #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == charted.count + 1)
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.contains("<title id=\"titel\">\(metric.matter.title)"))
            #expect(svg.contains("Källa: "))
            for value in charted { #expect(svg.contains(HTMLEscape.escape(value.label))) }
        }
    }

    @Test func sectionPagesLinkToTheSameSectionOfTheOtherReports() throws {
        let content = Self.built.content
        var links = 0
        for report in content.reports {
            for section in report.sections {
                let html = try Self.page("\(report.id)/\(section.kind.rawValue)/index.html")
                guard let compare = html.range(of: "id=\"jamfor-med\""), let end = html[compare.upperBound...].range(of: "</nav>") else {
                    Issue.record("\(report.id)/\(section.kind.rawValue) has no Jämför med")
                    continue
                }
                let nav = html[compare.upperBound..<end.lowerBound]
                for other in content.reports where other.id != report.id {
                    if other.sections.contains(where: { $0.kind == section.kind }) {
                        #expect(nav.contains("href=\"../../\(other.id)/\(section.kind.rawValue)/index.html\""),
                                "\(report.id)/\(section.kind.rawValue) does not link to \(other.id)")
                        links += 1
                    } else {
                        #expect(nav.contains("\(Self.label(other)) saknar avsnittet"), "\(report.id)/\(section.kind.rawValue) about \(other.id)")
                    }
                }
            }
        }
        #expect(links > 60)
    }

    @Test func openDataEqualsTheFiguresOnThePages() throws {
        let csv = try Self.page("data/nyckeltal.csv")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.built.output.appendingPathComponent("data/nyckeltal.json"))) as! [[String: String]]
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "kommun,rapport,period_start,period_slut,period_ord,datum,nyckeltal,basis,slag,bas,uppdelning,varde,enhet,normaliserat_varde,normaliserad_enhet,etikett,jamforbarhetsgrupp,ej_jamforbar,kalla")
        #expect(lines.count - 1 == json.count)
        let figures = Self.built.content.normalisedFigures()
        #expect(json.count == figures.count)
        for (row, figure) in zip(json, figures) {
            #expect(row["varde"] == figure.figure.value.value.description)
            #expect(row["normaliserat_varde"] == figure.value.description)
            // The number the page shows for this figure, in the section the row links to.
            let (path, anchor) = row["kalla"]!.split(separator: "#", maxSplits: 1).map(String.init).pair
            let html = try Self.page(path + "index.html")
            let shown = NumberFormat.format(figure.figure.value.value, unit: figure.figure.unit.value)
            if let anchor, let start = html.range(of: "id=\"\(anchor)\""), let end = html[start.upperBound...].range(of: "</tr>") {
                #expect(html[start.upperBound..<end.lowerBound].contains(shown), "\(path)#\(anchor) does not show \(shown)")
            } else {
                #expect(html.contains(shown), "\(path) does not show \(shown)")
            }
        }
        // What each value measures, and whether it is charted, as its metric's page says.
        var metricPages: [String: String] = [:]
        for (row, figure) in zip(json, figures) {
            let f = figure.figure
            let metric = try #require(Self.built.content.metric(f.metric.value))
            #expect(row["slag"] == (f.kind?.value ?? metric.matter.kind.value).rawValue)
            #expect(row["bas"] == (f.base?.value.rawValue ?? ""))
            #expect(row["period_start"] == f.dates.map { "\($0.start)" } ?? "")
            #expect(row["datum"] == (f.date?.value.iso ?? ""))
            #expect((row["period_ord"] ?? "").isEmpty == (f.period?.value.label == nil && f.date?.value.label == nil))
            #expect(row["jamforbarhetsgrupp"]?.hasPrefix("\(f.metric.value)/\(row["slag"]!)/") == true)
            let page = try metricPages[metric.id] ?? Self.page("jamfor/\(metric.id)/index.html")
            metricPages[metric.id] = page
            let charted = Self.rows(ofTable: "jamforelse", in: page).map { $0.first ?? "" }
            if row["ej_jamforbar"]!.isEmpty {
                #expect(charted.contains(row["etikett"]!), "\(row["etikett"]!) is not in the table of jamfor/\(metric.id)")
            } else {
                #expect(Self.text(page).contains("Inte jämförbar: \(row["ej_jamforbar"]!)"), "jamfor/\(metric.id): \(row["ej_jamforbar"]!)")
            }
        }
        // CSV and JSON hold the same values.
        for (line, row) in zip(lines.dropFirst(), json) {
            #expect(line.contains(",\(row["varde"]!),\(row["enhet"]!),\(row["normaliserat_varde"]!),"))
        }
    }

    @Test func pagesAndStylesheetStayLight() throws {
        for (path, data) in TestSite.snapshot(Self.built.output) where path.hasSuffix(".html") {
            #expect(data.count < 150_000, "\(path) is \(data.count) bytes")
        }
        let css = try Data(contentsOf: Self.built.output.appendingPathComponent("assets/style.css"))
        #expect(css.count < 30_000)
    }

    /// The search index holds the body text in passages, each under an anchor its page has.
    @Test func searchIndexHoldsBodyTextUnderExistingAnchors() throws {
        let script = try Self.page("assets/sokindex.js")
        let prefix = "window.ARSRAPPORT_SOKINDEX = "
        #expect(script.hasPrefix(prefix))
        let json = script.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        let index = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        let pages = index["pages"] as? [[String: Any]] ?? []
        let passages = index["passages"] as? [[Any]] ?? []
        #expect(pages.count > 90)
        // Pages with a body hold several passages each; a metric's year page holds one, of its values.
        let yearPages = Set(pages.indices.filter { (pages[$0]["p"] as? String)?.range(of: #"^jamfor/[^/]+/\d{4}/$"#, options: .regularExpression) != nil })
        #expect(!yearPages.isEmpty)
        #expect(passages.filter { !yearPages.contains($0[0] as? Int ?? -1) }.count > (pages.count - yearPages.count) * 3)
        var ids: [String: Set<String>] = [:]
        for passage in passages {
            guard let number = passage[0] as? Int, let anchor = passage[1] as? String, let path = pages[number]["p"] as? String,
                  !anchor.isEmpty else { continue }
            if ids[path] == nil {
                ids[path] = SiteRenderer.ids(in: try Self.page(path + "index.html")).0
            }
            #expect(ids[path]?.contains(anchor) == true, "\(path)#\(anchor)")
        }
        func hits(_ word: String) -> [(path: String, anchor: String)] {
            passages.compactMap { passage in
                guard let text = passage[3] as? String, text.localizedLowercase.contains(word), let number = passage[0] as? Int else { return nil }
                return (pages[number]["p"] as? String ?? "", passage[1] as? String ?? "")
            }
        }
        // Body text that no title, heading or table holds, under the heading it stands under.
        #expect(hits("inflationen").contains { $0.path == "solna-2023/mal-och-resultat/" && !$0.anchor.isEmpty })
        #expect(Set(hits("hemlöshet").map(\.path)).count >= 8)
        #expect(!script.contains("</script"))
        let page = try Self.page("sok/index.html")
        #expect(page.contains(#"<script src="../assets/sokindex.js"></script>"#))
        #expect(page.contains("Sökningen behöver JavaScript"))
        // Only the search page loads the index.
        for (path, data) in TestSite.snapshot(Self.built.output) where path.hasSuffix(".html") && path != "sok/index.html" {
            #expect(!String(decoding: data, as: UTF8.self).contains("sokindex.js"), "\(path)")
        }
    }

    @Test func crawlFindsNoBrokenLinksAndReachesEveryPage() throws {
        let root = Self.built.output
        let all = TestSite.snapshot(root)
        let pages = all.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        let checker = LinkChecker(pages: pages.map { ($0.key, $0.value) }, otherFiles: Array(all.keys))
        let broken = checker.brokenLinks(in: pages.map { ($0.key, $0.value) })
        #expect(broken.isEmpty, "\(broken.prefix(10))")

        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            for link in LinkChecker.links(in: pages[page] ?? "") {
                guard let (path, _) = LinkChecker.resolve(link, from: page), path.hasSuffix(".html"),
                      reached.insert(path).inserted else { continue }
                queue.append(path)
            }
        }
        let unreachable = Set(pages.keys).subtracting(reached).subtracting(["404.html"])
        #expect(unreachable.isEmpty, "not reachable from the start page: \(unreachable.sorted())")
        #expect(pages.count > 90)
    }
}

extension Array where Element == String {
    var pair: (String, String?) { (self[0], count > 1 ? self[1] : nil) }
}
