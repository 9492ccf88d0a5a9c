import Foundation

/// `data/nyckeltal.csv` and `data/nyckeltal.json`: every figure of every report, as reported
/// and normalised, with the page it comes from, what it measures (kind, period or date,
/// base) and its comparable set. The numbers and reasons are the ones the pages show.
struct DataExport {
    let content: Content
    let linker: Linker
    let figures: [NormalisedFigure]
    let comparisons: ComparisonIndex

    /// The figures and their comparable sets come from the index, normalised once per build.
    init(index: SiteIndex, linker: Linker) {
        content = index.content
        self.linker = linker
        figures = index.figures
        comparisons = index.metricComparisons
    }

    struct Row: Encodable {
        let kommun: String
        let rapport: String
        let period_start: String
        let period_slut: String
        /// The period in the report's own words, when it states it so (with or without dates).
        let period_ord: String
        /// A stock's day (YYYY-MM-DD) or month (YYYY-MM).
        let datum: String
        let nyckeltal: String
        let basis: String
        /// flow, stock, share or average.
        let slag: String
        /// The base of a share.
        let bas: String
        /// "Huddinge 2020, jan–aug, utfall", as the pages label it.
        let etikett: String
        /// The comparable set, e.g. nettokostnad/flow/helar.
        let jamforbarhetsgrupp: String
        /// Why the value is not in its metric's chart; empty when it is.
        let ej_jamforbar: String
        let uppdelning: String
        let varde: String
        let enhet: String
        let normaliserat_varde: String
        let normaliserad_enhet: String
        let kalla: String
    }

    func rows() -> [Row] {
        let names = municipalityNames
        return figures.map { row(for: $0, names: names) }
    }

    /// Municipality id → name, as the rows give it.
    var municipalityNames: [String: String] {
        Dictionary(content.municipalities.map { ($0.id, $0.matter.name) }, uniquingKeysWith: { first, _ in first })
    }

    func row(for figure: NormalisedFigure, names: [String: String]) -> Row {
        let f = figure.figure
        let placed = comparisons.placement(of: figure)
        let municipality = names[figure.report.index.matter.municipality.value] ?? figure.report.index.matter.municipality.value
        let path = "\(figure.report.id)/\(figure.section.kind.rawValue)/"
        let anchor = f.id.map { "#figur-\($0.value)" } ?? ""
        return Row(
            kommun: municipality, rapport: figure.report.id,
            period_start: f.dates.map { "\($0.start)" } ?? "", period_slut: f.dates.map { "\($0.end)" } ?? "",
            period_ord: f.period?.value.label ?? f.date?.value.label ?? "", datum: f.date?.value.iso ?? "",
            nyckeltal: f.metric.value, basis: f.basis.rawValue,
            slag: placed?.key.kind.rawValue ?? "", bas: placed?.key.base?.rawValue ?? "",
            etikett: placed?.label ?? "", jamforbarhetsgrupp: placed?.key.id ?? "", ej_jamforbar: placed?.reason ?? "",
            uppdelning: f.breakdown ?? "",
            varde: f.value.value.description, enhet: f.unit.value.rawValue,
            normaliserat_varde: figure.value.description, normaliserad_enhet: figure.unit.rawValue,
            kalla: (linker.absoluteURL(of: path) ?? path) + anchor)
    }

    func files() -> [OutputFile] {
        let rows = rows()
        return [
            OutputFile(path: "data/nyckeltal.csv", contents: .bytes(Self.csv(rows))),
            OutputFile(path: "data/nyckeltal.json", contents: .bytes(Self.json(rows))),
        ]
    }

    static func csv(_ rows: [Row]) -> [UInt8] {
        csvHeader + csvLines(rows)
    }

    static let csvHeader = Array((["kommun", "rapport", "period_start", "period_slut", "period_ord", "datum", "nyckeltal", "basis",
                                   "slag", "bas", "uppdelning", "varde", "enhet", "normaliserat_varde", "normaliserad_enhet",
                                   "etikett", "jamforbarhetsgrupp", "ej_jamforbar", "kalla"].joined(separator: ",") + "\r\n").utf8)

    /// One line per row, each ending in CRLF.
    static func csvLines(_ rows: [Row]) -> [UInt8] {
        var csv = ""
        for row in rows {
            let fields = [row.kommun, row.rapport, row.period_start, row.period_slut, row.period_ord, row.datum, row.nyckeltal,
                          row.basis, row.slag, row.bas, row.uppdelning, row.varde, row.enhet, row.normaliserat_varde,
                          row.normaliserad_enhet, row.etikett, row.jamforbarhetsgrupp, row.ej_jamforbar, row.kalla]
            csv += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return Array(csv.utf8)
    }

    static func json(_ rows: [Row]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(rows)) ?? Data("[]".utf8)
        return [UInt8](json) + [0x0A]
    }

    /// RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
    /// Tested on bytes, as a CSV reader reads them: a comma or quote followed by a combining
    /// mark, or a CRLF (one Character each), is still a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.utf8.first,
           first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "@")
            || (first == UInt8(ascii: "-") && Double(value) == nil) {
            value = "'" + value
        }
        guard value.utf8.contains(where: {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}
