/// Decides every page's address from the content, and reports addresses claimed twice.
public enum SiteAssembler {
    /// Paths the build generates itself; content may not claim them.
    static let generatedPaths: [String: MessageKey] = [
        "jamfor/": .reservedComparisons, "teman/": .reservedThemes, "mal/": .reservedGoals,
        "assets/": .reservedAssets, "data/": .reservedData, "sok/": .reservedSearch,
    ]

    public static func assemble(_ content: Content) -> (Site, [Diagnostic]) {
        var pages: [Page] = []
        var claimed: [String: SourceLocation] = [:]
        var pathsBySource: [String: String] = [:]
        var diagnostics: [Diagnostic] = []

        func add(_ path: String, _ title: String, _ template: String, _ kind: Page.Kind) {
            let page = Page(path: path, title: title, template: template, kind: kind)
            if let source = page.source {
                let location = source.location(line: 1)
                if let what = generatedPaths[path] {
                    diagnostics.append(.error(MessagePart(.addressReserved, arguments: [.text(path), .part(MessagePart(what))]), at: location))
                    return
                }
                if let first = claimed[path] {
                    diagnostics.append(.error(.addressTaken, path, first.path, at: location))
                    return
                }
                claimed[path] = location
                pathsBySource[source.relativePath] = path
            }
            pages.append(page)
        }

        add("", content.home?.matter.title ?? "Socialnämnder i jämförelse", "home", .home)
        for page in content.pages { add("\(page.id)/", page.matter.title, "page", .page(page)) }
        if let scale = content.scale { add("bedomningsskala/", scale.matter.title, "scale", .scale(scale)) }
        for municipality in content.municipalities {
            add("kommuner/\(municipality.id)/", municipality.matter.name, "municipality", .municipality(municipality))
        }
        add("jamfor/", "Jämför nyckeltal", "metric-index", .metricIndex)
        let metricYears = content.yearsWithFigures()
        for metric in content.metrics {
            add("jamfor/\(metric.id)/", metric.matter.title, "metric", .metric(metric))
            for year in (metricYears[metric.id] ?? []).sorted() {
                add("jamfor/\(metric.id)/\(year)/", "\(metric.matter.title) \(year)", "metric", .metricYear(metric, year))
            }
        }
        add("teman/", "Teman", "theme-index", .themeIndex)
        for theme in content.themes { add("teman/\(theme.id)/", theme.matter.title, "theme", .theme(theme)) }
        add("mal/", "Mål och måluppfyllelse i jämförelse", "goals", .goals)
        for theme in content.themes where content.reports.contains(where: { $0.hasGoals(inTheme: theme.id) }) {
            add("mal/tema/\(theme.id)/", "Mål inom \(theme.matter.title.lowercasedFirst)", "goals", .goalsOfTheme(theme))
        }
        for municipality in content.municipalities
        where content.reports.contains(where: { $0.index.matter.municipality.value == municipality.id && $0.hasGoals(inTheme: nil) }) {
            add("mal/kommun/\(municipality.id)/", "Mål i \(municipality.matter.name)", "goals", .goalsOfMunicipality(municipality))
        }
        for report in content.reports {
            add("\(report.id)/", report.index.matter.title, "report", .report(report))
            for section in report.sections {
                add("\(report.id)/\(section.kind.rawValue)/", section.document.matter.title, "section", .section(report, section))
            }
        }
        add("sok/", "Sök", "search", .search)
        add("404/", "Sidan finns inte", "not-found", .notFound)
        return (Site(content: content, pages: pages, pathsBySource: pathsBySource), diagnostics)
    }
}

extension Report {
    /// Whether any section states a goal (of `theme`, or of any theme for nil).
    func hasGoals(inTheme theme: String?) -> Bool {
        sections.contains { section in
            (section.document.matter.goals ?? []).contains { theme == nil || $0.theme.value == theme }
        }
    }
}
