import Foundation
import Testing
@testable import ReportKit

/// The output folder always holds one whole build, and only ever a build.
@Suite struct WriteTests {
    @Test func failingBuildLeavesPublicByteIdentical() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = TestSite.snapshot(site.output)
        try site.write("content/teman/ekonomi.md", "---\ntitle: [oavslutad\n---\n")
        let result = site.build()
        #expect(!result.succeeded)
        #expect(TestSite.snapshot(site.output) == before)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let first = TestSite.snapshot(site.output)
        #expect(site.build().succeeded)
        #expect(TestSite.snapshot(site.output) == first)
        #expect(first.count > 10)
    }

    @Test func parallelAndSingleThreadedBuildsAreByteIdentical() throws {
        let site = try TestSite()
        defer { site.remove() }
        let single = site.root.appendingPathComponent("single")
        #expect(site.build(parallel: false, output: single).succeeded)
        #expect(site.build(parallel: true).succeeded)
        #expect(TestSite.snapshot(single) == TestSite.snapshot(site.output))
    }

    @Test func successfulBuildReplacesTheWholeSite() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("teman/ekonomi.md"))
        try site.write("content/testby-2022/ekonomi.md", try String(contentsOf: site.content.appendingPathComponent("testby-2022/ekonomi.md"), encoding: .utf8)
            .replacingOccurrences(of: "themes: [ekonomi]\n", with: "").replacingOccurrences(of: "    theme: ekonomi\n", with: "    theme: ekonomi\n"))
        try site.write("content/teman/ekonomi.md", "---\ntitle: Pengar\ndescription: Ny titel.\n---\nNy text.\n")
        #expect(site.build().succeeded)
        #expect(try site.read("teman/ekonomi/index.html").contains("Pengar"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(SiteWriter.markerName).path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") }
        #expect(leftovers == [])
    }

    @Test func refusesAFolderThatIsNotABuild() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("public/viktigt.txt", "inte en webbplats")
        let result = site.build()
        #expect(result.lines == ["public:1:1: error: refusing to replace \(site.output.path): it is not empty and was not written by arsrapport (no .arsrapport-build file); empty it or choose another folder"])
        #expect(try String(contentsOf: site.output.appendingPathComponent("viktigt.txt"), encoding: .utf8) == "inte en webbplats")
    }

    @Test(arguments: ["content", "templates", "content/testby-2022", ".", "/"])
    func refusesSourceFoldersAndTheirAncestors(output: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        let target = output.hasPrefix("/") ? URL(fileURLWithPath: output) : site.root.appendingPathComponent(output)
        let before = TestSite.snapshot(site.content)
        let result = SiteBuilder.build(BuildOptions(content: site.content, templates: site.templates, output: target,
                                                    displayRoot: site.root))
        #expect(!result.succeeded)
        #expect(result.errors.first?.contains("refusing to write the site into") == true)
        #expect(TestSite.snapshot(site.content) == before)
    }

    @Test func refusesTheHomeFolder() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(content: site.content, templates: site.templates,
                                                    output: FileManager.default.homeDirectoryForCurrentUser))
        #expect(result.errors.first?.contains("it would replace your home folder") == true)
    }

    @Test func checkWritesNothing() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build(write: false).succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func sitemapAndRobotsWithABaseURL() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.build(baseURL: "https://intranet.example/arsrapporter").succeeded)
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://intranet.example/arsrapporter/testby-2022/ekonomi/</loc>"))
        #expect(sitemap.contains("<loc>https://intranet.example/arsrapporter/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(try site.read("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://intranet.example/arsrapporter/sitemap.xml\n")
        let page = try site.read("testby-2022/ekonomi/index.html")
        #expect(page.contains(#"<link rel="canonical" href="https://intranet.example/arsrapporter/testby-2022/ekonomi/">"#))
        #expect(page.contains(#"<meta name="description" content="Ekonomi i Socialnämndens årsredovisning 2022, Testby kommun.">"#))
    }
}
