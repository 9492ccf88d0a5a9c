import Foundation
import Testing
@testable import ReportKit

/// Each kind of page declares what it reads (`PageCatalogue`), and a rebuild re-renders the
/// pages whose reads include what changed. Starting from the real site, each kind of input is
/// changed in turn, and each rebuild is compared with a build from scratch: every page that
/// really changed must have been rendered again (no stale page), the pages rendered again must
/// be those that declare what changed, and the pages rendered that did not change (declared
/// too broadly) are counted.
@Suite(.serialized) struct PageCatalogueTests {
    struct Edit: Sendable {
        let name: String
        let file: String
        let change: @Sendable (String) -> String
        /// What the comparison of the two contents must find changed, exactly.
        let changes: Set<Dependency>
    }

    static let edits: [Edit] = [
        Edit(name: "a figure's value", file: "huddinge-2020/ekonomi.md",
             change: { $0.replacingOccurrences(of: "value: 40.9", with: "value: 41.5") },
             changes: [.section(report: "huddinge-2020", kind: .ekonomi),
                       .figures(metric: "verksamhetens-intakter", report: "huddinge-2020"), .figuresOf(metric: "verksamhetens-intakter"),
                       .reportFigures("huddinge-2020")]),
        Edit(name: "a section's text", file: "huddinge-2020/ekonomi.md",
             change: { $0.replacingOccurrences(of: "## Intäkter och kostnader", with: "Ett nytt stycke.\n\n## Intäkter och kostnader") },
             changes: [.section(report: "huddinge-2020", kind: .ekonomi)]),
        Edit(name: "a goal's verdict", file: "huddinge-2020/mal-och-resultat.md",
             change: { $0.replacing("term: god\n", with: "term: godtagbar\n", maxReplacements: 1) },
             changes: [.section(report: "huddinge-2020", kind: .malOchResultat), .goals(report: "huddinge-2020"),
                       .goalsOfTheme(Self.firstGoalTheme)]),
        Edit(name: "a report's title", file: "huddinge-2020/index.md",
             change: { $0.replacingOccurrences(of: "title: Socialnämndens delårsrapport per augusti 2020",
                                               with: "title: Socialnämndens delårsrapport januari–augusti 2020") },
             changes: [.reportTitle("huddinge-2020"), .reportText("huddinge-2020"), .pageList]),
        Edit(name: "a report's committee", file: "huddinge-2020/index.md",
             change: { $0.replacingOccurrences(of: "committee: Socialnämnden\n", with: "committee: Socialnämnden i Huddinge\n") },
             changes: [.reportText("huddinge-2020")]),
        Edit(name: "a report's period", file: "huddinge-2020/index.md",
             change: { $0.replacingOccurrences(of: "period: {start: 2020-01-01, end: 2020-08-31}",
                                               with: "period: {start: 2020-01-01, end: 2020-08-30}") },
             changes: [.reportIdentity("huddinge-2020"), .everyReportIdentity, .reportText("huddinge-2020")]),
        Edit(name: "a metric's definition", file: "jamfor/nettokostnad.md",
             change: { $0.replacingOccurrences(of: "som ett positivt tal.\n", with: "som ett positivt tal i mnkr.\n") },
             changes: [.metric("nettokostnad")]),
        Edit(name: "a metric's title", file: "jamfor/sjukfranvaro.md",
             change: { $0.replacingOccurrences(of: "title: Sjukfrånvaro\n", with: "title: Sjukfrånvaro totalt\n") },
             changes: [.metric("sjukfranvaro"), .metricFacts("sjukfranvaro"), .everyMetricFacts, .pageList]),
        Edit(name: "a theme's description", file: "teman/arbete-och-etablering.md",
             change: { $0.replacingOccurrences(of: "långt från arbetsmarknaden.", with: "långt från arbetslivet.") },
             changes: [.theme("arbete-och-etablering")]),
        Edit(name: "a theme's title", file: "teman/covid-19.md",
             change: { $0.replacingOccurrences(of: "title: Covid-19\n", with: "title: Covid-19-pandemin\n") },
             changes: [.theme("covid-19"), .themeTitle("covid-19"), .everyThemeTitle, .pageList]),
        Edit(name: "a municipality's text", file: "kommuner/huddinge.md",
             change: { $0 + "\nEtt nytt stycke om kommunen.\n" },
             changes: [.municipality("huddinge")]),
        Edit(name: "a municipality's short name", file: "kommuner/huddinge.md",
             change: { $0.replacingOccurrences(of: "short_name: Huddinge\n", with: "short_name: Huddinge kommun\n") },
             changes: [.municipality("huddinge"), .municipalityFacts("huddinge"), .everyMunicipalityFacts, .pageList]),
        Edit(name: "the start page's text", file: "index.md",
             change: { $0.replacingOccurrences(of: "De {antal} rapporterna sida vid sida", with: "De {antal} rapporterna") },
             changes: [.home]),
        Edit(name: "the scale", file: "bedomningsskala.md",
             change: { $0.replacingOccurrences(of: "Rapporten anger ingen bedömning av målet.", with: "Rapporten bedömer inte målet.") },
             changes: [.scale]),
        Edit(name: "a level of the scale", file: "bedomningsskala.md",
             change: { $0.replacingOccurrences(of: "label: Ej bedömt", with: "label: Inte bedömt") },
             changes: [.scale, .scaleLevels]),
        Edit(name: "a standalone page", file: "tillganglighet.md",
             change: { $0 + "\nEtt nytt stycke.\n" },
             changes: [.page("tillganglighet")]),
        Edit(name: "the site's title", file: "index.md",
             change: { $0.replacingOccurrences(of: "title: Socialnämnder i jämförelse", with: "title: Socialnämnderna i jämförelse") },
             changes: [.home, .siteFrame, .pageList]),
    ]

