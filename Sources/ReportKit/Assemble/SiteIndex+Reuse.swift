extension SiteIndex {
    /// What a new index may take from the last build's (`SiteIndex.init(site:linker:reusing:)`):
    /// worked out from which reports changed, so that an edit of one report costs that report's
    /// share of the index and the comparisons of the metrics it states, not the whole site.
    struct Reuse {
        let old: SiteIndex
        /// Ids of the reports that are new, changed or gone since `old`.
        let changed: Set<String>
        /// No report was added or removed, and no changed report's identity, title or list of
        /// sections changed: what "Jämför med", labels and the lists of reports without a value
        /// are made of is as it was, so only the metrics the changed reports state need comparing.
        let sameIdentities: Bool
        /// The metrics the changed reports state a figure of, before or after the change.
        let metricsStated: Set<String>

        /// Nil when nothing may be reused: the metrics (units, kinds, what comparisons weigh),
        /// the municipalities (names, scopes), the site's title or the base address changed.
        init?(old: SiteIndex, content: Content, siteTitle: String, baseURL: String?) {
            let before = old.content
            guard old.siteTitle == siteTitle, old.baseURL == baseURL, before.metrics == content.metrics,
                  before.municipalities == content.municipalities else { return nil }
            self.old = old
            let oldReports = Dictionary(before.reports.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let newIDs = Set(content.reports.map(\.id))
            var changed = Set(before.reports.map(\.id)).subtracting(newIDs)
            var same = changed.isEmpty && before.reports.count == content.reports.count
            var stated: Set<String> = []
            for report in content.reports {
                guard let was = oldReports[report.id] else {
                    changed.insert(report.id)
                    same = false
                    continue
                }
                if was === report || was == report { continue }
                changed.insert(report.id)
                if Invalidation.identity(was.index.matter) != Invalidation.identity(report.index.matter)
                    || was.index.matter.title != report.index.matter.title
                    || Invalidation.sectionList(was) != Invalidation.sectionList(report) {
                    same = false
                }
                for figure in Self.figures(of: report) { stated.insert(figure.metric.value) }
            }
            // Before the change: every changed or removed report's old figures.
            for id in changed { for figure in oldReports[id].map(Self.figures(of:)) ?? [] { stated.insert(figure.metric.value) } }
            self.changed = changed
            sameIdentities = same
            metricsStated = stated
        }

        /// The id under which `old` holds what `report` needs, when the report did not change.
        func kept(_ report: Report) -> String? {
            changed.contains(report.id) ? nil : report.id
        }

        private static func figures(of report: Report) -> [Figure] {
            report.sections.flatMap { $0.document.matter.figures ?? [] }
        }
    }
}
