import Synchronization

/// How far a running build has come, for a progress line: the stage, and how many of its
/// items (files decoded, pages rendered, files written) are done. Stages update it from any
/// thread; a reader polls it.
public final class BuildProgress: Sendable {
    private let stageName = Mutex("")
    private let doneCount = Atomic<Int>(0)
    private let totalCount = Atomic<Int>(0)

    public init() {}

    public var stage: String { stageName.withLock { $0 } }
    public var done: Int { doneCount.load(ordering: .relaxed) }
    public var total: Int { totalCount.load(ordering: .relaxed) }

    func begin(_ stage: String, total: Int) {
        stageName.withLock { $0 = stage }
        doneCount.store(0, ordering: .relaxed)
        totalCount.store(total, ordering: .relaxed)
    }

    func advance(by count: Int = 1) {
        doneCount.add(count, ordering: .relaxed)
    }
}
