import Foundation

/// The files beside the pages, put into the output: each table's CSV file (beside its page),
/// the open data, the chart downloads and the search index (from every report's data), and
/// the sitemap, robots.txt and assets (the same whatever the pages say). Runs before the
/// pages: a page says how large each of its tables' files is, and the check of its links
/// needs every file's path.
///
/// The memo is kept by part, so that a part can be cached at a finer grain later (the open
/// data and search index per report, as the tables are per page): a part missing from the
/// memo, or asked for again, is made again; the others are the memo's, and their files are
/// still in the output.
struct SiteFilesStage: Stage {
    let site: Site
    let linker: Linker
    let templates: TemplateSet
    /// Where content assets (images, PDFs) are copied from.
    let contentRoot: URL
    /// The figures, comparisons and chart files, as the pages show them.
    let builder: ContextBuilder
    let output: any SiteOutput
    let parallel: Bool

    struct Input {
        /// The pages whose tables are made again (and those the memo lacks).
        let changed: [Page]
        /// Make the open data, chart files and search index again.
        let remakeData: Bool
    }

    /// A file that was put, by path, with its size in bytes.
    struct File: Sendable {
        let path: String
        let bytes: Int
    }

    struct Memo: Sendable {
        /// Sitemap, robots.txt, theme and content assets; nil: to be made.
        var fixed: [File]?
        /// Open data, chart downloads and the search index; nil: to be made.
        var data: [File]?
        /// Page path → its tables' CSV files; a page missing has its tables made.
        var tables: [String: [File]] = [:]
        /// The open data's and the search index's shares, per report: the next export reuses
        /// those of reports that did not change.
        var openData: DataExport.Memo?
        var searchIndex: SearchIndex.Memo?

        /// Only the per-report shares, which hold whatever else changed: for a render that
        /// makes every file again.
        var shares: Memo { Memo(openData: openData, searchIndex: searchIndex) }
    }

    struct Output {
        /// Every file's path, pages excluded, in the order the site lists them.
        let paths: [String]
        /// Table file path → size in bytes, for the pages' download links.
        let tableSizes: [String: Int]
        /// Size of the search index the search page loads.
        let searchIndexBytes: Int
    }

    func run(_ input: Input, reusing memo: Memo?) -> (output: Output, memo: Memo) {
        var memo = memo ?? Memo()
        if memo.fixed == nil { memo.fixed = put(fixedFiles()) }
        if input.remakeData || memo.data == nil {
            let files = dataFiles(&memo)
            memo.data = put(files)
        }
        let stale = Set(input.changed.map(\.path))
        let changed = site.pages.filter { stale.contains($0.path) || memo.tables[$0.path] == nil }
        for (page, files) in zip(changed, Parallel.map(changed, parallel: parallel, tableFiles)) { memo.tables[page.path] = files }
        let (fixed, data, tables) = (memo.fixed ?? [], memo.data ?? [], memo.tables)
        let tableFiles = site.pages.flatMap { tables[$0.path] ?? [] }
        let output = Output(
            paths: (data + tableFiles + fixed).map(\.path),
            tableSizes: Dictionary(tableFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first }),
            searchIndexBytes: data.first { $0.path == SearchIndex.path }?.bytes ?? 0)
        return (output, memo)
    }

    /// Each table's CSV of `page`, made once: the page's link takes its size from here.
    private func tableFiles(of page: Page) -> [File] {
        put(builder.tableFiles(for: page).map { OutputFile(path: $0.path, contents: .bytes($0.csv)) })
    }

    /// The open data and search index, per report reusing the memo's shares of reports that
    /// did not change (and leaving the new shares in it), and the chart downloads.
    private func dataFiles(_ memo: inout Memo) -> [OutputFile] {
        let (openData, openDataMemo) = DataExport(index: builder.index, linker: linker).files(reusing: memo.openData)
        let (searchIndex, searchIndexMemo) = SearchIndex(site: site, linker: linker, comparisons: builder.index.metricComparisons).file(bodies: builder.bodies, reusing: memo.searchIndex)
        (memo.openData, memo.searchIndex) = (openDataMemo, searchIndexMemo)
        return openData + builder.chartFiles.keys.sorted().flatMap { builder.chartFiles[$0]!.outputFiles } + [searchIndex]
    }

    private func fixedFiles() -> [OutputFile] {
        Sitemap(pages: site.pages, linker: linker).files()
            + templates.assets.map { OutputFile(path: $0, contents: .copy(templates.root.appendingPathComponent($0))) }
            + site.content.assets.map { OutputFile(path: $0, contents: .copy(contentRoot.appendingPathComponent($0))) }
    }

    /// Puts `files` into the output and returns their paths and sizes (0 for a copied file).
    private func put(_ files: [OutputFile]) -> [File] {
        files.map { file in
            output.put(file)
            switch file.contents {
            case .bytes(let bytes): return File(path: file.path, bytes: bytes.count)
            case .text(let text): return File(path: file.path, bytes: text.utf8.count)
            case .copy: return File(path: file.path, bytes: 0)
            }
        }
    }
}
