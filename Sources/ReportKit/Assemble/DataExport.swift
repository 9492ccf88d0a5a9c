import Foundation

/// `data/nyckeltal.csv` and `data/nyckeltal.json`: every figure of every report, as reported
/// and normalised, with the page it comes from. The numbers are the ones the pages show.
struct DataExport {
    let content: Content
    let linker: Linker

    struct Row: Encodable {
        let kommun: String
        let rapport: String
        let period_start: String
        let period_slut: String
        let nyckeltal: String
        let basis: String
        let uppdelning: String
        let varde: String
        let enhet: String
        let normaliserat_varde: String
        let normaliserad_enhet: String
        let kalla: String
    }

    func rows() -> [Row] {
        let names = Dictionary(content.municipalities.map { ($0.id, $0.matter.name) }, uniquingKeysWith: { first, _ in first })
        return content.normalisedFigures().map { figure in
            let f = figure.figure
            let municipality = names[figure.report.index.matter.municipality.value] ?? figure.report.index.matter.municipality.value
            let path = "\(figure.report.id)/\(figure.section.kind.rawValue)/"
            let anchor = f.id.map { "#figur-\($0.value)" } ?? ""
            return Row(
                kommun: municipality, rapport: figure.report.id,
                period_start: "\(f.period.value.start)", period_slut: "\(f.period.value.end)",
                nyckeltal: f.metric.value, basis: f.basis.rawValue, uppdelning: f.breakdown ?? "",
                varde: f.value.value.description, enhet: f.unit.value.rawValue,
                normaliserat_varde: figure.value.description, normaliserad_enhet: figure.unit.rawValue,
                kalla: (linker.absoluteURL(of: path) ?? path) + anchor)
        }
    }

    func files() -> [OutputFile] {
        let rows = rows()
        let header = ["kommun", "rapport", "period_start", "period_slut", "nyckeltal", "basis", "uppdelning",
                      "varde", "enhet", "normaliserat_varde", "normaliserad_enhet", "kalla"]
        var csv = header.joined(separator: ",") + "\r\n"
        for row in rows {
            let fields = [row.kommun, row.rapport, row.period_start, row.period_slut, row.nyckeltal, row.basis,
                          row.uppdelning, row.varde, row.enhet, row.normaliserat_varde, row.normaliserad_enhet, row.kalla]
            csv += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(rows)) ?? Data("[]".utf8)
        return [
            OutputFile(path: "data/nyckeltal.csv", contents: .bytes(Array(csv.utf8))),
            OutputFile(path: "data/nyckeltal.json", contents: .bytes([UInt8](json) + [0x0A])),
        ]
    }

    /// RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+@".contains(first) || (first == "-" && Double(value) == nil) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}
