import Mustache

/// What every page's layout shows: title, links to the stylesheet and home, the header and
/// footer (rendered once per build, see `SiteChrome`), breadcrumbs, the Markdown body, its
/// table of contents and the pages that link here.
final class PageFrame: MustacheParent {
    static let lang = TemplateText("sv")

    let title: TemplateText
    let pageTitle: TemplateText
    let siteTitle: TemplateText
    let root: TemplateText
    let stylesheet: TemplateText
    let homeHref: TemplateText
    let siteHeader: TemplateText
    let siteFooter: TemplateText
    let description: TemplateText
    let breadcrumbs: TemplateItems<Crumb>?
    let canonical: TemplateText?
    let printAddress: TemplateText
    let printReport: TemplateText?
    let body: TemplateText?
    let toc: TemplateItems<TocEntry>?
    let backlinks: TemplateItems<LinkRow>?

    init(title: TemplateText, pageTitle: TemplateText, siteTitle: TemplateText, root: TemplateText,
         stylesheet: TemplateText, homeHref: TemplateText, siteHeader: TemplateText, siteFooter: TemplateText,
         description: TemplateText, breadcrumbs: TemplateItems<Crumb>?, canonical: TemplateText?,
         printAddress: TemplateText, printReport: TemplateText?, body: TemplateText?,
         toc: TemplateItems<TocEntry>?, backlinks: TemplateItems<LinkRow>?) {
        self.title = title
        self.pageTitle = pageTitle
        self.siteTitle = siteTitle
        self.root = root
        self.stylesheet = stylesheet
        self.homeHref = homeHref
        self.siteHeader = siteHeader
        self.siteFooter = siteFooter
        self.description = description
        self.breadcrumbs = breadcrumbs
        self.canonical = canonical
        self.printAddress = printAddress
        self.printReport = printReport
        self.body = body
        self.toc = toc
        self.backlinks = backlinks
    }

    func child(named name: String) -> Any? {
        switch name {
        case "lang": Self.lang
        case "title": title
        case "page_title": pageTitle
        case "site_title": siteTitle
        case "root": root
        case "stylesheet": stylesheet
        case "home_href": homeHref
        case "site_header": siteHeader
        case "site_footer": siteFooter
        case "description": description
        case "breadcrumbs": breadcrumbs
        case "canonical": canonical
        case "print_address": printAddress
        case "print_report": printReport
        case "body": body
        case "toc": toc
        case "backlinks": backlinks
        default: nil
        }
    }

    /// One step of the breadcrumb trail: a link, or the current page.
    final class Crumb: MustacheParent {
        let label: TemplateText
        let href: TemplateText?

        init(label: String, href: String?) {
            self.label = TemplateText(label)
            self.href = href.map { TemplateText($0) }
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "href": href
            case "current": href == nil ? true : nil
            default: nil
            }
        }
    }

    /// A heading of the page, or a part of it (`Nyckeltal`), in its table of contents.
    final class TocEntry: MustacheParent {
        let text: TemplateText
        let href: TemplateText
        let sub: Bool

        init(text: String, href: String, sub: Bool) {
            self.text = TemplateText(text)
            self.href = TemplateText(href)
            self.sub = sub
        }

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "href": href
            case "sub": sub
            default: nil
            }
        }
    }
}

extension ContextBuilder {
    /// Everything `page`'s template shows, ready for Mustache: the frame and its kind's part.
    func context(for page: Page) -> PageContext {
        let body = bodies[page.path]
        var toc = (body?.headings ?? []).filter { $0.level <= 3 }.map {
            PageFrame.TocEntry(text: $0.text, href: "#\($0.id)", sub: $0.level == 3)
        }
        let kind = kindContext(for: page, toc: &toc)
        let printReport: TemplateText?
        switch page.kind {
        case .report(let report), .section(let report, _):
            printReport = TemplateText("\(report.index.matter.title), \(municipalityName(report))")
        default: printReport = nil
        }
        let frame = PageFrame(
            // The heading may break at a compound's joint on a phone; the window's title may not.
            title: TemplateText(CompoundBreaks.marked(page.title)),
            pageTitle: TemplateText(page.title),
            siteTitle: TemplateText(siteTitle),
            root: TemplateText(linker.root(from: page)),
            stylesheet: TemplateText(linker.href(from: page, toFile: "assets/style.css")),
            homeHref: TemplateText(linker.href(from: page, to: "")),
            siteHeader: chrome.header(for: page, linker: linker),
            siteFooter: chrome.footer(for: page, linker: linker),
            description: TemplateText(description(of: page)),
            breadcrumbs: TemplateItems.wrap(breadcrumbs(for: page)),
            canonical: isNotFound(page) ? nil : linker.absoluteURL(of: page.path).map { TemplateText($0) },
            // What a printed page says about itself: the site, the report and where the page is.
            printAddress: TemplateText(linker.absoluteURL(of: page.path) ?? "/\(page.path)"),
            printReport: printReport,
            body: body.flatMap { $0.html.isEmpty ? nil : TemplateText($0.html) },
            toc: toc.count > 1 ? TemplateItems(toc) : nil,
            backlinks: TemplateItems.wrap((backlinks[page.path] ?? []).compactMap { path in
                pagesByPath[path].map { LinkRow(title: fullTitle(of: $0), href: linker.href(from: page, to: path)) }
            }))
        return PageContext(kind: kind, frame: frame)
    }

