import CommonMark

/// Comparable sets (issue #12): a metric's values grouped by what they measure — kind, base
/// and how much time they cover — so that a chart holds only values that can be compared,
/// and every other value says in plain Swedish why it is apart. Worked out once per build,
/// from the normalised figures, for the comparison pages, the start page and the open data.

/// How much time a value covers.
public enum Coverage: Hashable, Sendable {
    /// Twelve months: a calendar year, or a rolling year such as December–November.
    case fullYear
    /// Part of a year, from month to month (January–August: 1, 8).
    case partYear(from: Int, to: Int)
    /// A part-year report's forecast for the whole year.
    case forecastFullYear
    /// A level at a point in time, by month of the year (a stock per December).
    case pointInTime(month: Int)
    /// A period the report names only in words, so its coverage is not known.
    case words(String)

    var id: String {
        switch self {
        case .fullYear: "helar"
        case .partYear(let from, let to): "delar-\(from)-\(to)"
        case .forecastFullYear: "prognos-helar"
        case .pointInTime(let month): "tidpunkt-\(month)"
        case .words: "ord"
        }
    }
}

/// What a value is in its report: an outcome is what comparisons chart.
public enum Role: Hashable, Sendable {
    case outcome, forecast, budget, deviation, target

    init(_ basis: Figure.Basis) {
        switch basis {
        case .utfall: self = .outcome
        case .prognos: self = .forecast
        case .budget: self = .budget
        case .avvikelse: self = .deviation
        case .mål: self = .target
        }
    }
}

/// What makes values comparable: the same key is the same comparable set.
public struct ComparableKey: Hashable, Sendable {
    public let metric: String
    public let kind: MetricKind
    public let base: Base?
    public let coverage: Coverage
    public let role: Role
    public let breakdown: String?
    /// A figure marked `not_comparable` is a set of its own.
    public let apart: String?

    /// The set's id in the open data: `nettokostnad/flow/helar`, with the base, the role and
    /// the part after them when they are not the charted kind of value.
    public var id: String {
        var parts = [metric, kind.rawValue]
        if let base { parts.append(base.rawValue) }
        parts.append(coverage.id)
        switch role {
        case .outcome: break
        case .forecast: parts.append("prognos")
        case .budget: parts.append("budget")
        case .deviation: parts.append("avvikelse")
        case .target: parts.append("mal")
        }
        if let breakdown { parts.append("del-" + Slug.make(breakdown)) }
        if apart != nil { parts.append("ej-jamforbar") }
        return parts.joined(separator: "/")
    }

    /// True for a value a comparison can chart: an outcome (or a full-year forecast that the
    /// metric lets stand in for one) for the whole committee, not marked as apart. A share
    /// whose base the report does not state is comparable with nothing, not even another one.
    var isCandidate: Bool { role == .outcome && breakdown == nil && apart == nil && base != .ejAngiven }
}

/// One value of a metric with its place among the comparable sets.
public struct PlacedValue: Sendable {
    public let figure: NormalisedFigure
    public let key: ComparableKey
    /// "Huddinge 2020".
    public let report: String
    /// "Huddinge 2020, jan–aug, utfall": report, period and basis, as every label shows it.
    public let label: String
    /// "jan–aug", "helår", "31 december 2023", or the report's words.
    public let period: String
    /// "utfall", "prognos för helåret", "budget".
    public let basis: String
    /// True for a part-year report's forecast for the whole year.
    public let isFullYearForecast: Bool
    /// Why it is not in the charted set, in Swedish; nil when it is charted.
    public let reason: String?
}

