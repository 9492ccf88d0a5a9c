import Foundation
import Testing
@testable import ReportKit

/// `serve` builds each `SiteIndex` from the last one (`SiteIndex.init(site:linker:reusing:)`),
/// reusing what unchanged reports gave it. These tests edit the real site and require that
/// index to be the one a build from scratch makes, and the reuse to be what it claims.
@Suite(.serialized) struct SiteIndexMemoTests {
    /// The content of `site` as a build loads it.
    static func content(of site: TestSite) -> Content {
        let loaded = ContentLoader(root: site.content, displayRoot: "content").load()
        var (content, _) = ContentDecoder.decode(loaded)
        content.leaveOutDrafts()
        return content
    }

    /// An index of `content`, from scratch or reusing `old` as `Pipeline` does (unchanged
    /// reports keep the old build's instances).
    static func index(_ content: Content, reusing old: SiteIndex? = nil) -> SiteIndex {
        var content = content
        if let old { content.reports = Pipeline.keepingUnchanged(content.reports, from: old.content.reports) }
        return SiteIndex(site: SiteAssembler.assemble(content).0, linker: Linker(baseURL: nil), reusing: old)
    }

    static func describe(_ figure: NormalisedFigure?) -> String {
        guard let figure else { return "-" }
        return "\(figure.report.id)/\(figure.section.kind.rawValue) \(figure.figure) = \(figure.value) \(figure.unit)"
    }

    static func describe(_ value: PlacedValue) -> String {
        "\(describe(value.figure)) \(value.key.id) \(value.report) \(value.label) \(value.period) \(value.basis) \(value.reason ?? "-")"
    }

    static func describe(_ comparison: MetricComparison?) -> [String] {
        guard let c = comparison else { return ["none"] }
        let reports = [c.outOfScope, c.partsOnly, c.missing, c.absent.map(\.report)].map { $0.map(\.id).joined(separator: ",") }
        return [c.metric.id, "\(c.year ?? 0) \(c.reportCount) \(c.chartedKey?.id ?? "-") \(c.rankingAllowed) \(c.scopeCaveat ?? "-") \(c.years)"]
            + reports + c.absent.map(\.reason) + c.charted.map(describe) + c.apart.map(describe) + c.all.map(describe)
    }

    static func describe(_ c: SiteIndex.Comparison) -> String {
        let sections = c.sectionPaths.keys.map(\.rawValue).sorted().map { kind in
            let key = SectionKind(rawValue: kind)!
            return "\(kind)=\(c.sectionPaths[key] ?? "-")|\(c.sectionTitles[key] ?? "-")"
        }
        return ([c.reportID, c.municipalityID, c.label, c.reportPath, c.reportTitle, c.municipalityPath, c.municipalityName] + sections)
            .joined(separator: " ")
    }

    /// Everything the index holds that pages read, as text to compare.
    static func describe(_ index: SiteIndex) -> [String] {
        var lines = index.figures.map(describe)
        for placed in index.figures.map({ index.metricComparisons.placement(of: $0) }) {
            lines.append(placed.map(describe) ?? "no placement")
        }
        for key in index.figuresBySection.keys.sorted() { lines.append(key + ": " + index.figuresBySection[key]!.map(describe).joined(separator: "; ")) }
        for report in index.content.reports {
            let headlines = index.headlines[report.id] ?? [:]
            lines.append(report.id + ": " + headlines.keys.sorted().map { "\($0) \(describe(headlines[$0]))" }.joined(separator: "; "))
            lines.append(report.id + " compares with " + (index.comparisons[report.id] ?? []).map(describe).joined(separator: "; "))
        }
        for metric in index.content.metrics {
            lines += describe(index.metricComparisons[metric.id])
            for year in index.metricComparisons.years(of: metric.id) { lines += describe(index.metricComparisons[metric.id, year: year]) }
        }
        for path in index.chartFiles.keys.sorted() {
            for file in index.chartFiles[path]!.outputFiles {
                if case .bytes(let bytes) = file.contents { lines.append("\(file.path) \(String(decoding: bytes, as: UTF8.self))") }
                if case .text(let text) = file.contents { lines.append("\(file.path) \(text)") }
            }
        }
        lines.append(index.pagesByPath.keys.sorted().joined(separator: " "))
        lines.append("\(index.reportsByMunicipality.mapValues { $0.map(\.id) }.sorted { $0.key < $1.key })")
        lines.append("\(index.reportsByYear.mapValues { $0.map(\.id) }.sorted { $0.key < $1.key })")
        for theme in index.content.themes {
            lines.append("\(theme.id) \((index.sectionsByTheme[theme.id] ?? [:]).mapValues { $0.map(\.kind.rawValue) }.sorted { $0.key < $1.key })")
            lines.append("\(theme.id) " + (index.goalsByTheme[theme.id] ?? []).map { "\($0.report.id) \($0.section.kind) \($0.goal)" }.joined(separator: "; "))
            lines.append("\(theme.id) " + (index.metricsByTheme[theme.id] ?? []).map(\.id).joined(separator: ","))
        }
        return lines
    }

