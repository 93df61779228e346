import Dispatch

/// Work started on another thread now and waited for when its result is wanted: the build cache
/// writes its memos while the site is being written.
package final class Background<Value: Sendable>: Sendable {
    private let value = Locked<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            let result = work()
            value.withLock { $0 = result }
            done.signal()
        }
    }

    /// Waits for the work, once; later calls return at once.
    package var result: Value {
        if let ready = value.withLock({ $0 }) { return ready }
        done.wait()
        return value.withLock { $0! }
    }
}
