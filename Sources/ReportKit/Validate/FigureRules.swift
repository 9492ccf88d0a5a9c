extension RuleChecker {
    mutating func check(_ figure: Figure, report: ReportMatter) {
        reference(figure.metric, kind: "metric", in: metricIDs)
        let metric = content.metric(figure.metric.value)
        if let metric, figure.unit.value.dimension != metric.matter.unit.dimension {
            error(.unitMetric, figure.unit.value.rawValue, figure.metric.value, metric.matter.unit.rawValue,
                  at: figure.unit.location)
        }
        // An impossible report year is reported once, at `year:`, not again at every figure.
        if LocalDate.years.contains(report.year.value) { checkTime(figure, year: report.year.value) }
        if figure.unit.value == .procent { checkPercentage(figure.value) }
        if let metric {
            checkMeaning(figure, metric: metric)
            let area = metric.matter.area.value
            if let municipality = content.municipality(report.municipality.value), !municipality.matter.covers(area) {
                error(.areaOutOfScope, metric.id, area.rawValue, municipality.id,
                      at: figure.metric.location)
            }
        }
        if figure.contradicts != nil, figure.contradiction == nil {
            error(.contradictsNeedsContradiction, at: figure.contradicts!.location)
        }
        if figure.contradicts == nil, figure.contradiction != nil {
            error(.contradictionNeedsContradicts,
                  at: figure.id?.location ?? figure.metric.location)
        }
    }

    /// A figure's value in its metric's unit and sign, as comparisons use it.
    func normalised(_ figure: Figure) -> Double? {
        guard let metric = content.metric(figure.metric.value),
              let value = figure.unit.value.convert(figure.value.value.doubleValue, to: metric.matter.unit) else { return nil }
        return figure.sign?.negates == true ? -value : value
    }

    func term(_ figure: Figure) -> Rounding.Term {
        let unit = content.metric(figure.metric.value)?.matter.unit ?? figure.unit.value
        return Rounding.Term(figure.value.value, factor: figure.unit.value.convert(1, to: unit) ?? 1)
    }

    /// Two figures for the same thing must agree, and budget − outcome must equal the deviation;
    /// where the report itself disagrees, the figure records it and the build warns.
    mutating func checkFigureConsistency(_ report: Report) {
        let figures = report.sections.flatMap { $0.document.matter.figures ?? [] }
        let byID = Dictionary(figures.compactMap { f in f.id.map { ($0.value, f) } }, uniquingKeysWith: { a, _ in a })
        var explained: Set<String> = []  // "id|id" pairs whose disagreement was found

        func recorded(_ a: Figure, _ b: Figure) -> Figure? {
            if let target = a.contradicts?.value, target == b.id?.value { return a }
            if let target = b.contradicts?.value, target == a.id?.value { return b }
            return nil
        }
        func name(_ figure: Figure) -> String {
            "\(figure.metric.value) \(figure.basis.rawValue) \(figure.value.value) \(figure.unit.value.rawValue) (\(figure.value.location.path):\(figure.value.location.line))"
        }
        func pairKey(_ a: Figure, _ b: Figure) -> String {
            [a.id?.value ?? "", b.id?.value ?? ""].sorted().joined(separator: "|")
        }

        // The same metric, basis, period and breakdown stated twice.
        var groups: [String: [Figure]] = [:]
        for figure in figures where normalised(figure) != nil {
            groups["\(figure.metric.value)|\(figure.basis.rawValue)|\(timeKey(figure))|\(figure.base?.value.rawValue ?? "")|\(figure.kind?.value.rawValue ?? "")|\(figure.breakdown ?? "")", default: []].append(figure)
        }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] {
                    let agree = Rounding.agree(normalised(a)!, normalised(b)!, terms: [term(a), term(b)])
                    if agree { continue }
                    if let holder = recorded(a, b) {
                        explained.insert(pairKey(a, b))
                        knownContradiction(MessagePart(.recordedContradiction, arguments: [
                            .part(MessagePart(.figuresDisagree, name(a), name(b))), .text(holder.contradiction ?? "")]),
                                at: holder.value.location)
                    } else {
                        error(.figureDisagreesUnrecorded, name(b), name(a),
                              at: b.value.location)
                    }
                }
            }
        }

        // budget − utfall = avvikelse (utfall), budget − prognos = avvikelse (prognos).
        for deviation in figures where deviation.metric.value == "budgetavvikelse" {
            guard deviation.basis == .utfall || deviation.basis == .prognos, let stated = normalised(deviation) else { continue }
            func find(_ basis: Figure.Basis) -> Figure? {
                figures.first {
                    $0.metric.value == "nettokostnad" && $0.basis == basis && timeKey($0) == timeKey(deviation)
                        && $0.breakdown == deviation.breakdown && normalised($0) != nil
                }
            }
            guard let budget = find(.budget), let outcome = find(deviation.basis) else { continue }
            let computed = normalised(budget)! - normalised(outcome)!
            if Rounding.agree(computed, stated, terms: [term(budget), term(outcome), term(deviation)]) { continue }
            let holder = recorded(deviation, outcome) ?? recorded(deviation, budget)
            let message = MessagePart(.deviationMismatch, deviation.basis.rawValue, format(computed), "\(deviation.value.value)",
                                      deviation.unit.value.rawValue, name(budget), name(outcome))
            if let holder {
                explained.insert(pairKey(holder, holder.contradicts.flatMap { byID[$0.value] } ?? holder))
                knownContradiction(MessagePart(.recordedContradiction, arguments: [.part(message), .text(holder.contradiction ?? "")]),
                                   at: deviation.value.location)
            } else {
                error([MessagePart(.deviationUnrecorded, arguments: [.part(message)])],
                      at: deviation.value.location)
            }
        }

        // A recorded contradiction must point at a figure, and must still be one.
        for figure in figures {
            guard let target = figure.contradicts else { continue }
            guard let other = byID[target.value] else {
                error([MessagePart(.contradictsUnknownFigure, target.value)] + Suggestion.hint(for: target.value, in: byID.keys.sorted()),
                      at: target.location)
                continue
            }
            if !explained.contains(pairKey(figure, other)) {
                error(.contradictionDoesNotOccur, name(figure), name(other),
                      at: target.location)
            }
        }
    }

    /// The time a figure covers, as a key: the same dates, words or date are the same time.
    func timeKey(_ figure: Figure) -> String {
        if let date = figure.date?.value { return "date \(date.iso)" }
        switch figure.period?.value {
        case .dated(let period)?: return "\(period.start)|\(period.end)"
        case .words(let words)?: return "words \(words)"
        case nil: return ""
        }
    }

    func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