    /// The first line that differs, shortened, so that a failure is readable.
    static func expectSame(_ a: SiteIndex, _ b: SiteIndex, _ step: String) {
        let (x, y) = (describe(a), describe(b))
        #expect(x.count == y.count, "\(step): \(x.count) lines against \(y.count)")
        if let i = x.indices.first(where: { $0 < y.count && x[$0] != y[$0] }) {
            Issue.record("\(step), line \(i): \(x[i].prefix(600)) ≠ \(y[i].prefix(600))")
        }
    }

    struct Edit: Sendable {
        let name: String
        let file: String
        let change: @Sendable (String) -> String
    }

    static let edits: [Edit] = [
        Edit(name: "a figure's value", file: "huddinge-2020/ekonomi.md",
             change: { $0.replacingOccurrences(of: "value: 40.9", with: "value: 41.5") }),
        Edit(name: "a figure's metric", file: "huddinge-2020/ekonomi.md",
             change: { $0.replacing("metric: nettokostnad\n", with: "metric: verksamhetens-intakter\n", maxReplacements: 1) }),
        Edit(name: "a report's period", file: "huddinge-2020/index.md",
             change: { $0.replacingOccurrences(of: "period: {start: 2020-01-01, end: 2020-08-31}",
                                               with: "period: {start: 2020-01-01, end: 2020-08-30}") }),
        Edit(name: "a report's title", file: "solna-2023/index.md",
             change: { $0.replacing("title: ", with: "title: Ny ", maxReplacements: 1) }),
        Edit(name: "a metric's title", file: "jamfor/sjukfranvaro.md",
             change: { $0.replacingOccurrences(of: "title: Sjukfrånvaro\n", with: "title: Sjukfrånvaro totalt\n") }),
    ]

    @Test func anIndexBuiltFromTheLastOneIsTheOneBuiltFromScratch() throws {
        let site = try IncrementalTests.realSite()
        defer { site.remove() }
        var last = Self.index(Self.content(of: site))
        for edit in Self.edits {
            let url = site.content.appendingPathComponent(edit.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(edit.change(text) != text, "the edit \(edit.name) changed nothing")
            try edit.change(text).write(to: url, atomically: true, encoding: .utf8)
            let content = Self.content(of: site)
            let reused = Self.index(content, reusing: last)
            Self.expectSame(reused, Self.index(content), "after \(edit.name)")
            last = reused
        }
        // A report removed, then added again.
        let moved = site.root.appendingPathComponent("botkyrka-2018")
        try FileManager.default.moveItem(at: site.content.appendingPathComponent("botkyrka-2018"), to: moved)
        var content = Self.content(of: site)
        #expect(!content.reports.contains { $0.id == "botkyrka-2018" })
        last = Self.index(content, reusing: last)
        Self.expectSame(last, Self.index(content), "after a report was removed")
        try FileManager.default.moveItem(at: moved, to: site.content.appendingPathComponent("botkyrka-2018"))
        content = Self.content(of: site)
        let added = Self.index(content, reusing: last)
        Self.expectSame(added, Self.index(content), "after a report was added")
    }

    /// A figure's value edited in one report: the other reports' figures are the old index's
    /// own objects (not normalised again), the edited report's are new, and only the metrics
    /// that report states are compared again.
    @Test func anEditOfOneReportRecomputesOnlyThatReportsShare() throws {
        let site = try IncrementalTests.realSite()
        defer { site.remove() }
        let old = Self.index(Self.content(of: site))
        let url = site.content.appendingPathComponent("huddinge-2020/ekonomi.md")
        try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "value: 40.9", with: "value: 41.5")
            .write(to: url, atomically: true, encoding: .utf8)
        let content = Self.content(of: site)
        let new = Self.index(content, reusing: old)
        for report in content.reports {
            let (before, after) = (old.figuresByReport[report.id] ?? [], new.figuresByReport[report.id] ?? [])
            #expect(!after.isEmpty)
            let same = before.count == after.count && zip(before, after).allSatisfy { $0 === $1 }
            #expect(same == (report.id != "huddinge-2020"), "\(report.id): figures reused \(same)")
        }
        let reuse = try #require(SiteIndex.Reuse(old: old, content: new.content, siteTitle: new.siteTitle, baseURL: nil))
        #expect(reuse.changed == ["huddinge-2020"])
        #expect(reuse.sameIdentities)
        let huddinge = Set((old.figuresByReport["huddinge-2020"] ?? []).map(\.figure.metric.value))
        #expect(reuse.metricsStated == huddinge)
        #expect(reuse.metricsStated.count < content.metrics.count)
    }
}
