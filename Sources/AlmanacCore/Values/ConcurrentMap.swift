import Foundation

extension Array where Element: Sendable {
    /// Maps on every core, keeping the order. For per-page work (read, parse, render).
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        // Deinitialise before freeing: the buffer holds the results' references, and without it
        // every rendered page of every rebuild stayed allocated (found by LeakSanitizer).
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        let box = UnsafeSendable(results)
        // Chunks keep scheduling overhead low for thousands of small pages.
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { input in
            let inputBox = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                for i in start..<Swift.min(start + chunk, inputBox.value.count) {
                    box.value[i] = transform(inputBox.value[i])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Hands a buffer to concurrent workers that each write disjoint indices.
/// Unchecked on purpose: raw buffer pointers are never `Sendable`, and disjoint writes are beyond the compiler.
package struct UnsafeSendable<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
