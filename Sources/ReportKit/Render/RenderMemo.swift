/// What one render leaves for the next, so that `serve` re-renders only the pages a change
/// reaches. Everything is keyed by page path (`haninge-2022/ekonomi/`).
public struct RenderMemo: Sendable {
    /// The index of the build that made the memo: the next build compares its content with it.
    let index: SiteIndex
    let bodies: [String: RenderedBody]
    let htmls: [String: String]
    let ids: [String: Set<String>]
    /// Duplicate anchors found on a page's output.
    let anchorProblems: [String: [Diagnostic]]
    /// Broken links found on a page's output (empty unless `linksChecked`).
    let linkProblems: [String: [Diagnostic]]
    /// Page path → the linking pages, with their titles, as the backlinks list shows them.
    let backlinks: [String: [String]]
    /// Files that are the same whatever the pages say (sitemap, assets).
    let fixedFiles: [OutputFile]
    /// Files made from every report's data (open data, search index).
    let dataFiles: [OutputFile]
    /// The open data's and the search index's shares, per report, for the next export to reuse.
    let openData: DataExport.Memo?
    let searchIndex: SearchIndex.Memo?
    /// False when generated links were not checked (an earlier stage had failed): then the
    /// next render checks them all.
    let linksChecked: Bool
}
