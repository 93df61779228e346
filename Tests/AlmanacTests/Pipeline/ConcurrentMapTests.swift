import Foundation
import Synchronization
import Testing
@testable import Almanac

/// `concurrentMap` keeps results in a manually allocated buffer: every result must be released
/// once the array is built, or each rebuild of the preview server keeps every page it rendered.
@Suite struct ConcurrentMapTests {
    final class Counted: Sendable {
        static let alive = Atomic<Int>(0)
        init() { Self.alive.add(1, ordering: .relaxed) }
        deinit { Self.alive.subtract(1, ordering: .relaxed) }
    }

    @Test func everyResultIsReleasedWithTheArray() {
        let before = Counted.alive.load(ordering: .relaxed)
        do {
            let results = Array(0..<500).concurrentMap { _ in Counted() }
            #expect(results.count == 500)
            #expect(Counted.alive.load(ordering: .relaxed) - before == 500)
        }
        #expect(Counted.alive.load(ordering: .relaxed) == before, "results leaked")
    }
}
