/// A figure converted into its metric's unit and sign, exactly (tkr → mnkr only moves the
/// decimal point), together with where it comes from.
///
/// A class, not a struct: it carries its report and section, and pages look figures up,
/// group and sort them by the thousand, so a copy must be one reference, not a copy of all
/// they hold (copying them was 2-3 % of a 10 000-page build). Every property is a constant,
/// so sharing one changes nothing.
public final class NormalisedFigure: Sendable {
    public let figure: Figure
    public let report: Report
    public let section: Section
    public let value: ReportedNumber
    public let unit: MeasureUnit

    init(figure: Figure, report: Report, section: Section, value: ReportedNumber, unit: MeasureUnit) {
        self.figure = figure
        self.report = report
        self.section = section
        self.value = value
        self.unit = unit
    }
}

extension ReportedNumber {
    /// The same quantity in `target`, exactly; nil when the units do not convert.
    func converted(from unit: MeasureUnit, to target: MeasureUnit) -> ReportedNumber? {
        if unit == target { return self }
        guard let from = unit.kronor, let to = target.kronor else { return nil }
        var scaled = self.scaled
        var decimals = self.decimals
        if from >= to {
            var factor = from / to
            while factor >= 10 {
                if decimals > 0 { decimals -= 1 } else { scaled *= 10 }
                factor /= 10
            }
        } else {
            var factor = to / from
            while factor >= 10 {
                decimals += 1
                factor /= 10
            }
        }
        return ReportedNumber(scaled: scaled, decimals: decimals)
    }
}

extension Content {
    /// Every figure of every report, normalised to its metric, in report and section order.
    public func normalisedFigures() -> [NormalisedFigure] {
        let units = metricUnits
        return reports.flatMap { $0.normalisedFigures(units: units) }
    }

    /// Metric id → its unit, which figures are normalised to.
    var metricUnits: [String: MeasureUnit] {
        Dictionary(metrics.map { ($0.id, $0.matter.unit) }, uniquingKeysWith: { a, _ in a })
    }
}

extension Report {
    /// The report's figures normalised to their metrics (`units`), in section order; a figure
    /// of an unknown metric, or in a unit that does not convert, is left out.
    func normalisedFigures(units: [String: MeasureUnit]) -> [NormalisedFigure] {
        var result: [NormalisedFigure] = []
        for section in sections {
            for figure in section.document.matter.figures ?? [] {
                guard let unit = units[figure.metric.value],
                      var value = figure.value.value.converted(from: figure.unit.value, to: unit) else { continue }
                if figure.sign?.negates == true { value = value.negated() }
                result.append(NormalisedFigure(figure: figure, report: self, section: section, value: value, unit: unit))
            }
        }
        return result
    }
}
