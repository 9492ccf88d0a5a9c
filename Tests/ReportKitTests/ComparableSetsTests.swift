import Foundation
import Testing
@testable import ReportKit

/// How a metric's values are sorted into comparable sets (Assemble/ComparableSets.swift): each
/// case is a small site of two or three reports, decoded, and the comparison of one metric.
@Suite struct ComparableSetsTests {
    /// A municipality with the given scope.
    static func municipality(_ id: String, scope: String) -> String {
        "---\nname: \(id.capitalized) kommun\nshort_name: \(id.capitalized)\ncommittee_scope: Text.\nscope: \(scope)\n"
            + "verdict_scale:\n  - term: uppfyllt\n    level: uppfyllt\n---\nText.\n"
    }

    /// A report of `id` (`alfa-2022`): a whole year, or January–August when `partYear`.
    static func report(_ id: String, partYear: Bool = false, figures: String) -> [String: String] {
        let municipality = String(id.split(separator: "-")[0])
        let year = String(id.split(separator: "-")[1])
        let period = partYear ? "{start: \(year)-01-01, end: \(year)-08-31}" : year
        return [
            "content/\(id)/index.md": "---\ntitle: Rapport\nmunicipality: \(municipality)\ncommittee: Socialnämnden\n"
                + "report_kind: \(partYear ? "delårsrapport" : "årsredovisning")\nyear: \(year)\nperiod: \(period)\n"
                + "source:\n  document: x.txt\n  title: Rapport\n---\nText.\n",
            "content/\(id)/ekonomi.md": "---\ntitle: Ekonomi\nsummarises: Ekonomi\nsource: {lines: [1, 2]}\nfigures:\n"
                + figures + "---\nText.\n",
        ]
    }

    static func figure(_ metric: String, _ basis: String = "utfall", value: String = "100.0", unit: String = "mnkr",
                       time: String = "period: 2022", extra: String = "") -> String {
        "  - metric: \(metric)\n    basis: \(basis)\n    value: \(value)\n    unit: \"\(unit)\"\n    \(time)\n"
            + (extra.isEmpty ? "" : "    \(extra)\n") + "    source: {line: 1, quote: \"x\"}\n"
    }

    static func metric(_ id: String, _ lines: String, unit: String = "mnkr") -> [String: String] {
        ["content/jamfor/\(id).md": "---\ntitle: \(id)\nunit: \"\(unit)\"\ndefinition: Text.\n\(lines)\n---\nText.\n"]
    }

    /// The comparison of `metric` on a site of these files (no base fixture).
    static func compare(_ metric: String, _ files: [String: String]...) throws -> MetricComparison {
        let site = try TestSite(base: nil, files: files.reduce(into: [:]) { $0.merge($1) { a, _ in a } })
        defer { site.remove() }
        let (content, diagnostics) = ContentDecoder.decode(ContentLoader(root: site.content, displayRoot: "content").load())
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let comparison = ComparisonIndex(content: content, figures: content.normalisedFigures())[metric]
        return try #require(comparison)
    }

    static let alfa = ["content/kommuner/alfa.md": municipality("alfa", scope: "[barn-och-unga, ekonomiskt-bistand]")]
    static let beta = ["content/kommuner/beta.md": municipality("beta", scope: "[barn-och-unga, ekonomiskt-bistand]")]
    static let gamma = ["content/kommuner/gamma.md": municipality("gamma", scope: "[barn-och-unga, lss]")]
    static func flow(forecast: Bool) -> [String: String] {
        metric("nettokostnad", "kind: flow\nsign: non-negative\narea: hela-namnden\nhigher_is_better: false"
               + (forecast ? "\nforecast_comparable: true" : ""))
    }

