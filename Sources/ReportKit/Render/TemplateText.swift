import Mustache

/// A text value as the templates receive it.
///
/// swift-mustache decides what a value is by dynamic casts to its protocols, each a runtime
/// conformance lookup (about 80 ns); profiling a 10 000-page build found these casts, and
/// the `Mirror` it falls back on, at about a fifth of all CPU time. A plain `String` costs
/// two more lookups to render (`Optional` unwrapping and `String(describing:)`) than a value
/// that says it is renderable, and when a section such as `{{#href}}` pushes it on the
/// context stack, every name looked up inside reflects on it with `Mirror` before moving
/// on. This type renders the same text, answers "no such child" at once, and offers the
/// same transforms (`{{#empty(label)}}`) as a String.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let text: String

    var renderText: String { text }
    /// A present text is a value even when empty, as a String is to Mustache.
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}
