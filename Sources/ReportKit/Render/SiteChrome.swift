import Mustache

/// The site's header (title and main menu) and footer, rendered once per build for each way a
/// page can see them, and inserted into every page unescaped (`{{{site_header}}}`).
///
/// They differ between pages only in the relative prefix of their links and in which menu
/// item is the current page, so a site of any size needs a handful of renders where it used to
/// look up some forty names on every page. Their markup stays in templates a designer edits:
/// `partials/site-header.mustache` and `partials/site-footer.mustache`, which see only the
/// names given here.
struct SiteChrome {
    /// The main menu: label and site path.
    static let menu: [(label: String, path: String)] = [
        ("Start", ""), ("Jämför nyckeltal", "jamfor/"), ("Mål", "mal/"), ("Teman", "teman/"), ("Sök", "sok/"),
    ]
    static let headerTemplate = "partials/site-header"
    static let footerTemplate = "partials/site-footer"

    private var headers: [HeaderKey: TemplateText] = [:]
    private var footers: [String: TemplateText] = [:]

    private struct HeaderKey: Hashable {
        let root: String
        /// Index in `menu` of the page's own item, if it is one.
        let current: Int?
    }

    /// Renders the header and footer every page in `pages` shows, each distinct one once.
    init(pages: [Page], siteTitle: String, footerLinks: [(label: String, path: String)], linker: Linker,
         library: MustacheLibrary) {
        for page in pages {
            let root = linker.root(from: page)
            let key = HeaderKey(root: root, current: Self.currentItem(of: page))
            if headers[key] == nil {
                let context = HeaderContext(siteTitle: siteTitle, homeHref: Self.href(root, "", linker),
                                            nav: Self.menu.enumerated().map { index, item in
                    NavItem(label: item.label, href: Self.href(root, item.path, linker), current: index == key.current)
                })
                headers[key] = TemplateText(library.render(context, withTemplate: Self.headerTemplate) ?? "")
            }
            if footers[root] == nil {
                let context = FooterContext(links: footerLinks.map { NavItem(label: $0.label, href: Self.href(root, $0.path, linker), current: false) })
                footers[root] = TemplateText(library.render(context, withTemplate: Self.footerTemplate) ?? "")
            }
        }
    }

    func header(for page: Page, linker: Linker) -> TemplateText {
        headers[HeaderKey(root: linker.root(from: page), current: Self.currentItem(of: page))] ?? TemplateText("")
    }

    func footer(for page: Page, linker: Linker) -> TemplateText {
        footers[linker.root(from: page)] ?? TemplateText("")
    }

    /// The menu item that is `page` itself; none on the 404 page, which stands for any address.
    static func currentItem(of page: Page) -> Int? {
        if case .notFound = page.kind { return nil }
        return menu.firstIndex { $0.path == page.path }
    }

    /// `Linker.href(from:to:)` for a page whose root prefix is `root`.
    private static func href(_ root: String, _ path: String, _ linker: Linker) -> String {
        let href = root + path + (linker.baseURL == nil ? "index.html" : "")
        return href.isEmpty ? "./" : href
    }

    private final class HeaderContext: MustacheParent {
        let siteTitle: TemplateText
        let homeHref: TemplateText
        let nav: [NavItem]

        init(siteTitle: String, homeHref: String, nav: [NavItem]) {
            self.siteTitle = TemplateText(siteTitle)
            self.homeHref = TemplateText(homeHref)
            self.nav = nav
        }

        func child(named name: String) -> Any? {
            switch name {
            case "site_title": siteTitle
            case "home_href": homeHref
            case "nav": nav
            default: nil
            }
        }
    }

    private final class FooterContext: MustacheParent {
        let links: [NavItem]

        init(links: [NavItem]) { self.links = links }

        func child(named name: String) -> Any? {
            name == "footer_links" ? links : nil
        }
    }

    private final class NavItem: MustacheParent {
        let label: TemplateText
        let href: TemplateText
        let current: Bool

        init(label: String, href: String, current: Bool) {
            self.label = TemplateText(label)
            self.href = TemplateText(href)
            self.current = current
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "href": href
            case "current": current
            default: nil
            }
        }
    }
}
