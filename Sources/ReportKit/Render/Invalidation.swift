/// Which pages a change of content reaches, for incremental rebuilds in `serve`.
///
/// A change inside a report's sections (figures, tables, goals, text) reaches that report's
/// own pages and the pages that gather data from every report: the comparison pages of the
/// metrics its figures use, the theme pages of its themes, its municipality's page, the goals
/// page, the start page and the indexes. Anything else (a metric, theme or municipality
/// file, a report's identity, a page added or removed) re-renders the whole site, which is
/// what a build from scratch does. Backlinks are compared after Markdown has been rendered,
/// by the renderer. Tests compare incremental output with a build from scratch.
enum Invalidation {
    /// The pages to render again, and among them the changed reports' own pages, which
    /// `serve` renders first; nil when every page must be rendered.
    static func change(from old: Site, to new: Site) -> (pages: Set<String>, own: Set<String>)? {
        let before = old.content, after = new.content
        guard old.pages.map(\.path) == new.pages.map(\.path),
              old.pathsBySource == new.pathsBySource,
              before.home == after.home, before.pages == after.pages, before.scale == after.scale,
              before.municipalities == after.municipalities, before.metrics == after.metrics,
              before.themes == after.themes, before.assets == after.assets,
              before.failedFiles == after.failedFiles,
              before.reports.map(\.id) == after.reports.map(\.id)
        else { return nil }

        var paths: Set<String> = []
        var own: Set<String> = []
        for (was, now) in zip(before.reports, after.reports) where was != now {
            // The report's identity is on many pages (labels, periods, "Jämför med").
            guard was.index.matter == now.index.matter,
                  was.sections.map(\.kind) == now.sections.map(\.kind) else { return nil }
            own.insert("\(now.id)/")
            for section in now.sections { own.insert("\(now.id)/\(section.kind.rawValue)/") }
            paths.formUnion(own)
            for report in [was, now] {
                for section in report.sections {
                    let matter = section.document.matter
                    for figure in matter.figures ?? [] {
                        paths.insert("jamfor/\(figure.metric.value)/")
                        paths.insert("jamfor/\(figure.metric.value)/\(report.index.matter.year.value)/")
                    }
                    for theme in matter.themes ?? [] { paths.insert("teman/\(theme.value)/") }
                    for goal in matter.goals ?? [] { paths.insert("teman/\(goal.theme.value)/") }
                }
            }
            paths.insert("kommuner/\(now.index.matter.municipality.value)/")
            if goalSignature(was) != goalSignature(now) {
                // The goals page and every page it is narrowed to.
                paths.formUnion(new.pages.map(\.path).filter { $0.hasPrefix("mal/") })
            }
            if was.sections.map(\.document.matter.title) != now.sections.map(\.document.matter.title) {
                paths.insert("sok/")
            }
        }
        if !paths.isEmpty {
            // Start page (headline figures, goal counts) and the indexes (counts).
            paths.formUnion(["", "jamfor/", "teman/"])
        }
        let existing = Set(new.pages.map(\.path))
        return (paths.intersection(existing), own.intersection(existing))
    }

    /// What the goals page shows of a report: its sections' titles and goals.
    private static func goalSignature(_ report: Report) -> [[String: [Goal]]] {
        report.sections.map { [$0.document.matter.title: $0.document.matter.goals ?? []] }
    }
}
