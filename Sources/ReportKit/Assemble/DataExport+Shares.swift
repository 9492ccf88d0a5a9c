/// The open data in shares, one per report: a rebuild of `serve` after a one-report edit
/// makes only that report's rows again and joins the files from the shares, byte for byte
/// what `files()` writes.
extension DataExport {
    /// What a share's rows are made of: when it is equal, the rows are too.
    struct ShareKey: Equatable, Sendable {
        let report: Report
        /// Each figure's normalised value and unit and its place among the comparable sets.
        let figures: [FigureKey]
    }

    struct FigureKey: Equatable, Sendable {
        let value: ReportedNumber
        let unit: MeasureUnit
        let set: ComparableKey?
        let label: String?
        let reason: String?
    }

    /// One report's rows, encoded for each file.
    struct Share: Sendable {
        let key: ShareKey
        /// Its CSV lines, without the header.
        let csv: [UInt8]
        /// Its JSON objects, as they stand inside the array of every row (without brackets).
        let json: [UInt8]
    }

    /// What one export leaves for the next.
    struct Memo: Sendable {
        /// By report id.
        let shares: [String: Share]
        /// What every row reads besides its report: municipality names and the site's address.
        let names: [String: String]
        let baseURL: String?
        /// How many shares the export that made this memo computed (the others it reused), and how many there are.
        let recomputed: Int
        let total: Int
    }

    /// `data/nyckeltal.csv` and `data/nyckeltal.json`, reusing the shares of `memo` whose
    /// report, figures and comparable sets are unchanged.
    func files(reusing memo: Memo?) -> ([OutputFile], Memo) {
        let names = municipalityNames
        let reusable = memo.flatMap { $0.names == names && $0.baseURL == linker.baseURL ? $0.shares : nil } ?? [:]
        var shares: [String: Share] = [:]
        var order: [Share] = []
        var recomputed = 0
        var start = figures.startIndex
        while start < figures.endIndex {
            let report = figures[start].report
            let end = figures[start...].firstIndex { $0.report !== report } ?? figures.endIndex
            let group = figures[start..<end]
            let key = ShareKey(report: report, figures: group.map { figure in
                let placed = comparisons.placement(of: figure)
                return FigureKey(value: figure.value, unit: figure.unit, set: placed?.key, label: placed?.label, reason: placed?.reason)
            })
            let share: Share
            if let old = reusable[report.id], old.key == key {
                share = old
            } else {
                let rows = group.map { row(for: $0, names: names) }
                share = Share(key: key, csv: Self.csvLines(rows), json: Self.jsonElements(rows))
                recomputed += 1
            }
            shares[report.id] = share
            order.append(share)
            start = end
        }
        let csv = Self.csvHeader + order.flatMap(\.csv)
        var json: [UInt8]
        if order.isEmpty {
            json = Self.json([])
        } else {
            json = Array("[\n".utf8)
            for (index, share) in order.enumerated() {
                if index > 0 { json += Array(",\n".utf8) }
                json += share.json
            }
            json += Array("\n]\n".utf8)
        }
        let files = [
            OutputFile(path: "data/nyckeltal.csv", contents: .bytes(csv)),
            OutputFile(path: "data/nyckeltal.json", contents: .bytes(json)),
        ]
        return (files, Memo(shares: shares, names: names, baseURL: linker.baseURL, recomputed: recomputed, total: order.count))
    }

    /// The rows' objects as `json(_:)` writes them inside its array: its output without the
    /// opening `[` and closing `]` lines.
    static func jsonElements(_ rows: [Row]) -> [UInt8] {
        let whole = json(rows)
        // "[\n" … "\n]\n"
        return Array(whole.dropFirst(2).dropLast(3))
    }
}
