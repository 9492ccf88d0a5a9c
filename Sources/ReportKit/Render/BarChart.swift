/// Geometry of a horizontal bar chart of one comparable set, computed here so the SVG
/// template only places shapes. Each bar's visible label names its report, period and basis
/// ("Huddinge 2020, prognos för helåret"), and its value is written out in text, so the chart
/// reads in greyscale, without colour and without hovering.
struct BarChart {
    let metric: MetricMatter
    let values: [PlacedValue]
    /// The report year of a year page's chart, which its title names (nil on the metric's page).
    let year: Int?

    init(_ comparison: MetricComparison) {
        (metric, values, year) = (comparison.metric.matter, comparison.charted, comparison.year)
    }

    static let width = 640.0
    static let labelWidth = 150.0
    static let valueWidth = 110.0
    static let rowHeight = 36.0
    static let barHeight = 22.0

    var title: String {
        "\(metric.title) (\(metric.unit.rawValue)), jämförbara värden" + (year.map { " i rapporterna från \($0)" } ?? "")
    }

    struct Bar {
        let label: String
        let value: String
        let x: Double
        let y: Double
        let width: Double
        let negative: Bool
    }

    var geometry: (bars: [Bar], zero: Double, plotWidth: Double) {
        let numbers = values.map(\.figure.value.doubleValue)
        let low = min(0, numbers.min() ?? 0)
        let high = max(0, numbers.max() ?? 0)
        let plotWidth = Self.width - Self.labelWidth - Self.valueWidth
        let span = high - low == 0 ? 1 : high - low
        func x(_ value: Double) -> Double { Self.labelWidth + (value - low) / span * plotWidth }
        let zero = x(0)
        let bars = zip(values, numbers).enumerated().map { index, pair -> Bar in
            let (value, v) = pair
            return Bar(label: value.label, value: NumberFormat.format(value.figure.value, unit: value.figure.unit),
                       x: min(x(v), zero), y: Double(index) * Self.rowHeight + 8,
                       width: max(abs(x(v) - zero), 1), negative: v < 0)
        }
        return (bars, zero, plotWidth)
    }

    /// The chart as `metric.mustache` draws it.
    var context: ChartContext {
        let (bars, zero, plotWidth) = geometry
        return ChartContext(title: title, zeroX: Self.fmt(zero), plotX: Self.fmt(Self.labelWidth), plotWidth: Self.fmt(plotWidth),
                            bars: bars.enumerated().map { index, bar in
            ChartContext.Bar(id: "stapel-\(index + 1)", label: bar.label, value: bar.value, x: Self.fmt(bar.x), y: Self.fmt(bar.y),
                             width: Self.fmt(bar.width), height: Self.fmt(Self.barHeight), negative: bar.negative)
        })
    }

    /// The chart as a stand-alone SVG file, with its title, its labels and its source inside,
    /// so that it still says what it shows when it is used elsewhere.
    func svg(source: String) -> String {
        let (bars, zero, _) = geometry
        let labelRoom = 330.0
        let top = 56.0
        let height = top + Double(bars.count) * Self.rowHeight + 48
        let scale = (Self.width - labelRoom - Self.valueWidth) / (Self.width - Self.labelWidth - Self.valueWidth)
        func shift(_ x: Double) -> Double { labelRoom + (x - Self.labelWidth) * scale }
        let e = HTMLEscape.escape
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.fmt(Self.width + 180))" height="\(Self.fmt(height))" \
            viewBox="0 0 \(Self.fmt(Self.width + 180)) \(Self.fmt(height))" role="img" aria-labelledby="titel">
            <title id="titel">\(e(title))</title>
            <style>text{font-family:sans-serif;font-size:13px;fill:#1a1a1a}.rubrik{font-size:16px;font-weight:bold}.bar{fill:#1d5f8a}.bar-negative{fill:#a33a1f}.axis{stroke:#1a1a1a}</style>
            <rect width="100%" height="100%" fill="#fff"/>
            <text class="rubrik" x="8" y="24">\(e(title))</text>

            """
        for bar in bars {
            let y = top + bar.y - 8
            svg += "<text x=\"8\" y=\"\(Self.fmt(y + 16))\">\(e(bar.label))</text>"
            svg += "<rect class=\"bar\(bar.negative ? " bar-negative" : "")\" x=\"\(Self.fmt(shift(bar.x) + 180))\" y=\"\(Self.fmt(y))\" width=\"\(Self.fmt(bar.width * scale))\" height=\"\(Self.fmt(Self.barHeight))\"/>"
            svg += "<text x=\"\(Self.fmt(Self.width + 180 - Self.valueWidth + 8))\" y=\"\(Self.fmt(y + 16))\">\(e(bar.value))</text>\n"
        }
        let zeroX = Self.fmt(shift(zero) + 180)
        svg += "<line class=\"axis\" x1=\"\(zeroX)\" x2=\"\(zeroX)\" y1=\"\(Self.fmt(top - 4))\" y2=\"\(Self.fmt(top + Double(bars.count) * Self.rowHeight - 4))\"/>\n"
        svg += "<text x=\"8\" y=\"\(Self.fmt(height - 16))\">\(e(source))</text>\n</svg>\n"
        return svg
    }

    /// SVG coordinates with at most one decimal, written the same on every machine.
    static func fmt(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
