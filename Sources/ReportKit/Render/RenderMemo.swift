/// What one render leaves for the next, so that `serve` re-renders only the pages a change
/// reaches: the memo of each stage of the render, and what they were made from.
public struct RenderMemo: Sendable {
    /// The index of the build that made the memo: the next build compares its content with it.
    let index: SiteIndex
    /// The templates it was rendered with: any change to them renders everything again.
    let templateSources: [String: String]
    /// Page path → its Markdown body.
    let bodies: MarkdownStage.Memo
    let siteFiles: SiteFilesStage.Memo
    /// Page path → what the link check and a rebuild need of the page (not its HTML).
    let pages: PagesStage.Memo
    /// Section (`report/kind`) → its figures' facts, which the next build reuses for the
    /// sections whose figures its index reuses.
    var figureFacts: [String: [FigureFacts]] { facts.value }
    private let facts: KeptFacts

    init(index: SiteIndex, templateSources: [String: String], bodies: MarkdownStage.Memo, siteFiles: SiteFilesStage.Memo,
         pages: PagesStage.Memo, figureFacts: [String: [FigureFacts]]) {
        self.index = index
        self.templateSources = templateSources
        self.bodies = bodies
        self.siteFiles = siteFiles
        self.pages = pages
        facts = KeptFacts(value: figureFacts)
    }

    /// `FigureFacts` hold their values as `Any` for the template engine, so the compiler
    /// cannot see that they are Sendable; they are: a final class of constants, made once and
    /// only read after (by the pages of a build, on any thread, and by the next build).
    private struct KeptFacts: @unchecked Sendable {
        let value: [String: [FigureFacts]]
    }

    /// Self, when made with these templates; nil when they changed.
    func reusable(with templates: TemplateSet) -> RenderMemo? {
        templateSources == templates.sources ? self : nil
    }
}
