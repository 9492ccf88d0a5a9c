/// What the rules said about each report, kept by a `BuildSession` so that a rebuild checks
/// only the reports that changed (compared by value, so that an edited CSV table counts). A report's rules also read the scale, the
/// municipalities, metrics and themes, and which files failed: when any of those change,
/// every report is checked again.
public struct RuleCache: Sendable {
    private var shared: [SourceFile] = []
    private var failed: Set<String> = []
    /// Each report as last checked, with its diagnostics. Compared by value, not by its files:
    /// a CSV table can change while the page that names it does not.
    private var reports: [String: (report: Report, diagnostics: [Diagnostic])] = [:]

    public init() {}

    /// Every rule's diagnostics for `content`, and the memo for the next check (a `Stage`'s
    /// convention); without a memo every report is checked.
    static func check(_ content: Content, reusing memo: RuleCache?) -> (output: [Diagnostic], memo: RuleCache) {
        var cache = memo ?? RuleCache()
        let diagnostics = cache.check(content)
        return (diagnostics, cache)
    }

    private mutating func check(_ content: Content) -> [Diagnostic] {
        var checker = RuleChecker(content: content)
        checker.checkScale()
        for municipality in content.municipalities { checker.check(municipality) }
        for metric in content.metrics { checker.check(metric) }

        let shared = [content.scale?.file].compactMap { $0 } + content.municipalities.map(\.file)
            + content.metrics.map(\.file) + content.themes.map(\.file)
        if shared != self.shared || content.failedFiles != failed { reports = [:] }
        self.shared = shared
        failed = content.failedFiles

        var kept: [String: (report: Report, diagnostics: [Diagnostic])] = [:]
        for report in content.reports {
            if let previous = reports[report.id], previous.report == report {
                checker.diagnostics += previous.diagnostics
                kept[report.id] = previous
                continue
            }
            let before = checker.diagnostics.count
            checker.check(report)
            kept[report.id] = (report, Array(checker.diagnostics[before...]))
        }
        reports = kept
        return checker.diagnostics
    }
}
