import Foundation
import Testing
@testable import ReportKit

/// Pages bounded at any scale (issue #14, point 6): no page grows with the number of reports
/// beyond the number of municipalities (and, for a municipality's own pages, its years), and a
/// metric's year page lists exactly that year's values.
@Suite(.serialized) struct BoundedPagesTests {
    // MARK: - The real site's year pages

    /// Every (metric, report year) with a value has its page, and no other year has one; the
    /// page's list of every figure holds exactly the figures of that year's reports.
    @Test func yearPageListsExactlyThatYearsValues() throws {
        let content = ComparisonTests.built.content
        let figures = content.normalisedFigures()
        var checked = 0
        for metric in content.metrics {
            let ofMetric = figures.filter { $0.figure.metric.value == metric.id }
            let years = Set(ofMetric.map { $0.report.index.matter.year.value })
            let folder = ComparisonTests.built.output.appendingPathComponent("jamfor/\(metric.id)")
            let pages = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).compactMap(Int.init))
            #expect(pages == years, "\(metric.id): year pages \(pages.sorted()), years with values \(years.sorted())")
            let metricPage = try ComparisonTests.page("jamfor/\(metric.id)/index.html")
            for year in years {
                let path = "jamfor/\(metric.id)/\(year)/"
                let html = try ComparisonTests.page(path + "index.html")
                let expected = ofMetric.filter { $0.report.index.matter.year.value == year }.map { ComparisonTests.label($0.report) }
                let rows = ComparisonTests.rows(ofTable: "alla-uppgifter", in: html).map { $0.first ?? "" }
                #expect(rows.count == expected.count, "\(path): \(rows.count) rows, \(expected.count) figures of \(year)")
                for (row, label) in zip(rows, expected) { #expect(row.hasPrefix(label), "\(path): \(row) is not of \(label)") }
                // Linked both ways: the metric's page to the year, the year back to the latest reports.
                #expect(metricPage.contains("href=\"../../\(path)index.html\">\(year)</a>"), "\(metric.id) does not link to \(year)")
                #expect(html.contains("href=\"../../../jamfor/\(metric.id)/index.html\">"), "\(path) does not link back")
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    /// On the real site, where each municipality has one report, the metric's page still shows
    /// every report's values: the latest of each municipality is every report.
    @Test func realMetricPageKeepsEveryReport() throws {
        let content = ComparisonTests.built.content
        for metric in content.metrics {
            let html = try ComparisonTests.page("jamfor/\(metric.id)/index.html")
            let rows = ComparisonTests.rows(ofTable: "alla-uppgifter", in: html)
            let count = content.normalisedFigures().filter { $0.figure.metric.value == metric.id }.count
            #expect(rows.count == count, "\(metric.id)")
        }
    }

    // MARK: - Which reports a comparison holds

    /// The metric's page compares each municipality's latest report that states the metric;
    /// each year's comparison holds that year's reports.
    @Test func metricPageComparesEachMunicipalitysLatestReport() throws {
        typealias T = ComparableSetsTests
        let files = [T.alfa, T.beta, T.flow(forecast: false),
                     T.metric("kostnader", "kind: flow\nsign: non-negative\narea: hela-namnden"),
                     T.report("alfa-2021", figures: T.figure("nettokostnad", time: "period: 2021")),
                     T.report("alfa-2022", figures: T.figure("nettokostnad", value: "110.0")),
                     T.report("alfa-2023", figures: T.figure("kostnader", time: "period: 2023")),
                     T.report("beta-2021", figures: T.figure("nettokostnad", value: "90.0", time: "period: 2021"))]
        let site = try TestSite(base: nil, files: files.reduce(into: [:]) { $0.merge($1) { a, _ in a } })
        defer { site.remove() }
        let (content, diagnostics) = ContentDecoder.decode(ContentLoader(root: site.content, displayRoot: "content").load())
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let index = ComparisonIndex(content: content, figures: content.normalisedFigures())
        let latest = try #require(index["nettokostnad"])
        #expect(latest.charted.map(\.label) == ["Alfa 2022, helår, utfall", "Beta 2021, helår, utfall"])
        #expect(latest.reportCount == 2 && latest.year == nil && latest.missing.isEmpty)
        #expect(index.years(of: "nettokostnad") == [2021, 2022])
        #expect(index["nettokostnad", year: 2021]?.charted.map(\.label) == ["Alfa 2021, helår, utfall", "Beta 2021, helår, utfall"])
        #expect(index["nettokostnad", year: 2022]?.charted.map(\.label) == ["Alfa 2022, helår, utfall"])
        #expect(index["nettokostnad", year: 2023] == nil, "no report of 2023 states it")
        // Alfa's latest report, which does not state the metric, is the one the other metric compares.
        #expect(index["kostnader"]?.all.map(\.report) == ["Alfa 2023"])
        #expect(index["kostnader"]?.missing.map(\.id) == ["beta-2021"])
    }

    // MARK: - Page sizes at scale

    /// The corpus shape: municipalities, years, the sections of each report, and the two
    /// numbers of reports compared. By default 80 and 400 reports (8 and 40 per municipality,
    /// a few seconds of building); `ARSRAPPORT_BOUND_REPORTS=200,2000` runs the issue's sizes
    /// over 40 municipalities and 60 years (minutes in a debug build, seconds with
    /// `ARSRAPPORT_BOUND_BINARY`, as `make bound-test` runs it).
    static let shape: (municipalities: Int, years: Int, sections: [String], reports: [Int]) = {
        let sections = ["ekonomi", "personal"]
        if let sizes = ProcessInfo.processInfo.environment["ARSRAPPORT_BOUND_REPORTS"] {
            return (40, 60, sections, sizes.split(separator: ",").compactMap { Int($0) })
        }
        return (10, 40, sections, [80, 400])
    }()

    /// The largest a page may be, in bytes, whatever the number of reports. Pages that gather
    /// from every municipality (start page, comparison, theme and goals pages, the search page)
    /// have a fixed part (layout, a metric's or theme's own text), a part per municipality and
    /// section (a card, a row, a theme's entries), and the search page a link per metric and
    /// year. A municipality's own pages (its page, its goals, its reports' sections with
    /// "Jämför med") grow with its years instead. The budgets per item are about twice what
    /// the generated corpus uses; a page listing every report breaks them at 400 reports.
    static func bound(of page: String, municipalities: Int, years: Int, sections: Int, metrics: Int) -> Int {
        let fixed = 40_000
        let perMunicipality = 3_000 * municipalities * sections + 80 * years * metrics
        let ownYears = 2_500 * years * sections
        let municipalityOwn = page.hasPrefix("kommuner/") || page.hasPrefix("mal/kommun/")
            || page.range(of: #"^[a-z]+-\d{4}/"#, options: .regularExpression) != nil
        return fixed + (municipalityOwn ? ownYears : perMunicipality)
    }

    /// What one corpus gave: every page's size and bound, and the start and theme pages.
    struct Measured: Sendable {
        var generated = false
        var errors: [String] = []
        var pages: [(path: String, bytes: Int, bound: Int)] = []
        var home = "", theme = ""
    }

    /// Generates and builds a corpus of `reports` reports and measures its pages.
    static func measure(reports: Int, root: URL) -> Measured {
        let shape = Self.shape
        var measured = Measured()
        let content = root.appendingPathComponent("content-\(reports)"), output = root.appendingPathComponent("site-\(reports)")
        guard (try? generate(reports: reports, shape: shape, into: content)) == true else { return measured }
        measured.generated = true
        measured.errors = build(content, into: output, root: root)
        let metrics = (try? FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("jamfor").path).count) ?? 0
        for (path, bytes) in htmlSizes(output) {
            let page = String(path.dropLast("index.html".count))
            measured.pages.append((page, bytes, bound(of: page, municipalities: shape.municipalities, years: shape.years,
                                                     sections: shape.sections.count, metrics: metrics)))
        }
        measured.home = (try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)) ?? ""
        measured.theme = (try? String(contentsOf: output.appendingPathComponent("teman/ekonomi/index.html"), encoding: .utf8)) ?? ""
        return measured
    }

    /// Builds `content` into `output` and returns the errors: in this process, or with the
    /// executable at `ARSRAPPORT_BOUND_BINARY` (a release build makes 2,000 reports in
    /// seconds, where this debug test process takes minutes; the pages are the same).
    static func build(_ content: URL, into output: URL, root: URL) -> [String] {
        let templates = TestSite.repository.appendingPathComponent("templates")
        guard let binary = ProcessInfo.processInfo.environment["ARSRAPPORT_BOUND_BINARY"] else {
            return SiteBuilder.build(BuildOptions(content: content, templates: templates, output: output, displayRoot: root)).errors
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["build", "--content", content.path, "--templates", templates.path, "--output", output.path]
        let errors = Pipe()
        (process.standardOutput, process.standardError) = (FileHandle.nullDevice, errors)
        do { try process.run() } catch { return ["\(binary): \(error)"] }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [] : ["exit \(process.terminationStatus): \(text)"]
    }

    /// Every HTML page below `folder` and its size in bytes, read from the file system
    /// rather than from the files (a 2,000-report site has 7,000 pages).
    static func htmlSizes(_ folder: URL) -> [(path: String, bytes: Int)] {
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey]) else { return [] }
        var sizes: [(path: String, bytes: Int)] = []
        for case let url as URL in enumerator where url.pathExtension == "html" {
            sizes.append((String(url.standardizedFileURL.path.dropFirst(base.count + 1)), (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0))
        }
        return sizes
    }

    /// Generating and building take a minute: on a thread of their own, so that they do not
    /// hold one of Swift's cooperative threads, which other suites' servers answer on.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    @Test func noPageGrowsWithTheNumberOfReports() async throws {
        let shape = Self.shape
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("arsrapport-bounded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var largest: [Int] = []
        var maxima: [String: [Int: (bytes: Int, bound: Int)]] = [:]
        for reports in shape.reports {
            let measured = await Self.offThePool { Self.measure(reports: reports, root: root) }
            #expect(measured.generated, "scripts/bench --generate-only failed")
            #expect(measured.errors == [])
            #expect(!measured.pages.isEmpty)
            for page in measured.pages {
                #expect(page.bytes <= page.bound, "\(reports) reports: /\(page.path) is \(page.bytes) bytes, over the bound \(page.bound)")
            }
            largest.append(measured.pages.map(\.bytes).max() ?? 0)
            for page in measured.pages {
                let kind = Self.kind(of: page.path)
                let (bytes, bound) = maxima[kind]?[reports] ?? (0, page.bound)
                maxima[kind, default: [:]][reports] = (max(bytes, page.bytes), bound)
            }
            // The pages that would list every report show the latest of each municipality.
            #expect(measured.home.contains("Den senaste rapporten från varje kommun"))
            #expect(measured.home.components(separatedBy: "<li class=\"report-card\">").count - 1 <= shape.municipalities)
            #expect(measured.theme.contains("äldre rapporter: "), "a municipality's older reports are left to its page")
        }
        #expect(largest.count == 2)
        // The largest page of each kind at each size beside its bound, which is the same at
        // every size: the pages that gather from every municipality stay near their size,
        // and those that grow (a year's page, a municipality's own) do so below it.
        for (kind, sizes) in maxima.sorted(by: { $0.key < $1.key }) {
            let figures = shape.reports.map { reports in sizes[reports].map { "\($0.bytes) of \($0.bound)" } ?? "none" }
            print("largest /\(kind) at \(shape.reports.map(String.init).joined(separator: ", ")) reports: \(figures.joined(separator: ", ")) bytes")
        }
    }

    /// The kind of page at `path`, its ids left out: "jamfor/<id>/<year>/", "<report>/<id>/".
    static func kind(of path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() {
            if part.range(of: #"^\d{4}$"#, options: .regularExpression) != nil { parts[index] = "<year>" }
            else if part.range(of: #"^[a-z-]+-\d{4}$"#, options: .regularExpression) != nil { parts[index] = "<report>" }
            else if index > 0, ["jamfor", "teman", "kommuner", "kommun"].contains(parts[index - 1]) || parts[index - 1] == "<report>" {
                parts[index] = "<id>"
            }
        }
        return parts.map { $0 + "/" }.joined()
    }

    /// The benchmark's generator with a shape of many reports per municipality in few pages;
    /// true when it succeeded.
    static func generate(reports: Int, shape: (municipalities: Int, years: Int, sections: [String], reports: [Int]), into folder: URL) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestSite.repository.appendingPathComponent("scripts/bench").path,
                             "--generate-only", folder.path, "--reports", "\(reports)",
                             "--municipalities", "\(shape.municipalities)", "--years", "\(shape.years)",
                             "--sections", shape.sections.joined(separator: ","), "--seed", "5"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
