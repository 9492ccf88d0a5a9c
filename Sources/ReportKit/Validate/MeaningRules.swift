/// The rules of what a figure means (issue #12): its time against its metric's kind, its sign
/// against the metric's convention, a share's base, and the metric's own declarations.
extension RuleChecker {
    /// A figure is about the report's year: its period ends in that year and covers at most
    /// twelve months (a rolling year such as December–November counts), and a stock's date
    /// lies in it. Earlier years go in tables.
    mutating func checkTime(_ figure: Figure, year: Int) {
        if let period = figure.dates, period.end.year != year || period.months > 12 {
            error("period \(period.start)–\(period.end) lies outside the report year \(year); figures of other years belong in a table",
                  at: figure.period!.location)
        }
        if let date = figure.date, date.value.year != year {
            error("date \(date.value.iso) lies outside the report year \(year); figures of other years belong in a table",
                  at: date.location)
        }
    }

    /// Kind, sign and base against what the metric declares (content/jamfor/<metric>.md).
    mutating func checkMeaning(_ figure: Figure, metric: Document<MetricMatter>) {
        let matter = metric.matter
        let file = "content/jamfor/\(metric.id).md"
        let kind = figure.kind?.value ?? matter.kind.value
        if let declared = figure.kind, !matter.kinds.contains(declared.value) {
            error("kind \(declared.value.rawValue) is not a kind metric \"\(metric.id)\" admits (kind: \(matter.kind.value.rawValue)); "
                  + "if the report really measures it as \(declared.value.rawValue), add it to other_kinds in \(file) so it is compared apart",
                  at: declared.location)
        }
        switch (kind, figure.period, figure.date) {
        case (.flow, _, let date?):
            error("date on a flow: metric \"\(metric.id)\" is a sum over a period (kind: flow); write period: with the dates the report gives, or period: {label: \"…\"} with its words",
                  at: date.location)
        case (.stock, let period?, _):
            error("period on a stock: metric \"\(metric.id)\" is a level at a point in time (kind: stock); write date: YYYY-MM-DD, or date: {on: YYYY-MM-DD, label: \"…\"} with the report's words (\"IB 2020\")",
                  at: period.location)
        case (_, _?, _?):
            error("a figure has a period or a date, not both", at: figure.date!.location)
        case (.stock, nil, nil):
            error("missing date: metric \"\(metric.id)\" is a stock; write date: YYYY-MM-DD (or YYYY-MM when the report names only the month)",
                  at: figure.value.location)
        case (_, nil, nil):
            error("missing period: write period: 2022, period: {start: YYYY-MM-DD, end: YYYY-MM-DD}, or period: {label: \"…\"} with the report's words",
                  at: figure.value.location)
        default: break
        }
        checkSign(figure, metric: metric)
        checkBase(figure, kind: kind, metric: metric)
    }

    /// A non-negative metric's values are never negative once the figure's `sign` is applied;
    /// a deviation (basis avvikelse) has a sign of its own.
    mutating func checkSign(_ figure: Figure, metric: Document<MetricMatter>) {
        guard metric.matter.sign.value == .nonNegative, figure.basis != .avvikelse,
              let value = normalised(figure), value < 0 else { return }
        if let sign = figure.sign, sign.negates {
            error("sign: \(sign.rawValue) makes \(figure.value.value) negative, but \"\(metric.id)\" is never negative (sign: non-negative); remove sign: \(sign.rawValue) if the report prints it as a positive number",
                  at: figure.value.location)
        } else {
            error("value \(figure.value.value) is negative, but \"\(metric.id)\" is never negative (sign: non-negative); if the report prints it with a minus sign, add sign: inverted",
                  at: figure.value.location)
        }
    }

    /// A share states its base, one the metric defines; nothing else has one.
    mutating func checkBase(_ figure: Figure, kind: MetricKind, metric: Document<MetricMatter>) {
        let matter = metric.matter
        let file = "content/jamfor/\(metric.id).md"
        if kind == .share {
            guard let base = figure.base else {
                let wanted = matter.base.map { "base: \($0.value.rawValue)" } ?? "base:"
                error("share without its base: metric \"\(metric.id)\" is a share (kind: share); add \(wanted), or base: ej-angiven when the report does not say what the percentage is of",
                      at: figure.value.location)
                return
            }
            if base.value != .ejAngiven, !matter.bases.contains(base.value) {
                var defined = "base: \(matter.base?.value.rawValue ?? "none")"
                if let others = matter.otherBases, !others.isEmpty {
                    defined += "; other_bases: \(others.map(\.value.rawValue).joined(separator: ", "))"
                }
                error("base \(base.value.rawValue) differs from the definition of \"\(metric.id)\" (\(defined)); "
                      + "if the report really measures against \(base.value.rawValue), add it to other_bases in \(file) so it is compared apart",
                      at: base.location)
            }
        } else if let base = figure.base {
            error("base applies only to a share, and \"\(metric.id)\" is kind \(kind.rawValue); remove base:", at: base.location)
        }
    }

    /// A metric's kind, base and sign fit together.
    mutating func checkMeaning(_ metric: Document<MetricMatter>) {
        let matter = metric.matter
        if matter.kind.value == .share, matter.base == nil {
            error("a share needs its base: say what the percentage is of, e.g. base: ordinarie-arbetstid (one of \(Base.allCases.map(\.rawValue).joined(separator: ", ")))",
                  at: matter.kind.location)
        }
        if matter.kind.value != .share, let base = matter.base {
            error("base applies only to kind share; \"\(metric.id)\" is kind \(matter.kind.value.rawValue)", at: base.location)
        }
        if matter.sign.value == .signed, matter.positiveMeans == nil {
            error("a signed metric says what a positive value means: add positive_means: \"överskott\" (or what it is)",
                  at: matter.sign.location)
        }
        for other in matter.otherKinds ?? [] where other.value == matter.kind.value {
            error("other_kinds repeats the metric's own kind \(other.value.rawValue)", at: other.location)
        }
        for other in matter.otherBases ?? [] where other.value == matter.base?.value {
            error("other_bases repeats the metric's own base \(other.value.rawValue)", at: other.location)
        }
    }
}
