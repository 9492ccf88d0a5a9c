import Foundation
import Testing
@testable import ReportKit

/// Templates are parsed once and kept in the pipeline's memo; a rebuild parses only a
/// template whose file changed, and renders with the new text.
@Suite struct TemplateReuseTests {
    @Test func unchangedTemplatesAreReusedAndAnEditedOneIsParsedAgain() throws {
        let site = try TestSite()
        defer { site.remove() }
        let loader = TemplateLoader(root: site.templates, displayRoot: "templates")
        let (first, memo) = loader.run((), reusing: nil)
        let set = try #require(first.0)
        #expect(set.parsedNow == set.names, "a load without a memo parses every template")

        let (again, memo2) = loader.run((), reusing: memo)
        #expect(try #require(again.0).parsedNow == [], "nothing changed, nothing parsed")

        let toc = site.templates.appendingPathComponent("partials/toc.mustache")
        let text = try String(contentsOf: toc, encoding: .utf8)
        try site.write("templates/partials/toc.mustache", "<!-- edited -->" + text)
        let (edited, _) = loader.run((), reusing: memo2)
        let editedSet = try #require(edited.0)
        #expect(editedSet.parsedNow == ["partials/toc"])
        let html = editedSet.library.render(NoKindContext(), withTemplate: "partials/toc") ?? ""
        #expect(html.hasPrefix("<!-- edited -->"))
    }

    /// Through the pipeline, as `serve` rebuilds: the edit shows on the pages.
    @Test func aRebuildPicksUpAnEditedTemplate() throws {
        let site = try TestSite()
        defer { site.remove() }
        let pipeline = Pipeline(options: IncrementalTests.options(site))
        let (first, memo) = pipeline.run(.init(), reusing: nil)
        #expect(first.errors == [])
        #expect(memo.templates?["layout"] != nil)
        let layout = site.templates.appendingPathComponent("layout.mustache")
        let text = try String(contentsOf: layout, encoding: .utf8)
        try site.write("templates/layout.mustache", text.replacingOccurrences(of: "<body", with: "<body data-edited"))
        let (second, _) = pipeline.run(.init(), reusing: memo)
        #expect(second.errors == [])
        let page = try #require(second.files.first { $0.path == "index.html" })
        guard case .text(let html) = page.contents else { Issue.record("index.html is not text"); return }
        #expect(html.contains("<body data-edited"))
    }

    /// A partial drawn on its own (header, footer, a goal) is named by no page's `{{> …}}`, so
    /// only this check sees it gone; without it, every goal would silently render empty.
    @Test(arguments: TemplateSet.requiredPartials)
    func aMissingFragmentPartialIsAnErrorAtItsFile(name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.templates.appendingPathComponent("\(name).mustache"))
        let (set, diagnostics) = TemplateSet.load(from: site.templates, displayRoot: "templates")
        #expect(set == nil)
        #expect(DiagnosticFormatter.format(diagnostics, as: .text)
                == "templates/\(name).mustache:1:1: error: missing template \(name).mustache: it is drawn once and put into every page that shows it\n")
    }
}
