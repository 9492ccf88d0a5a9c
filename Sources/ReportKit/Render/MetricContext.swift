import Mustache

/// What `metric.mustache` shows for a metric, or for one year of it (`jamfor/<metric>/<year>/`):
/// its definition, the chart and table of the comparable values, the values set apart and why,
/// the reports without one, and every figure any report gives for it.
final class MetricContext: MustacheParent {
    var yearPages: YearPages?
    var definition = TemplateText("")
    var unit = TemplateText("")
    var meaning = TemplateText("")
    var direction: TemplateText?
    var setDescription: TemplateText?
    var scopeCaveat: TemplateText?
    var yearsCaveat: TemplateText?
    var absent: TemplateItems<Absent>?
    var rows: TemplateItems<ValueRow>?
    var apart: TemplateItems<ValueRow>?
    var enough = false
    var chart: ChartContext?
    var outOfScope: TemplateItems<TextRow>?
    var areaLabel = TemplateText("")
    var partsOnly: TemplateItems<TextRow>?
    var missingReports: TemplateItems<TextRow>?
    var allFigures: TemplateItems<FigureLine>?
    var themes: TemplateItems<LinkRow>?
    var dataCSV = TemplateText("")
    var dataJSON = TemplateText("")

    func child(named name: String) -> Any? {
        switch name {
        case "year_pages": yearPages
        case "definition": definition
        case "unit": unit
        case "meaning": meaning
        case "direction": direction
        case "set_description": setDescription
        case "scope_caveat": scopeCaveat
        case "years_caveat": yearsCaveat
        case "absent": absent
        case "rows": rows
        case "apart": apart
        case "enough": enough
        case "chart": chart
        case "out_of_scope": outOfScope
        case "area_label": areaLabel
        case "parts_only": partsOnly
        case "missing_reports": missingReports
        case "all_figures": allFigures
        case "themes": themes
        case "data_csv": dataCSV
        case "data_json": dataJSON
        default: nil
        }
    }

    /// The links to every year's page, the current year marked; on a year page, the way back.
    final class YearPages: MustacheParent {
        let items: [YearLink]
        var pageYear: TemplateText?
        var latestHref: TemplateText?
        var metricTitle: TemplateText?

        init(items: [YearLink]) { self.items = items }

        func child(named name: String) -> Any? {
            switch name {
            case "items": items
            case "page_year": pageYear
            case "latest_href": latestHref
            case "metric_title": metricTitle
            default: nil
            }
        }
    }

    final class YearLink: MustacheParent {
        let year: TemplateText
        let href: TemplateText
        let current: Bool

        init(year: Int, href: String, current: Bool) {
            self.year = TemplateText("\(year)")
            self.href = TemplateText(href)
            self.current = current
        }

        func child(named name: String) -> Any? {
            switch name {
            case "year": year
            case "href": href
            // Absent, not false, on the other years, as the engine found it before.
            case "current": current ? true : nil
            default: nil
            }
        }
    }

    /// A report that gives no value, and why: `{{text}}: {{reason}}`.
    final class Absent: MustacheParent {
        let text: TemplateText
        let reason: TemplateText

