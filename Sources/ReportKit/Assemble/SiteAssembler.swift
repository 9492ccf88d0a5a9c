/// Decides every page's address from the content, and reports addresses claimed twice.
public enum SiteAssembler {
    /// Paths the build generates itself; content may not claim them.
    static let generatedPaths: [String: MessageKey] = [
        "jamfor/": .reservedComparisons, "teman/": .reservedThemes, "mal/": .reservedGoals,
        "assets/": .reservedAssets, "data/": .reservedData, "sok/": .reservedSearch,
    ]

    /// The pages of every kind in `PageCatalogue`, each address claimed once.
    public static func assemble(_ content: Content) -> (Site, [Diagnostic]) {
        var pages: [Page] = []
        var claimed: [String: SourceLocation] = [:]
        var pathsBySource: [String: String] = [:]
        var diagnostics: [Diagnostic] = []

        for page in PageCatalogue.pages(of: content) {
            if let source = page.source {
                let location = source.location(line: 1)
                if let what = generatedPaths[page.path] {
                    diagnostics.append(.error(MessagePart(.addressReserved, arguments: [.text(page.path), .part(MessagePart(what))]), at: location))
                    continue
                }
                if let first = claimed[page.path] {
                    diagnostics.append(.error(.addressTaken, page.path, first.path, at: location))
                    continue
                }
                claimed[page.path] = location
                pathsBySource[source.relativePath] = page.path
            }
            pages.append(page)
        }
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
