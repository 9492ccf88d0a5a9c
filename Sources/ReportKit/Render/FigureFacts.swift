import Mustache

/// What a key figure shows wherever it is shown, formatted once per build: its section page's
/// table and that table's CSV file read the same values, so neither formats them again.
final class FigureFacts: MustacheParent {
    /// The metric's id, for links to its page.
    let metricID: String
    /// The metric's title, marked where the compound may break on a phone.
    let metric: TemplateText
    let basis: TemplateText
    let value: TemplateText
    let normalised: TemplateText
    let period: TemplateText
    let citation: (source: TemplateText, href: Any, quote: Any)
    /// The row's anchor, or false.
    let id: Any
    let breakdown: TemplateText?
    let note: TemplateText?
    let contradiction: TemplateText?
    /// The row of the CSV file and of the table's size: name, values, period and source in words.
    let cells: [TableExport.Cell]

    init(_ figure: NormalisedFigure, metricTitle: String, basis: String) {
        let f = figure.figure
        metricID = f.metric.value
        let citation = Citation(f.source, report: figure.report, section: figure.section)
        let value = NumberFormat.format(f.value.value, unit: f.unit.value)
        let normalised = NumberFormat.format(figure.value, unit: figure.unit)
        metric = TemplateText(CompoundBreaks.marked(metricTitle))
        self.basis = TemplateText(basis)
        self.value = TemplateText(value)
        self.normalised = TemplateText(normalised)
        period = TemplateText(f.timeText)
        self.citation = citation.templateValues
        id = TemplateText.orFalse(ContextBuilder.figureAnchor(f))
        breakdown = f.breakdown.map { TemplateText(CompoundBreaks.marked($0)) }
        note = f.note.map { TemplateText($0) }
        contradiction = f.contradiction.map { TemplateText($0) }
        let source = [citation.plainText, f.note, f.contradiction].compactMap { $0 }
        cells = [TableExport.Cell(text: metricTitle + (f.breakdown.map { ", \($0)" } ?? "")),
                 TableExport.Cell(text: value, numeric: true),
                 TableExport.Cell(text: normalised, numeric: true),
                 TableExport.Cell(text: basis),
                 TableExport.Cell(text: f.timeText),
                 TableExport.Cell(text: source.joined(separator: " "))]
    }

    func child(named name: String) -> Any? {
        switch name {
        case "metric": metric
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
        default: nil
        }
    }
}