    @Test func partYearIsApartFromFullYears() throws {
        let comparison = try Self.compare("nettokostnad", Self.alfa, Self.beta, Self.gamma, Self.flow(forecast: true),
            Self.report("alfa-2022", figures: Self.figure("nettokostnad")),
            Self.report("gamma-2021", figures: Self.figure("nettokostnad", time: "period: 2021")),
            Self.report("beta-2020", partYear: true, figures: Self.figure("nettokostnad", time: "period: {start: 2020-01-01, end: 2020-08-31}")))
        #expect(comparison.charted.map(\.label) == ["Alfa 2022, helår, utfall", "Gamma 2021, helår, utfall"])
        #expect(comparison.apart.map(\.label) == ["Beta 2020, jan–aug, utfall"])
        #expect(comparison.apart.map(\.reason) == ["delår januari–augusti"])
        #expect(comparison.chartedKey?.coverage == .fullYear)
    }

    @Test func fullYearForecastJoinsTheFullYearsWhereTheMetricAllowsIt() throws {
        let beta = Self.report("beta-2020", partYear: true, figures:
            Self.figure("nettokostnad", time: "period: {start: 2020-01-01, end: 2020-08-31}")
            + Self.figure("nettokostnad", "prognos", value: "150.0", time: "period: 2020"))
        let allowed = try Self.compare("nettokostnad", Self.alfa, Self.beta, Self.flow(forecast: true),
                                       Self.report("alfa-2022", figures: Self.figure("nettokostnad")), beta)
        #expect(allowed.charted.map(\.label) == ["Alfa 2022, helår, utfall", "Beta 2020, prognos för helåret"])
        #expect(allowed.apart.map(\.reason) == ["delår januari–augusti"])

        let notAllowed = try Self.compare("nettokostnad", Self.alfa, Self.beta, Self.flow(forecast: false),
                                          Self.report("alfa-2022", figures: Self.figure("nettokostnad")), beta)
        #expect(notAllowed.charted.map(\.label) == ["Alfa 2022, helår, utfall"])
        #expect(notAllowed.apart.map(\.label) == ["Beta 2020, jan–aug, utfall", "Beta 2020, prognos för helåret"])
        #expect(notAllowed.apart.map(\.reason) == ["delår januari–augusti", "prognos för helåret, inte utfall"])
        #expect(!notAllowed.hasChart)
    }

    @Test func differentBasesAreDifferentSets() throws {
        let share = Self.metric("budgetavvikelse-procent", "kind: share\nsign: signed\npositive_means: överskott\nbase: nettobudget\n"
                                + "other_bases: [kostnadsbudget, prognos]\narea: hela-namnden", unit: "%")
        func percent(_ base: String, _ year: String) -> String {
            Self.figure("budgetavvikelse-procent", value: "1.6", unit: "%", time: "period: \(year)", extra: "base: \(base)")
        }
        let comparison = try Self.compare("budgetavvikelse-procent", Self.alfa, Self.beta, Self.gamma, share,
            Self.report("alfa-2022", figures: percent("nettobudget", "2022")),
            Self.report("beta-2021", figures: percent("nettobudget", "2021")),
            Self.report("gamma-2023", figures: percent("prognos", "2023")))
        #expect(comparison.charted.map(\.report) == ["Alfa 2022", "Beta 2021"])
        #expect(comparison.chartedKey?.base == .nettobudget)
        #expect(comparison.apart.map(\.reason) == ["andel av prognosen, inte av nettobudgeten"])
    }

    @Test func aStockIsNotComparedWithAnAverage() throws {
        let stock = Self.metric("antal-anstallda", "kind: stock\nother_kinds: [average]\nsign: non-negative\narea: personal", unit: "personer")
        let comparison = try Self.compare("antal-anstallda", Self.alfa, Self.beta, Self.gamma, stock,
            Self.report("alfa-2022", figures: Self.figure("antal-anstallda", value: "221", unit: "personer", time: "date: {on: 2022-12, label: \"per december\"}")),
            Self.report("beta-2021", figures: Self.figure("antal-anstallda", value: "300", unit: "personer", time: "date: 2021-12-31")),
            Self.report("gamma-2018", figures: Self.figure("antal-anstallda", value: "577", unit: "personer", time: "period: 2018", extra: "kind: average")))
        #expect(comparison.charted.map(\.label) == ["Alfa 2022, per december, utfall", "Beta 2021, 31 december 2021, utfall"])
        #expect(comparison.chartedKey?.coverage == .pointInTime(month: 12))
        #expect(comparison.apart.map(\.reason) == ["genomsnitt, inte ställning vid en tidpunkt"])
    }