        init(text: String, reason: String) {
            self.text = TemplateText(text)
            self.reason = TemplateText(reason)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "reason": reason
            default: nil
            }
        }
    }

    /// A report named in a list: `{{text}}.`
    final class TextRow: MustacheParent {
        let text: TemplateText

        init(_ text: String) { self.text = TemplateText(text) }

        func child(named name: String) -> Any? {
            name == "text" ? text : nil
        }
    }

    /// One value of a comparison table: its label (report, period, basis), as reported and
    /// normalised; in the comparable set the municipality's difference in definition, among
    /// the values set apart the reason.
    final class ValueRow: MustacheParent {
        let label: TemplateText
        let municipality: TemplateText
        let reportHref: TemplateText
        let sectionHref: TemplateText
        let period: TemplateText
        let basis: TemplateText
        let reported: TemplateText
        let normalised: TemplateText
        let forecast: Bool
        var difference: TemplateText?
        var reason: TemplateText?

        init(label: String, municipality: String, reportHref: String, sectionHref: String, period: String,
             basis: String, reported: String, normalised: String, forecast: Bool) {
            self.label = TemplateText(label)
            self.municipality = TemplateText(municipality)
            self.reportHref = TemplateText(reportHref)
            self.sectionHref = TemplateText(sectionHref)
            self.period = TemplateText(period)
            self.basis = TemplateText(basis)
            self.reported = TemplateText(reported)
            self.normalised = TemplateText(normalised)
            self.forecast = forecast
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "municipality": municipality
            case "report_href": reportHref
            case "section_href": sectionHref
            case "period": period
            case "basis": basis
            case "reported": reported
            case "normalised": normalised
            case "forecast": forecast
            case "difference": difference
            case "reason": reason
            default: nil
            }
        }
    }

    /// A figure any report gives for the metric, with its source and whether it is compared.
    final class FigureLine: MustacheParent {
        var metric = TemplateText("")
        var metricHref = TemplateText("")
        var basis = TemplateText("")
        var value = TemplateText("")
        var normalised = TemplateText("")
        var period = TemplateText("")
        var citation: (source: TemplateText, href: Any, quote: Any) = (TemplateText(""), false, false)
        /// The figure's anchor, or false.
        var id: Any = false
        var breakdown: TemplateText?
        var note: TemplateText?
        var contradiction: TemplateText?
        var report = TemplateText("")
        var sectionHref = TemplateText("")
        var comparability = TemplateText("")

        func child(named name: String) -> Any? {
            switch name {
            case "metric": metric
            case "metric_href": metricHref
            case "basis": basis
            case "value": value
            case "normalised": normalised
            case "period": period
            case "source": citation.source
            case "source_href": citation.href
            case "source_quote": citation.quote
            case "id": id
            case "breakdown": breakdown
            case "note": note
            case "contradiction": contradiction
            case "report": report
            case "section_href": sectionHref
            case "comparability": comparability
            default: nil
            }
        }
    }
}

/// The bar chart of a comparable set as `metric.mustache` draws it (see `BarChart`), with the
/// links to its data and image where the site-files stage made them.
final class ChartContext: MustacheParent {
    let title: TemplateText
    let zeroX: TemplateText
    let plotX: TemplateText
    let plotWidth: TemplateText
    let bars: [Bar]
    var csvHref: TemplateText?
    var csvSize: TemplateText?
    var svgHref: TemplateText?
    var svgSize: TemplateText?
    var csvName: TemplateText?
    var svgName: TemplateText?

    init(title: String, zeroX: String, plotX: String, plotWidth: String, bars: [Bar]) {
        self.title = TemplateText(title)
        self.zeroX = TemplateText(zeroX)
        self.plotX = TemplateText(plotX)
        self.plotWidth = TemplateText(plotWidth)
        self.bars = bars
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "zero_x": zeroX
        case "plot_x": plotX
        case "plot_width": plotWidth
        case "bars": bars
        case "csv_href": csvHref
        case "csv_size": csvSize
        case "svg_href": svgHref
        case "svg_size": svgSize
        case "csv_name": csvName
        case "svg_name": svgName
        default: nil
        }
    }

    final class Bar: MustacheParent {
        let id: TemplateText
        let label: TemplateText
        let value: TemplateText
        let x: TemplateText
        let y: TemplateText
        let width: TemplateText
        let height: TemplateText
        let negative: Bool

        init(id: String, label: String, value: String, x: String, y: String, width: String, height: String, negative: Bool) {
            self.id = TemplateText(id)
            self.label = TemplateText(label)
            self.value = TemplateText(value)
            self.x = TemplateText(x)
            self.y = TemplateText(y)
            self.width = TemplateText(width)
            self.height = TemplateText(height)
            self.negative = negative
        }

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "label": label
            case "value": value
            case "x": x
            case "y": y
            case "width": width
            case "height": height
            case "negative": negative
            default: nil
            }
        }
    }
}

/// What `metric-index.mustache` shows: every metric with its definition and how many reports
/// its comparison holds, and the links to the open data.
final class MetricIndexContext: MustacheParent {
    let metrics: [Metric]
    let dataCSV: TemplateText
    let dataJSON: TemplateText

    init(metrics: [Metric], dataCSV: String, dataJSON: String) {
        self.metrics = metrics
        self.dataCSV = TemplateText(dataCSV)
        self.dataJSON = TemplateText(dataJSON)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "metrics": metrics
        case "data_csv": dataCSV
        case "data_json": dataJSON
        default: nil
        }
    }

    final class Metric: MustacheParent {
        let title: TemplateText
        let href: TemplateText
        let definition: TemplateText
        let count: TemplateText

        init(title: String, href: String, definition: String, count: String) {
            self.title = TemplateText(title)
            self.href = TemplateText(href)
            self.definition = TemplateText(definition)
            self.count = TemplateText(count)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "href": href
            case "definition": definition
            case "count": count
            default: nil
            }
        }
    }
}
