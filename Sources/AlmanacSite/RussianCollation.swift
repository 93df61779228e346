import AlmanacCore
/// Orders titles the way a Russian reader expects: ё with е, Cyrillic before Latin,
/// case ignored. Cheap enough for ten thousand titles (no locale machinery per comparison).
package enum RussianCollation {
    package static func key(_ s: String) -> [UInt32] {
        var key: [UInt32] = []
        key.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.lowercased().unicodeScalars {
            var v = scalar.value
            if v == 0x451 { v = 0x435 }  // ё sorts as е
            if (0x430...0x44F).contains(v) { v -= 0x400 }  // Cyrillic ahead of Latin and the rest
            else if v >= 0x30 { v += 0x100 }
            key.append(v)
        }
        return key
    }

    package static func less(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        return ka.lexicographicallyPrecedes(kb) || (ka == kb && a < b)
    }
}
