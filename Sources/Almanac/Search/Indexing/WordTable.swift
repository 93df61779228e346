/// Gives each distinct folded word a dense id, straight from the tokenizer's bytes: a 10,000-page
/// site has millions of words but only tens of thousands of distinct ones, and building a String
/// and hashing it per word would cost more than all the rest of indexing.
struct WordTable {
    private var slots: [Int32]
    private var mask: Int
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var hashes: [UInt64] = []

    init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        starts = [0]
    }

    var count: Int { hashes.count }

    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        // FNV-1a: short keys, no need for more.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[i]
            if id < 0 { break }
            if hashes[Int(id)] == h && equals(Int(id), word) { return id }
            i = (i + 1) & mask
        }
        let id = Int32(hashes.count)
        slots[i] = id
        hashes.append(h)
        arena.append(contentsOf: word)
        starts.append(Int32(arena.count))
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    func word(_ id: Int) -> String {
        String(decoding: arena[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self)
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id]), end = Int(starts[id + 1])
        guard end - start == word.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            for k in 0..<word.count where a[start + k] != word[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (id, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}
