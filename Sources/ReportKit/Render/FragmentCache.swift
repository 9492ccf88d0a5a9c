import Mustache
import Synchronization

/// Fragments that several pages show (a goal on its theme's and its municipality's goals
/// pages), each rendered once per build from its own partial and included in every page that
/// shows it as HTML (`{{{html}}}`).
///
/// A fragment's HTML depends on the page only through its relative links, so it is kept per
/// (fragment, root prefix of the page), as `SiteChrome` keeps the header. Pages are rendered
/// in parallel; a fragment two pages ask for at once is rendered by the first and waited for
/// by the second, so each key is rendered exactly once.
final class FragmentCache<Key: Hashable & Sendable>: Sendable {
    private let entries = Mutex<[Key: Entry]>([:])
    private let renderCount = Atomic<Int>(0)
    private let requestCount = Atomic<Int>(0)

    private final class Entry: Sendable {
        let html = Mutex<RenderedFragment?>(nil)
    }

    init() {}

    /// The fragment's HTML, from `render` the first time `key` is asked for.
    func fragment(_ key: Key, render: () -> String) -> RenderedFragment {
        requestCount.add(1, ordering: .relaxed)
        let entry = entries.withLock { entries in
            if let entry = entries[key] { return entry }
            let entry = Entry()
            entries[key] = entry
            return entry
        }
        return entry.html.withLock { html in
            if let html { return html }
            let made = RenderedFragment(html: render())
            renderCount.add(1, ordering: .relaxed)
            html = made
            return made
        }
    }

    /// What the cache did in one build: `renders` equals `keys` when every fragment was
    /// rendered once, and `requests` beyond it are renders saved.
    struct Counts: Sendable, Equatable {
        /// Times a fragment's `render` ran.
        let renders: Int
        /// Times a page asked for a fragment.
        let requests: Int
        /// Distinct fragments asked for.
        let keys: Int
    }

    var counts: Counts {
        Counts(renders: renderCount.load(ordering: .relaxed), requests: requestCount.load(ordering: .relaxed),
               keys: entries.withLock { $0.count })
    }
}

/// A fragment's HTML as a page's template includes it: `{{#items}}{{{html}}}{{/items}}`.
struct RenderedFragment: MustacheParent, Sendable {
    let html: TemplateText

    init(html: String) { self.html = TemplateText(html) }

    func child(named name: String) -> Any? {
        name == "html" ? html : nil
    }
}