/// A metric's values, sorted into the charted set and the rest.
public struct MetricComparison: Sendable {
    public let metric: Document<MetricMatter>
    /// The year whose reports are compared (a year page), or nil for the metric's page,
    /// which compares the latest report of each municipality.
    public let year: Int?
    /// How many reports the comparison considers: one per municipality on the metric's page,
    /// that year's reports on a year page.
    public let reportCount: Int
    /// The set the chart draws: one value per report, in report order.
    public let charted: [PlacedValue]
    public let chartedKey: ComparableKey?
    /// Whole-committee outcomes and forecasts outside the charted set, each with its reason.
    public let apart: [PlacedValue]
    /// Every figure of the metric, charted or not, in report and section order.
    public let all: [PlacedValue]
    /// Reports whose committee does not cover the metric's area.
    public let outOfScope: [Report]
    /// Reports that state the metric only in parts or as budget, forecast or target.
    public let partsOnly: [Report]
    /// Reports that do not state the metric at all, though their committee covers its area.
    public let missing: [Report]
    /// Reports without the metric for a reason the metric file gives (`absent:`), with it.
    public let absent: [(report: Report, reason: String)]
    /// True when "lägre/högre är bättre" may be said of the charted set: the metric has a
    /// direction, and the committees' scopes make their values comparable.
    public let rankingAllowed: Bool
    /// Said at the chart when committees of different scope are compared in absolute amounts.
    public let scopeCaveat: String?
    /// The report years of the charted values: more than one is said at the chart.
    public let years: [Int]

    /// A chart needs at least two values to compare.
    public var hasChart: Bool { charted.count >= 2 }
}

/// Every metric's comparisons, keyed by metric id: the metric's page compares the latest
/// report of each municipality, so that it grows with the number of municipalities and not
/// with the number of reports; a page per year compares the reports of that year.
public struct ComparisonIndex: Sendable {
    public let byMetric: [String: MetricComparison]
    /// Metric id → report year → the comparison of that year's reports, for every year in
    /// which a report states a figure of the metric.
    public let byYear: [String: [Int: MetricComparison]]
    /// Each normalised figure (by identity) → its place, for the open data and the cards: on
    /// the metric's page for the figures of each municipality's latest report, else on the
    /// page of its report's year.
    public let placements: [ObjectIdentifier: PlacedValue]

    public subscript(metric: String) -> MetricComparison? { byMetric[metric] }

    /// The comparison of `metric` among the reports of `year`.
    public subscript(metric: String, year year: Int) -> MetricComparison? { byYear[metric]?[year] }

    /// The years that have a page of `metric`, earliest first.
    public func years(of metric: String) -> [Int] { (byYear[metric] ?? [:]).keys.sorted() }

    public func placement(of figure: NormalisedFigure) -> PlacedValue? { placements[ObjectIdentifier(figure)] }

    public init(content: Content, figures: [NormalisedFigure]) {
        self.init(content: content, figures: figures, reusing: nil)
    }