    /// The theme of the first goal in Huddinge's goals section, whose verdict the edit changes.
    static let firstGoalTheme: String = {
        let text = (try? String(contentsOf: TestSite.repository.appendingPathComponent("content/huddinge-2020/mal-och-resultat.md"),
                                encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("theme:") } ?? ""
        return line.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }()

    /// The index a build of `site`'s content makes, loaded as `BuildSession` does.
    static func index(of site: TestSite) -> SiteIndex {
        let loaded = ContentLoader(root: site.content, displayRoot: "content").load()
        var (content, _) = ContentDecoder.decode(loaded)
        content.leaveOutDrafts()
        return SiteIndex(site: SiteAssembler.assemble(content).0, linker: Linker(baseURL: nil))
    }

    static func pages(_ files: [OutputFile]) -> [String: [UInt8]] {
        IncrementalTests.bytes(files).filter { $0.key.hasSuffix(".html") }
    }

    @Test func rebuildsRenderExactlyThePagesThatReadWhatChanged() throws {
        let site = try IncrementalTests.realSite()
        defer { site.remove() }
        let session = BuildSession(options: IncrementalTests.options(site))
        let first = session.build()
        #expect(first.errors == [])
        var before = Self.pages(first.files)
        var index = Self.index(of: site)
        var summary: [String] = []
        var rendered = 0, changed = 0

        for edit in Self.edits {
            let url = site.content.appendingPathComponent(edit.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(edit.change(text) != text, "the edit \(edit.name) changed nothing")
            try edit.change(text).write(to: url, atomically: true, encoding: .utf8)

            let next = Self.index(of: site)
            let changes = Invalidation.changes(from: index, to: next)
            #expect(changes == edit.changes, "\(edit.name): found \(changes.map { $0.map { "\($0)" }.sorted() } ?? ["the whole site"])")
            // The pages that declare a read of what changed, in the old site or the new one.
            let declaring = Set((index.site.pages.filter { !$0.reads(index).isDisjoint(with: changes ?? []) }
                                 + next.site.pages.filter { !$0.reads(next).isDisjoint(with: changes ?? []) }).map(\.outputPath))

            let rebuilt = IncrementalTests.expectSameAsScratch(session, site, edit.name)
            let after = Self.pages(rebuilt.files)
            let different = Set(after.keys.filter { before[$0] != after[$0] })
            let rerendered = rebuilt.rerendered ?? []
            // (a) No stale page: every page a build from scratch changes was rendered again.
            #expect(different.isSubset(of: rerendered), "\(edit.name): stale \(different.subtracting(rerendered).sorted())")
            // (b) Rendered again: the pages declaring what changed, and beyond them only pages
            // whose backlinks changed (which the renderer finds), so they really differ.
            #expect(declaring.isSubset(of: rerendered), "\(edit.name): not rendered \(declaring.subtracting(rerendered).sorted())")
            #expect(rerendered.subtracting(declaring).isSubset(of: different),
                    "\(edit.name): rendered without reason \(rerendered.subtracting(declaring).subtracting(different).sorted())")
            #expect(!different.isEmpty, "\(edit.name) changes no page")
            let extra = rerendered.subtracting(different)
            summary.append("\(edit.name): \(rerendered.count) rendered, \(different.count) changed"
                           + (extra.isEmpty ? "" : " (unchanged: \(extra.sorted().joined(separator: " ")))"))
            rendered += rerendered.count
            changed += different.count
            before = after
            index = next
        }
        print("Pages rendered again per edit, of \(before.count):\n  " + summary.joined(separator: "\n  ")
              + "\nIn all \(rendered) rendered for \(changed) that changed.")
        // Reads declared far wider than what pages show would re-render most of the site for
        // any edit; on these edits a quarter more than the pages that changed is the bound.
        #expect(rendered * 4 <= changed * 5, "\(rendered) pages rendered for \(changed) that changed")
    }

    /// Whole-site changes render every page: a page added, a template.
    @Test func shapeChangesRenderEverything() throws {
        let site = try IncrementalTests.realSite()
        defer { site.remove() }
        let session = BuildSession(options: IncrementalTests.options(site))
        let total = session.build().pagesRendered
        let index = Self.index(of: site)
        try site.write("content/om.md", "---\ntitle: Om webbplatsen\n---\nText.\n")
        #expect(Invalidation.changes(from: index, to: Self.index(of: site)) == nil)
        #expect(IncrementalTests.expectSameAsScratch(session, site, "a page added").pagesRendered == total + 1)
    }

    /// Every page the assembler makes comes from a kind in the catalogue, in site order, and
    /// every kind has pages on the real site.
    @Test func everyKindMakesPagesOnTheRealSite() throws {
        let site = try IncrementalTests.realSite()
        defer { site.remove() }
        let index = Self.index(of: site)
        let content = index.content
        for kind in PageCatalogue.slots.flatMap(\.kinds) {
            #expect(!kind.pages(content).isEmpty, "no page of kind \(kind.name)")
        }
        #expect(index.site.pages.map(\.path) == PageCatalogue.pages(of: content).map(\.path))
        #expect(index.site.pages.allSatisfy { !$0.reads(index).isEmpty && $0.reads(index).contains(.siteFrame) })
    }
}
