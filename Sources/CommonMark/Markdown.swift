internal import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A heading found in a Markdown document, with the `id` its rendered HTML element carries.
public struct Heading: Sendable, Equatable {
    /// 1 for `#`, 2 for `##`, …
    public let level: Int
    /// The heading's plain text (inline markup removed).
    public let text: String
    /// The unique, Swedish-aware slug written as the element's `id`.
    public let id: String
    /// 1-based line of the heading in the document that was rendered.
    public let line: Int
    public let column: Int
}

/// A link or image destination as written in the document, with its position.
public struct LinkDestination: Sendable, Equatable {
    public let url: String
    public let isImage: Bool
    /// 1-based position of the link in the document that was rendered.
    public let line: Int
    public let column: Int
}

/// A footnote marker (`[^1]` or `[^1]: …`) in the text: CommonMark, and Debian's libcmark
/// 0.30 with it, has no footnotes, so it would show as raw text.
public struct FootnoteMarker: Sendable, Equatable {
    /// `[^1]`, as written.
    public let text: String
    /// 1-based position of the marker in the document that was rendered.
    public let line: Int
    public let column: Int
}

/// The plain text between one heading and the next (or before the first), for search.
public struct Passage: Sendable, Equatable {
    /// Index in `RenderedMarkdown.headings` of the heading the text stands under; nil before
    /// the first heading.
    public let heading: Int?
    /// The text as a reader sees it, markup removed, blocks separated by a space.
    public let text: String

    public init(heading: Int?, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// What rendering a Markdown document produced: plain Swift values, no cmark state.
public struct RenderedMarkdown: Sendable, Equatable {
    public let html: String
    public let headings: [Heading]
    /// Every link and image in document order, as written (before rewriting).
    public let links: [LinkDestination]
    /// Footnote markers left as text, in document order.
    public var footnotes: [FootnoteMarker] = []
    /// The body's text, split at its headings; passages without text are left out.
    public var passages: [Passage] = []

    public init(html: String, headings: [Heading], links: [LinkDestination],
                footnotes: [FootnoteMarker] = [], passages: [Passage] = []) {
        self.html = html
        self.headings = headings
        self.links = links
        self.footnotes = footnotes
        self.passages = passages
    }
}

/// Renders CommonMark through libcmark.
///
/// Safe by construction: raw HTML is omitted (cmark's default without `CMARK_OPT_UNSAFE`),
/// and every link or image URL whose scheme is not on `URLPolicy`'s allow-list is emptied, so
/// that `javascript:`, `vbscript:` and `data:` URLs cannot reach a page. Smart punctuation is on.
public enum Markdown {
    /// Renders `source` to HTML.
    ///
    /// - Parameter rewrite: called once per link and image, in document order; returns the
    ///   destination to write instead, or `nil` to keep it. The result still passes the
    ///   URL policy.
    public static func render(
        _ source: String,
        rewrite: (LinkDestination) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        let options = CMARK_OPT_SMART
        let text = source
        var source = source
        return source.withUTF8 { bytes -> RenderedMarkdown in
            let root = bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
            guard let root else { return RenderedMarkdown(html: "", headings: [], links: []) }
            defer { cmark_node_free(root) }

            // Most documents have no `[^` at all: skip looking for footnotes in their paragraphs.
            let mayHaveFootnotes = bytes.indices.dropLast().contains { bytes[$0] == 0x5B && bytes[$0 + 1] == 0x5E }
            let walked = walk(root, footnotes: mayHaveFootnotes, rewrite: rewrite)
            let footnotes = (footnoteMarkers(onLines: walked.footnoteLines, in: text) + walked.footnoteLinks)
                .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            guard let rendered = cmark_render_html(root, options) else {
                return RenderedMarkdown(html: "", headings: walked.headings, links: walked.links,
                                        footnotes: footnotes, passages: walked.passages)
            }
            defer { free(rendered) }
            let html = addHeadingIDs(to: String(cString: rendered), headings: walked.headings)
            return RenderedMarkdown(html: html, headings: walked.headings, links: walked.links,
                                    footnotes: footnotes, passages: walked.passages)
        }
    }

    /// What one walk over the document collected.
    private struct Walked {
        let headings: [Heading]
        let links: [LinkDestination]
        let passages: [Passage]
        /// The lines of blocks whose text holds a `[^label]`, and `[^label]` links.
        let footnoteLines: [ClosedRange<Int>]
        let footnoteLinks: [FootnoteMarker]
    }

    /// Visits every node once: collects headings and the text under each, footnote markers,
    /// and rewrites and polices link destinations.
    private static func walk(
        _ root: OpaquePointer,
        footnotes: Bool,
        rewrite: (LinkDestination) -> String?
    ) -> Walked {
        var headings: [Heading] = []
        var links: [LinkDestination] = []
        var passages: [Passage] = []
        var footnoteLines: [ClosedRange<Int>] = []
        var footnoteLinks: [FootnoteMarker] = []
        var slugs = SlugRegistry()
        guard let iterator = cmark_iter_new(root) else {
            return Walked(headings: [], links: [], passages: [], footnoteLines: [], footnoteLinks: [])
        }
        defer { cmark_iter_free(iterator) }

        // The text since the last heading; a heading's own text is its passage's title.
        var text = ""
        var inHeading = false
        func endPassage() {
            let trimmed = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            if !trimmed.isEmpty { passages.append(Passage(heading: headings.isEmpty ? nil : headings.count - 1, text: trimmed)) }
            text = ""
        }

        // Links carry their own position; text and some other inlines do not, so the last
        // known position (the enclosing block's) stands in for them.
        var blockLine = 1
        var blockColumn = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_EXIT, let node = cmark_iter_get_node(iterator) {
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING { inHeading = false } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM { text += " " }
                continue
            }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            if line > 0 {
                blockLine = line
                blockColumn = Int(cmark_node_get_start_column(node))
            }
            if footnotes, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING, containsFootnoteMarker(node) {
                let end = Int(cmark_node_get_end_line(node))
                footnoteLines.append(blockLine...max(blockLine, end))
            }
            switch type {
            case CMARK_NODE_HEADING:
                endPassage()
                inHeading = true
                let title = plainText(of: node)
                headings.append(Heading(
                    level: Int(cmark_node_get_heading_level(node)),
                    text: title,
                    id: slugs.claim(Slug.make(title)),
                    line: blockLine,
                    column: blockColumn
                ))
            case CMARK_NODE_LINK where footnotes && footnoteLabel(of: node) != nil:
                // `[^1]` with a `[^1]: …` definition below is a link to CommonMark: still a footnote.
                footnoteLinks.append(FootnoteMarker(text: "[\(footnoteLabel(of: node) ?? "")]", line: blockLine, column: blockColumn))
                cmark_node_set_url(node, "")
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if !inHeading, let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if !inHeading { text += " " }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let destination = LinkDestination(
                    url: url, isImage: type == CMARK_NODE_IMAGE, line: blockLine, column: blockColumn
                )
                links.append(destination)
                let written = URLPolicy.sanitize(rewrite(destination) ?? url)
                if written != url { cmark_node_set_url(node, written) }
            default:
                break
            }
        }
        endPassage()
        return Walked(headings: headings, links: links, passages: passages,
                      footnoteLines: footnoteLines, footnoteLinks: footnoteLinks)
    }

    /// True when the text runs directly inside `node` read `[^label]`: cmark leaves an
    /// unmatched `[` as a text node of its own, so the runs are joined first. Code spans and
    /// other inlines break a run, so `` `[^1]` `` in code is no marker.
    private static func containsFootnoteMarker(_ node: OpaquePointer) -> Bool {
        var run = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            if cmark_node_get_type(current) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(current) {
                run += String(cString: literal)
            } else {
                run += "\u{0}"
            }
            child = cmark_node_next(current)
        }
        return !firstFootnoteMarker(in: run[...]).isEmpty
    }