    /// The part of `page`'s context that its kind adds to the frame; `toc` gets the entries
    /// for the parts of the page below its Markdown body.
    func kindContext(for page: Page, toc: inout [PageFrame.TocEntry]) -> any MustacheParent {
        switch page.kind {
        case .home: return home(page)
        case .report(let report): return self.report(report, page)
        case .section(let report, let section): return self.section(section, of: report, &toc, page)
        case .scale(let scale): return self.scale(scale)
        case .goals: return goals(page)
        case .goalsOfTheme(let theme): return goals(page, theme: theme.id)
        case .goalsOfMunicipality(let municipality): return goals(page, municipality: municipality.id)
        case .search: return search(page)
        case .page, .notFound: return NoKindContext()
        case .metric(let metric): return self.metric(metric, year: nil, page)
        case .metricYear(let metric, let year): return self.metric(metric, year: year, page)
        case .metricIndex: return metricIndex(page)
        case .theme(let theme): return self.theme(theme, page)
        case .themeIndex: return themeIndex(page)
        case .municipality(let municipality): return self.municipality(municipality, page)
        }
    }

    /// What the backlinks list of a page shows, for incremental rebuilds to compare.
    func backlinkSignature(of path: String) -> [String] {
        (backlinks[path] ?? []).map { "\($0) \(pagesByPath[$0].map(fullTitle(of:)) ?? "")" }
    }

    func isNotFound(_ page: Page) -> Bool {
        if case .notFound = page.kind { return true }
        return false
    }

    func description(of page: Page) -> String {
        switch page.kind {
        case .page(let document): return document.matter.description ?? siteDescription
        case .theme(let theme): return theme.matter.description
        case .metric(let metric): return metric.matter.definition
        case .metricYear(let metric, let year): return "\(metric.matter.title) i rapporterna från \(year). \(metric.matter.definition)"
        case .report(let report):
            return "\(report.index.matter.title), \(municipalityName(report)), \(NumberFormat.period(report.index.matter.period.value))."
        case .section(let report, let section):
            return "\(section.document.matter.title) i \(report.index.matter.title), \(municipalityName(report))."
        default: return siteDescription
        }
    }

    var siteDescription: String {
        content.home?.matter.description ?? "Socialnämndernas årsredovisningar och delårsrapporter jämförda sida vid sida."
    }

    /// "Ekonomi – Huddinge 2020" for lists where the bare section title would be ambiguous.
    func fullTitle(of page: Page) -> String {
        index.fullTitle(of: page)
    }

    /// The footer's links, each shown when the site has the page.
    static let footerLinks: [(label: String, path: String)] = [
        ("Tillgänglighetsredogörelse", "tillganglighet/"), ("Gemensam bedömningsskala", "bedomningsskala/"),
    ]

    func breadcrumbs(for page: Page) -> [PageFrame.Crumb] {
        var trail: [(String, String?)] = [("Start", "")]
        switch page.kind {
        case .home: return []
        case .section(let report, _):
            trail.append((reportLabel(report), "\(report.id)/"))
        case .metric: trail.append(("Jämför nyckeltal", "jamfor/"))
        case .metricYear(let metric, _):
            trail.append(("Jämför nyckeltal", "jamfor/"))
            trail.append((metric.matter.title, "jamfor/\(metric.id)/"))
        case .theme: trail.append(("Teman", "teman/"))
        case .goalsOfTheme, .goalsOfMunicipality: trail.append(("Mål", "mal/"))
        default: break
        }
        trail.append((page.title, nil))
        return trail.map { label, path in
            PageFrame.Crumb(label: label, href: path.map { linker.href(from: page, to: $0) })
        }
    }
}