    /// - Parameter reusing: the last build's index, and the metrics to compare again; every
    ///   other metric's comparisons are the old index's. A metric may be kept only when none
    ///   of its figures changed and every report's identity is as it was (the caller's
    ///   check), so that the old comparison holds the very figures this build has.
    init(content: Content, figures: [NormalisedFigure], reusing: (old: ComparisonIndex, recompute: Set<String>)?) {
        let municipalities = Dictionary(content.municipalities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(content.reports.map { report in
            let id = report.index.matter.municipality.value
            return (report.id, "\(municipalities[id]?.matter.shortName ?? id) \(report.index.matter.year.value)")
        }, uniquingKeysWith: { a, _ in a })
        let byMetric = Dictionary(grouping: figures) { $0.figure.metric.value }
        let reportsByYear = Dictionary(grouping: content.reports) { $0.index.matter.year.value }
        var result: [String: MetricComparison] = [:]
        var byYear: [String: [Int: MetricComparison]] = [:]
        var placements: [ObjectIdentifier: PlacedValue] = [:]
        for metric in content.metrics {
            if let reusing, !reusing.recompute.contains(metric.id), let kept = reusing.old.byMetric[metric.id] {
                let years = reusing.old.byYear[metric.id] ?? [:]
                result[metric.id] = kept
                byYear[metric.id] = years
                // As below: a year's placement first, the metric page's over it.
                for comparison in Array(years.values) + [kept] {
                    for value in comparison.all { placements[ObjectIdentifier(value.figure)] = value }
                }
                continue
            }
            let figures = byMetric[metric.id] ?? []
            var years: [Int: MetricComparison] = [:]
            for (year, inYear) in Dictionary(grouping: figures, by: { $0.report.index.matter.year.value }) {
                let comparison = Self.compare(metric, year: year, figures: inYear, reports: reportsByYear[year] ?? [],
                                              municipalities: municipalities, names: names)
                years[year] = comparison
                for value in comparison.all { placements[ObjectIdentifier(value.figure)] = value }
            }
            byYear[metric.id] = years
            let latest = content.latestReports(preferring: Set(figures.map(\.report.id)))
            let latestIDs = Set(latest.map(\.id))
            let comparison = Self.compare(metric, year: nil, figures: figures.filter { latestIDs.contains($0.report.id) },
                                          reports: latest, municipalities: municipalities, names: names)
            result[metric.id] = comparison
            for value in comparison.all { placements[ObjectIdentifier(value.figure)] = value }
        }
        self.byMetric = result
        self.byYear = byYear
        self.placements = placements
    }

    static func compare(_ metric: Document<MetricMatter>, year: Int?, figures: [NormalisedFigure], reports: [Report],
                        municipalities: [String: Document<MunicipalityMatter>], names: [String: String]) -> MetricComparison {
        let keys = figures.map { key(of: $0, metric: metric.matter) }
        let charted = chartedSet(keys: keys, figures: figures, metric: metric.matter)
        var chartedFigures: Set<ObjectIdentifier> = []
        var reportsCharted: Set<String> = []
        for (figure, key) in zip(figures, keys) where key == charted && reportsCharted.insert(figure.report.id).inserted {
            chartedFigures.insert(ObjectIdentifier(figure))
        }
        let all = zip(figures, keys).map { figure, key -> PlacedValue in
            let isCharted = chartedFigures.contains(ObjectIdentifier(figure))
            return place(figure, key: key, report: names[figure.report.id] ?? figure.report.id, metric: metric.matter,
                         reason: isCharted ? nil : reason(for: key, against: charted))
        }
        let inChart = all.filter { $0.reason == nil }
        // Apart: the whole committee's other outcomes and full-year forecasts, not its parts,
        // budgets or targets (those are in the list of every figure).
        let apart = all.filter { value in
            value.reason != nil && value.key.breakdown == nil
                && (value.key.role == .outcome || value.key.coverage == .forecastFullYear)
        }
        let area = metric.matter.area.value
        let status = ReportStatus(metric.matter, reports: reports, stating: Set(figures.map(\.report.id)),
                                  listed: Set((inChart + apart).map(\.figure.report.id)), municipalities: municipalities)
        let scopes = inChart.compactMap { municipalities[$0.figure.report.index.matter.municipality.value] }
        let caveat = scopeCaveat(metric.matter, charted: charted, scopes: scopes)
        let coversArea = scopes.allSatisfy { $0.matter.covers(area) }
        return MetricComparison(
            metric: metric, year: year, reportCount: reports.count, charted: inChart, chartedKey: charted, apart: apart, all: all,
            outOfScope: status.outOfScope, partsOnly: status.partsOnly, missing: status.missing, absent: status.absent,
            rankingAllowed: metric.matter.higherIsBetter != nil && coversArea && caveat == nil && inChart.count >= 2
                && charted?.kind == metric.matter.kind.value && charted?.base == metric.matter.base?.value,
            scopeCaveat: caveat, years: Set(inChart.map { $0.figure.report.index.matter.year.value }).sorted())
    }

    /// Why each report that is not in the comparison is not: its committee does not cover the
    /// area, it states only parts, the metric says why it is absent, or it is missing.
    struct ReportStatus {
        var outOfScope: [Report] = [], partsOnly: [Report] = [], missing: [Report] = []
        var absent: [(report: Report, reason: String)] = []

        init(_ metric: MetricMatter, reports: [Report], stating: Set<String>, listed: Set<String>,
             municipalities: [String: Document<MunicipalityMatter>]) {
            for report in reports {
                let municipality = report.index.matter.municipality.value
                if !(municipalities[municipality]?.matter.covers(metric.area.value) ?? true) {
                    outOfScope.append(report)
                } else if stating.contains(report.id) {
                    if !listed.contains(report.id) { partsOnly.append(report) }
                } else if let reason = metric.absent?[municipality] {
                    absent.append((report, reason))
                } else {
                    missing.append(report)
                }
            }
        }
    }

    /// A figure's comparable set.
    static func key(of figure: NormalisedFigure, metric: MetricMatter) -> ComparableKey {
        let f = figure.figure
        let kind = f.kind?.value ?? metric.kind.value
        var role = Role(f.basis)
        let coverage: Coverage
        if let date = f.date?.value {
            coverage = .pointInTime(month: date.month)
        } else {
            switch f.period?.value {
            case .dated(let period)?:
                let reportIsPartYear = !figure.report.index.matter.period.value.isWholeYear
                if period.months == 12 {
                    // A part-year report's forecast for the year: charted with full years
                    // where the metric allows it, apart otherwise.
                    if role == .forecast && reportIsPartYear {
                        coverage = metric.forecastComparable == true ? .fullYear : .forecastFullYear
                        if metric.forecastComparable == true { role = .outcome }
                    } else {
                        coverage = .fullYear
                    }
                } else {
                    coverage = .partYear(from: period.start.month, to: period.end.month)
                }
            case .words(let words)?: coverage = .words(words)
            case nil: coverage = .words("")
            }
        }
        return ComparableKey(metric: f.metric.value, kind: kind, base: kind == .share ? f.base?.value : nil,
                             coverage: coverage, role: role, breakdown: f.breakdown, apart: f.notComparable)
    }

    /// The set most reports have a candidate value in; on a tie, the one that is what the
    /// metric defines (its kind and base, a full year), then the one that comes first.
    static func chartedSet(keys: [ComparableKey], figures: [NormalisedFigure], metric: MetricMatter) -> ComparableKey? {
        var order: [ComparableKey] = []
        var reports: [ComparableKey: Set<String>] = [:]
        for (key, figure) in zip(keys, figures) where key.isCandidate {
            if reports[key] == nil { order.append(key) }
            reports[key, default: []].insert(figure.report.id)
        }
        func rank(_ key: ComparableKey) -> (Int, Int, Int) {
            let defined = (key.kind == metric.kind.value ? 1 : 0) + (key.base == metric.base?.value ? 1 : 0)
            let full = key.coverage == .fullYear ? 1 : 0
            return (reports[key]!.count, defined, full)
        }
        return order.enumerated().max { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            return ra != rb ? ra < rb : a.offset > b.offset
        }?.element
    }

    static func place(_ figure: NormalisedFigure, key: ComparableKey, report: String, metric: MetricMatter,
                      reason: String?) -> PlacedValue {
        let period = periodLabel(figure)
        let forecast = key.coverage == .forecastFullYear || (figure.figure.basis == .prognos && key.role == .outcome)
        let basis = forecast ? "prognos för helåret" : figure.figure.basis.word
        var label = forecast ? "\(report), \(basis)" : "\(report), \(period), \(basis)"
        // A share of another base than the metric's says so, or two values of one report
        // (of ordinary and of total working time) would read the same.
        if let base = key.base, base != metric.base?.value {
            label += base == .ejAngiven ? ", bas anges inte" : ", \(base.ofPhrase)"
        }
        return PlacedValue(figure: figure, key: key, report: report, label: label, period: period, basis: basis,
                           isFullYearForecast: forecast, reason: reason)
    }

    /// Why a value is not in the charted set: the first way its set differs, in Swedish.
    static func reason(for key: ComparableKey, against charted: ComparableKey?) -> String {
        if let apart = key.apart { return apart }
        if let breakdown = key.breakdown { return "avser en del av verksamheten: \(breakdown)" }
        switch key.role {
        case .budget: return "budget, inte utfall"
        case .forecast: return key.coverage == .forecastFullYear ? "prognos för helåret, inte utfall" : "prognos, inte utfall"
        case .deviation: return "avvikelse, inte utfall"
        case .target: return "mål, inte utfall"
        case .outcome: break
        }
        if key.base == .ejAngiven { return Base.ejAngiven.phrase }
        guard let charted else { return "inget jämförbart värde att ställa det bredvid" }
        if key.kind != charted.kind { return "\(key.kind.phrase), inte \(charted.kind.phrase)" }
        if key.base != charted.base {
            guard let base = key.base else { return "ingen bas angiven" }
            if base == .ejAngiven { return base.phrase }
            return "\(base.phrase), inte \(charted.base?.ofPhrase ?? "samma bas")"
        }
        if key.coverage != charted.coverage {
            switch key.coverage {
            case .partYear(let from, let to):
                return "delår \(LocalDate.monthNames[from - 1])–\(LocalDate.monthNames[to - 1])"
            case .words(let words):
                return "perioden anges bara i ord (\"\(words)\"), inte med datum"
            case .pointInTime(let month):
                if case .pointInTime(let other) = charted.coverage {
                    return "ställning i \(LocalDate.monthNames[month - 1]), inte i \(LocalDate.monthNames[other - 1])"
                }
                return "ställning vid en tidpunkt, inte för en period"
            case .forecastFullYear: return "prognos för helåret, inte utfall"
            case .fullYear: return "helår, inte samma period som diagrammet"
            }
        }
        return "rapporten anger ett annat värde för samma sak (en motsägelse i rapporten)"
    }

    /// The caveat for absolute amounts of the whole committee when committees differ in scope:
    /// each committee's areas that not all the others have.
    static func scopeCaveat(_ metric: MetricMatter, charted: ComparableKey?,
                            scopes: [Document<MunicipalityMatter>]) -> String? {
        guard let charted, charted.kind != .share, metric.area.value.isEveryCommittees, metric.unit != .index else { return nil }
        let sets = scopes.map { Set($0.matter.scope.map(\.value)) }
        guard let common = sets.first.map({ sets.dropFirst().reduce($0) { $0.intersection($1) } }),
              sets.contains(where: { $0 != common }) else { return nil }
        var seen: Set<String> = []
        let extras = zip(scopes, sets).compactMap { municipality, set -> String? in
            let extra = Area.allCases.filter { set.contains($0) && !common.contains($0) }
            guard !extra.isEmpty, seen.insert(municipality.id).inserted else { return nil }
            return "\(municipality.matter.shortName) även \(extra.map { $0.label.lowercasedFirst }.joined(separator: ", "))"
        }
        return "Nämnderna ansvarar för olika områden (\(extras.joined(separator: "; "))), så beloppen säger inte vilken nämnd som kostar mer eller mindre för samma uppdrag och rangordnas inte."
    }

    /// "helår", "jan–aug", "dec 2022–nov 2023", "31 december 2023", or the report's words.
    public static func periodLabel(_ figure: NormalisedFigure) -> String {
        let f = figure.figure
        if let date = f.date?.value { return date.label ?? date.spelled }
        switch f.period?.value {
        case .dated(let period)?:
            if period.isWholeYear { return "helår" }
            let short = ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"]
            if period.start.year == period.end.year {
                return period.start.month == period.end.month
                    ? "\(short[period.start.month - 1])" : "\(short[period.start.month - 1])–\(short[period.end.month - 1])"
            }
            return "\(short[period.start.month - 1]) \(period.start.year)–\(short[period.end.month - 1]) \(period.end.year)"
        case .words(let words)?: return words
        case nil: return "period okänd"
        }
    }
}

extension Figure {
    /// The time the figure covers as a page states it in full: "1 januari–31 augusti 2020",
    /// "2022", "december 2023", or the report's own words.
    public var timeText: String {
        if let date = date?.value { return date.label.map { "\($0) (\(date.spelled))" } ?? date.spelled }
        return period?.value.text ?? NumberFormat.missing
    }
}

extension Figure.Basis {
    /// "utfall", "prognos": the basis as a word in a label.
    var word: String { self == .mål ? "mål" : rawValue }
}

extension String {
    /// "Ekonomiskt bistånd" → "ekonomiskt bistånd", but "LSS" stays "LSS".
    var lowercasedFirst: String {
        guard let first else { return self }
        if dropFirst().first?.isUppercase == true { return self }
        return first.lowercased() + dropFirst()
    }
}
