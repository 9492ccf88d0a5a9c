import Testing
@testable import ReportKit

/// The shortcut for links that climb to the site root must resolve like the general rule.
@Suite struct LinkResolutionTests {
    static let pages = ["index.html", "404.html", "a/index.html", "a/b/index.html", "a/b/c/index.html"]
    static let links = [
        "", "#x", "index.html", "./", ".", "..", "../", "../../", "../../../", "../../../../",
        "../index.html", "../../index.html#top", "../../jamfor/nettokostnad/index.html#figur-1",
        "../../a/b/", "../../a//b/", "../../a/./b/", "../../a/../b/", "../../a/b/.", "../../a/b/..",
        "../../assets/style.css", "b/c.html", "./b/", "../.././x", "..//x", "../..", "x/", "x",
        "../../ä/ö.html", "../../a/b/#", "https://example.org/", "//cdn/x", "/abs/x",
    ]

    @Test(arguments: pages)
    func shortcutAgreesWithGeneralResolution(page: String) {
        let directory = LinkChecker.directory(of: page)
        for link in Self.links {
            let expected = Self.general(link, from: page)
            let actual = LinkChecker.resolve(link, from: page, directory: directory, sitePath: "/")
            #expect(actual?.path == expected?.path && actual?.anchor == expected?.anchor, "\(page) → \(link)")
        }
    }

    /// The rule written out plainly: the page's folders, then the link's parts, `.` and `..` applied.
    static func general(_ link: String, from page: String) -> (path: String, anchor: String?)? {
        var target = link[...]
        var anchor: Substring?
        if let hash = target.firstIndex(of: "#") {
            anchor = target[target.index(after: hash)...]
            target = target[..<hash]
        }
        if target.contains(":") || target.hasPrefix("//") { return nil }
        if target.hasPrefix("/") {
            let parts = target.dropFirst().split(separator: "/")
            return finish(parts, target: target, anchor: anchor)
        }
        if target.isEmpty { return (page, anchor.map(String.init)) }
        let parts = page.split(separator: "/").dropLast() + target.split(separator: "/")
        return finish(Array(parts), target: target, anchor: anchor)
    }

    static func finish(_ parts: [Substring], target: Substring, anchor: Substring?) -> (path: String, anchor: String?) {
        var resolved: [Substring] = []
        for part in parts {
            switch part {
            case ".": continue
            case "..": if !resolved.isEmpty { resolved.removeLast() }
            default: resolved.append(part)
            }
        }
        var path = resolved.joined(separator: "/")
        if target.hasSuffix("/") || target.hasSuffix("/.") || target == "." || path.isEmpty {
            path += path.isEmpty ? "index.html" : "/index.html"
        }
        return (path, anchor.flatMap { $0.isEmpty ? nil : String($0) })
    }
}
