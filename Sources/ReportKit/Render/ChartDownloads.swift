/// The files each comparison chart offers (issue #15, point 4): its data as CSV and the chart
/// as an SVG file with its title and source inside. Made before the pages, because a page's
/// link says how large each file is.
struct ChartDownloads {
    struct File {
        let path: String
        let bytes: [UInt8]
    }

    let csv: File
    let svg: File
    /// The names a browser saves the files under, without extension: the metric and, on a
    /// year page, the year ("nettokostnad-2023"), so that downloads from several charts stay
    /// apart and say what they hold.
    let downloadName: String

    /// The files of the chart on the comparison page at `page` (`jamfor/<metric>/`, or a year's).
    init(comparison: MetricComparison, page: String, siteTitle: String, linker: Linker) {
        func url(_ path: String) -> String { linker.absoluteURL(of: path) ?? path }
        let chart = BarChart(comparison)
        var text = "varde_etikett,kommun_och_ar,period,basis,varde,enhet,jamforbarhetsgrupp,kalla\r\n"
        for value in comparison.charted {
            let figure = value.figure
            let fields = [value.label, value.report, figure.figure.timeText, value.basis,
                          figure.value.description, figure.unit.rawValue, value.key.id,
                          url("\(figure.report.id)/\(figure.section.kind.rawValue)/") + (figure.figure.id.map { "#figur-\($0.value)" } ?? "")]
            text += fields.map(DataExport.csvField).joined(separator: ",") + "\r\n"
        }
        csv = File(path: page + "diagram.csv", bytes: Array(text.utf8))
        let source = "Källa: \(siteTitle), \(url(page)), ur nämndernas egna rapporter."
        svg = File(path: page + "diagram.svg", bytes: Array(chart.svg(source: source).utf8))
        downloadName = comparison.metric.id + (comparison.year.map { "-\($0)" } ?? "")
    }

    var outputFiles: [OutputFile] {
        [OutputFile(path: csv.path, contents: .bytes(csv.bytes)), OutputFile(path: svg.path, contents: .bytes(svg.bytes))]
    }
}
