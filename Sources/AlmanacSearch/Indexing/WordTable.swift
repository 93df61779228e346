import Foundation
import AlmanacCore

/// Gives each distinct folded word a dense id, straight from the tokenizer's bytes: a 10,000-page
/// site has millions of words but only tens of thousands of distinct ones, and building a String
/// and hashing it per word would cost more than all the rest of indexing.
package struct WordTable {
    private var slots: [Int32]
    private var mask: Int
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var hashes: [UInt64] = []

    package init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        starts = [0]
    }

    package var count: Int { hashes.count }

    package mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(word)
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

    /// Eight bytes at a time, multiply and fold: a word costs two or three steps, not one per byte.
    @inline(__always)
    package static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(word.count)
        guard let base = word.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= word.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < word.count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    package func word(_ id: Int) -> String {
        String(decoding: arena[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self)
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id]), end = Int(starts[id + 1])
        guard end - start == word.count else { return false }
        return arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + start, word.baseAddress!, word.count) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (id, h) in hashes.enumerated() {
            // Same hash as `intern`, so rehashing needs no bytes.
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}
