import AlmanacCore
extension String {
    /// Encodes the stemmers' UTF-16 working buffer back into a String.
    ///
    /// Done by hand because `String(decoding:as: UTF16.self)` goes through the standard library's
    /// generic transcoder, which cost more than stemming itself. A lone surrogate cannot occur
    /// (stemmers cut only before ASCII or Cyrillic letters) but would become U+FFFD, as there.
    package init(utf16Units units: ArraySlice<UInt16>) {
        // Three UTF-8 bytes per unit at most: a surrogate pair is two units and four bytes.
        self.init(unsafeUninitializedCapacity: units.count * 3) { utf8 in
            var count = 0
            func put(_ byte: UInt32) {
                utf8[count] = UInt8(truncatingIfNeeded: byte)
                count += 1
            }
            var index = units.startIndex
            while index < units.endIndex {
                var scalar = UInt32(units[index])
                index += 1
                if scalar & 0xF800 == 0xD800 {
                    if scalar < 0xDC00, index < units.endIndex, units[index] & 0xFC00 == 0xDC00 {
                        scalar = 0x10000 + (scalar - 0xD800) << 10 + (UInt32(units[index]) - 0xDC00)
                        index += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                switch scalar {
                case ..<0x80:
                    put(scalar)
                case ..<0x800:
                    put(0xC0 | scalar >> 6)
                    put(0x80 | scalar & 0x3F)
                case ..<0x10000:
                    put(0xE0 | scalar >> 12)
                    put(0x80 | scalar >> 6 & 0x3F)
                    put(0x80 | scalar & 0x3F)
                default:
                    put(0xF0 | scalar >> 18)
                    put(0x80 | scalar >> 12 & 0x3F)
                    put(0x80 | scalar >> 6 & 0x3F)
                    put(0x80 | scalar & 0x3F)
                }
            }
            return count
        }
    }
}