    @Test func anAreaOutsideACommitteesScopeIsNotMissing() throws {
        let metric = Self.metric("hushall", "kind: average\nsign: non-negative\narea: ekonomiskt-bistand", unit: "hushåll")
        let comparison = try Self.compare("hushall", Self.alfa, Self.beta, Self.gamma, metric, Self.flow(forecast: false),
            Self.report("alfa-2022", figures: Self.figure("hushall", value: "967", unit: "hushåll")),
            Self.report("beta-2021", figures: Self.figure("nettokostnad", time: "period: 2021")),
            Self.report("gamma-2021", figures: Self.figure("nettokostnad", time: "period: 2021")))
        #expect(comparison.outOfScope.map(\.id) == ["gamma-2021"])
        #expect(comparison.missing.map(\.id) == ["beta-2021"])
    }

    @Test func amountsOfCommitteesOfDifferentScopeCarryACaveatAndNoRanking() throws {
        let different = try Self.compare("nettokostnad", Self.alfa, Self.gamma, Self.flow(forecast: false),
            Self.report("alfa-2022", figures: Self.figure("nettokostnad")),
            Self.report("gamma-2021", figures: Self.figure("nettokostnad", time: "period: 2021")))
        #expect(different.charted.count == 2)
        #expect(different.scopeCaveat == "Nämnderna ansvarar för olika områden (Alfa även ekonomiskt bistånd; Gamma även LSS), "
            + "så beloppen säger inte vilken nämnd som kostar mer eller mindre för samma uppdrag och rangordnas inte.")
        #expect(!different.rankingAllowed)

        let same = try Self.compare("nettokostnad", Self.alfa, Self.beta, Self.flow(forecast: false),
            Self.report("alfa-2022", figures: Self.figure("nettokostnad")),
            Self.report("beta-2021", figures: Self.figure("nettokostnad", time: "period: 2021")))
        #expect(same.scopeCaveat == nil)
        #expect(same.rankingAllowed)
    }

    @Test func wordsOnlyPeriodsAndBreakdownsStayApart() throws {
        let share = Self.metric("sjukfranvaro", "kind: share\nsign: non-negative\nbase: ordinarie-arbetstid\narea: personal", unit: "%")
        func sick(_ time: String, _ extra: String) -> String {
            Self.figure("sjukfranvaro", value: "7.6", unit: "%", time: time, extra: extra)
        }
        let comparison = try Self.compare("sjukfranvaro", Self.alfa, Self.beta, Self.gamma, share,
            Self.report("alfa-2022", figures: sick("period: 2022", "base: ordinarie-arbetstid")
                        + sick("period: 2022", "base: ordinarie-arbetstid\n    breakdown: kvinnor")),
            Self.report("beta-2021", figures: sick("period: {start: 2020-12-01, end: 2021-11-30}", "base: ordinarie-arbetstid")),
            Self.report("gamma-2020", partYear: true, figures: sick("period: {label: \"Utfall 07- 2020\"}", "base: ordinarie-arbetstid")
                        + sick("period: 2020", "base: ej-angiven")))
        #expect(comparison.charted.map(\.label) == ["Alfa 2022, helår, utfall", "Beta 2021, dec 2020–nov 2021, utfall"])
        #expect(comparison.apart.map(\.reason) == ["perioden anges bara i ord (\"Utfall 07- 2020\"), inte med datum",
                                                   "rapporten anger inte vad andelen räknas på"])
        #expect(comparison.all.first { $0.figure.figure.breakdown == "kvinnor" }?.reason == "avser en del av verksamheten: kvinnor")
    }
}
