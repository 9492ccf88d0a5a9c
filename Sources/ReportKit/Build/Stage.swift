/// One step of the build, with the one rule every step follows for what a rebuild reuses:
/// a stage is a function of its input and of the memo it returned from the last build (nil
/// when there is none, or when nothing of it may be reused), and it returns its output with
/// the memo for the next build. A stage keeps nothing else from one build to the next, so
/// what a rebuild reuses is visible where the stage is called (`Pipeline`), and a build
/// without memos is a build from scratch.
protocol Stage {
    associatedtype Input
    associatedtype Output
    associatedtype Memo: Sendable
    func run(_ input: Input, reusing memo: Memo?) -> (output: Output, memo: Memo)
}

/// The memo of a stage that reuses nothing: it is quick enough to run whole every time.
struct NoMemo: Sendable {}
