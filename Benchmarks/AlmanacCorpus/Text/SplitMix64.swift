/// The corpus's only source of randomness. SplitMix64 is tiny, fast and, unlike
/// `SystemRandomNumberGenerator`, gives the same stream on every machine for a seed.
/// Everything derived from it uses integer arithmetic only, so no libm difference can leak in.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for one purpose of one item (page 42's body, page 42's plan…),
    /// so pages can be generated in any order, or in parallel, with the same result.
    init(seed: UInt64, item: Int, purpose: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: item) &* 0xD1B5_4A32_D192_ED03) ^ (purpose << 56))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (n < 2³²), by multiplying rather than `%`, so small n have no bias worth noting.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0 && n <= Int(UInt32.max))
        return Int(((next() >> 32) &* UInt64(n)) >> 32)
    }

    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with the given chance in percent.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Draws indices with fixed integer weights; `zipf` gives rank r a weight of about 1/(r + 2.7),
/// the shape of word frequencies in real text.
struct WeightedTable: Sendable {
    private let cumulative: [UInt64]

    init(weights: [UInt64]) {
        var sum: UInt64 = 0
        cumulative = weights.map { sum += max($0, 1); return sum }
    }

    static func zipf(count: Int) -> WeightedTable {
        WeightedTable(weights: (0..<count).map { 100_000_000 / UInt64($0 * 10 + 27) })
    }

    var count: Int { cumulative.count }

    func draw(_ rng: inout SplitMix64) -> Int {
        let total = cumulative[cumulative.count - 1]
        let r = UInt64(truncatingIfNeeded: rng.next()) % total
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > r { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
