import Dispatch

/// Runs independent work on every core. Results come back in input order, so the output
/// is the same as a one-thread run, byte for byte.
enum Parallel {
    /// `transform` applied to every item; on one thread when `parallel` is false.
    static func map<T, R>(_ items: [T], parallel: Bool = true, _ transform: (T) -> R) -> [R] {
        guard items.count > 1, parallel else { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
            results.initialize(repeating: nil)
            defer { results.deinitialize(); results.deallocate() }
            items.withUnsafeBufferPointer { input in
                let box = UncheckedBox(input: input, results: results, transform: transform)
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    box.results[index] = box.transform(box.input[index])
                }
            }
            return results.map { $0! }
        }
    }
}

/// concurrentPerform's closure is @Sendable; each index writes only its own slot.
private struct UncheckedBox<T, R>: @unchecked Sendable {
    let input: UnsafeBufferPointer<T>
    let results: UnsafeMutableBufferPointer<R?>
    let transform: (T) -> R
}