    /// `^1` for a link whose only content is the text `^1`.
    private static func footnoteLabel(of link: OpaquePointer) -> String? {
        guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child) else { return nil }
        let text = String(cString: literal)
        return text.hasPrefix("^") && text.count > 1 ? text : nil
    }

    /// `[^label]` (label: no space, `]` or NUL) at the first place it occurs in `text`, or "".
    static func firstFootnoteMarker(in text: Substring) -> String {
        var rest = text
        while let open = rest.range(of: "[^") {
            let label = rest[open.upperBound...].prefix { $0 != "]" && $0 != " " && $0 != "\u{0}" && $0 != "\n" && $0 != "[" }
            if !label.isEmpty, rest[label.endIndex...].first == "]" { return "[^\(label)]" }
            rest = rest[open.upperBound...]
        }
        return ""
    }

    /// Each marker's position: the first `[^label]` on the block's lines of `source`.
    private static func footnoteMarkers(onLines blocks: [ClosedRange<Int>], in source: String) -> [FootnoteMarker] {
        guard !blocks.isEmpty else { return [] }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var markers: [FootnoteMarker] = []
        for block in blocks {
            for number in block where lines.indices.contains(number - 1) {
                let line = lines[number - 1]
                let marker = firstFootnoteMarker(in: line)
                guard !marker.isEmpty, let found = line.range(of: marker) else { continue }
                let column = line.unicodeScalars[..<found.lowerBound].count + 1
                markers.append(FootnoteMarker(text: marker, line: number, column: column))
                break
            }
        }
        return markers
    }

    /// The literal text below `node`, as a screen reader would read the heading.
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// Gives the n-th `<hN>` tag the n-th heading's id.
    ///
    /// In safe mode raw HTML is omitted and text is escaped, so a literal `<h1>`…`<h6>` in
    /// cmark's output can only be a heading element, and cmark writes them in document order.
    static func addHeadingIDs(to html: String, headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        // Searched on UTF-8 bytes: the generic `firstRange(of:)` over Characters was 3 % of a
        // 10 000-page build. The tags are ASCII, written by cmark itself.
        var source = html
        return source.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + headings.count * 24)
            var position = 0
            for heading in headings {
                let tag = Array("<h\(heading.level)>".utf8)
                guard let found = firstIndex(of: tag, in: bytes, from: position) else { break }
                output.append(contentsOf: bytes[position..<found])
                output.append(contentsOf: "<h\(heading.level) id=\"\(heading.id)\">".utf8)
                position = found + tag.count
            }
            output.append(contentsOf: bytes[position...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Where `pattern` first occurs in `bytes` at or after `start`.
    private static func firstIndex(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}
