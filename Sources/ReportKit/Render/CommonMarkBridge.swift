import CommonMark

/// Markdown rendering for callers outside the render stage (the fuzz entry point).
enum CommonMarkBridge {
    static func render(_ text: String) -> RenderedMarkdown {
        Markdown.render(text) { _ in nil }
    }
}
