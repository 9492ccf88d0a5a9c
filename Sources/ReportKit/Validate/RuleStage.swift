/// The rules over the decoded content (`RuleChecker`), as a `Stage`: with the memo of the last
/// check, only the reports that changed are checked again (compared by value, so that an
/// edited CSV table counts). A report's rules also read the scale, the municipalities,
/// metrics and themes, and which files failed: when any of those change, every report is
/// checked again.
struct RuleStage: Stage {
    /// What the rules said about each report, and what those verdicts depended on.
    struct Memo: Sendable {
        /// The scale's, municipalities', metrics' and themes' files the verdicts were made with.
        let shared: [SourceFile]
        let failed: Set<String>
        /// Each report as last checked, with its diagnostics. Compared by value, not by its
        /// files: a CSV table can change while the page that names it does not.
        let reports: [String: (report: Report, diagnostics: [Diagnostic])]
    }

    /// Every rule's diagnostics for `content`; without a memo every report is checked.
    func run(_ content: Content, reusing memo: Memo?) -> (output: [Diagnostic], memo: Memo) {
        var checker = RuleChecker(content: content)
        checker.checkScale()
        for municipality in content.municipalities { checker.check(municipality) }
        for metric in content.metrics { checker.check(metric) }

        let shared = [content.scale?.file].compactMap { $0 } + content.municipalities.map(\.file)
            + content.metrics.map(\.file) + content.themes.map(\.file)
        let reusable = memo.flatMap { $0.shared == shared && $0.failed == content.failedFiles ? $0.reports : nil } ?? [:]

        var kept: [String: (report: Report, diagnostics: [Diagnostic])] = [:]
        for report in content.reports {
            if let previous = reusable[report.id], previous.report == report {
                checker.diagnostics += previous.diagnostics
                kept[report.id] = previous
                continue
            }
            let before = checker.diagnostics.count
            checker.check(report)
            kept[report.id] = (report, Array(checker.diagnostics[before...]))
        }
        return (checker.diagnostics, Memo(shared: shared, failed: content.failedFiles, reports: kept))
    }
}
