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

    /// Self, when made with these templates; nil when they changed.
    func reusable(with templates: TemplateSet) -> RenderMemo? {
        templateSources == templates.sources ? self : nil
    }
}
