/// `robots.txt` always, and `sitemap.xml` when the site has a base URL (a sitemap lists
/// absolute addresses, which a site opened from disk does not have).
struct Sitemap {
    let pages: [Page]
    let linker: Linker

    func files() -> [OutputFile] {
        var robots = "User-agent: *\nAllow: /\n"
        var files: [OutputFile] = []
        if let base = linker.baseURL {
            robots += "Sitemap: \(base)sitemap.xml\n"
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for page in pages {
                if case .notFound = page.kind { continue }
                xml += "  <url><loc>\(Self.escape(base + page.path))</loc></url>\n"
            }
            xml += "</urlset>\n"
            files.append(OutputFile(path: "sitemap.xml", contents: .bytes(Array(xml.utf8))))
        }
        files.append(OutputFile(path: "robots.txt", contents: .bytes(Array(robots.utf8))))
        return files
    }

    static func escape(_ text: String) -> String {
        text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }
}
