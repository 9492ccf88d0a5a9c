/// The rules of what a figure means (issue #12): its time against its metric's kind, its sign
/// against the metric's convention, a share's base, and the metric's own declarations.
extension RuleChecker {
    /// A figure is about the report's year: its period ends in that year and covers at most
    /// twelve months (a rolling year such as December–November counts), and a stock's date
    /// lies in it. Earlier years go in tables.
    mutating func checkTime(_ figure: Figure, year: Int) {
        if let period = figure.dates, period.end.year != year || period.months > 12 {
            error(.periodOutsideReportYear, "\(period.start)", "\(period.end)", "\(year)",
                  at: figure.period!.location)
        }
        if let date = figure.date, date.value.year != year {
            error(.dateOutsideReportYear, date.value.iso, "\(year)",
                  at: date.location)
        }
    }

    /// Kind, sign and base against what the metric declares (content/jamfor/<metric>.md).
    mutating func checkMeaning(_ figure: Figure, metric: Document<MetricMatter>) {
        let matter = metric.matter
        let file = "content/jamfor/\(metric.id).md"
        let kind = figure.kind?.value ?? matter.kind.value
        if let declared = figure.kind, !matter.kinds.contains(declared.value) {
            error(.kindNotAdmitted, declared.value.rawValue, metric.id, matter.kind.value.rawValue, file,
                  at: declared.location)
        }
        switch (kind, figure.period, figure.date) {
        case (.flow, _, let date?):
            error(.dateOnFlow, metric.id,
                  at: date.location)
        case (.stock, let period?, _):
            error(.periodOnStock, metric.id,
                  at: period.location)
        case (_, _?, _?):
            error(.periodAndDate, at: figure.date!.location)
        case (.stock, nil, nil):
            error(.missingDate, metric.id,
                  at: figure.value.location)
        case (_, nil, nil):
            error(.missingPeriod,
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
            error(.signMakesNegative, sign.rawValue, "\(figure.value.value)", metric.id,
                  at: figure.value.location)
        } else {
            error(.valueNegative, "\(figure.value.value)", metric.id,
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
                error(.shareWithoutBase, metric.id, wanted,
                      at: figure.value.location)
                return
            }
            if base.value != .ejAngiven, !matter.bases.contains(base.value) {
                var defined = "base: \(matter.base?.value.rawValue ?? "none")"
                if let others = matter.otherBases, !others.isEmpty {
                    defined += "; other_bases: \(others.map(\.value.rawValue).joined(separator: ", "))"
                }
                error(.baseDiffers, base.value.rawValue, metric.id, defined, file,
                      at: base.location)
            }
        } else if let base = figure.base {
            error(.baseOnlyShare, metric.id, kind.rawValue, at: base.location)
        }
    }

    /// A metric's kind, base and sign fit together.
    mutating func checkMeaning(_ metric: Document<MetricMatter>) {
        let matter = metric.matter
        if matter.kind.value == .share, matter.base == nil {
            error(.shareNeedsBase, Base.allCases.map(\.rawValue).joined(separator: ", "),
                  at: matter.kind.location)
        }
        if matter.kind.value != .share, let base = matter.base {
            error(.baseOnlyKindShare, metric.id, matter.kind.value.rawValue, at: base.location)
        }
        if matter.sign.value == .signed, matter.positiveMeans == nil {
            error(.signedNeedsPositiveMeans,
                  at: matter.sign.location)
        }
        for other in matter.otherKinds ?? [] where other.value == matter.kind.value {
            error(.otherKindsRepeats, other.value.rawValue, at: other.location)
        }
        for other in matter.otherBases ?? [] where other.value == matter.base?.value {
            error(.otherBasesRepeats, other.value.rawValue, at: other.location)
        }
    }
}
