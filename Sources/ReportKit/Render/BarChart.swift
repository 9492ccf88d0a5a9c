/// Geometry of a horizontal bar chart, computed here so the SVG template only places shapes.
/// Bars are labelled with their values in text, so the chart reads in greyscale and without colour.
struct BarChart {
    let metric: MetricMatter
    let values: [NormalisedFigure]
    let label: (Report) -> String

    static let width = 640.0
    static let labelWidth = 150.0
    static let valueWidth = 110.0
    static let rowHeight = 36.0
    static let barHeight = 22.0

    var context: [String: Any] {
        let numbers = values.map(\.value.doubleValue)
        let low = min(0, numbers.min() ?? 0)
        let high = max(0, numbers.max() ?? 0)
        let plotWidth = Self.width - Self.labelWidth - Self.valueWidth
        let span = high - low == 0 ? 1 : high - low
        func x(_ value: Double) -> Double { Self.labelWidth + (value - low) / span * plotWidth }
        let zero = x(0)
        let bars = values.enumerated().map { index, value -> [String: Any] in
            let v = value.value.doubleValue
            let top = Double(index) * Self.rowHeight + 8
            let start = min(x(v), zero)
            let period = value.figure.period.value
            return [
                "id": "stapel-\(index + 1)",
                "label": label(value.report),
                "value": NumberFormat.format(value.value, unit: value.unit),
                "period": period.label ?? NumberFormat.period(period),
                "x": Self.fmt(start),
                "y": Self.fmt(top),
                "width": Self.fmt(max(abs(x(v) - zero), 1)),
                "height": Self.fmt(Self.barHeight),
                "negative": v < 0,
            ]
        }
        return [
            "title": "\(metric.title) (\(metric.unit.rawValue)) per rapport",
            "zero_x": Self.fmt(zero),
            "plot_x": Self.fmt(Self.labelWidth),
            "plot_width": Self.fmt(plotWidth),
            "bars": bars,
        ]
    }

    /// SVG coordinates with at most one decimal, written the same on every machine.
    static func fmt(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
