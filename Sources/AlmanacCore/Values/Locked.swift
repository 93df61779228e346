import Foundation

/// State that many threads read and write at once — the sidebars rendered on first use, the links
/// pages record as the writer renders them — behind a pthread mutex.
///
/// Not Synchronization's `Mutex`: when threads contend, its waiting is a bare futex that
/// ThreadSanitizer does not see order anything, so `make sanitize` reported a race on every access
/// made under it (seven, in the build cache's tests); a pthread mutex it intercepts. `@unchecked`:
/// `value` is private and only ever touched inside `withLock`. The preview server's few `Mutex`es
/// stay: they hold values that are not `Sendable` (tasks, threads), are seldom contended, and the
/// sanitizer runs over the server tests report nothing on them.
package final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    package init(_ value: Value) {
        self.value = value
    }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
