import AlmanacCore
/// A one-byte encoding for the Russian text in index pieces: UTF-8 spends two bytes on every
/// Cyrillic letter, this spends one, which halves terms and snippet text before compression (and
/// halves the work of the compressor). Any character outside the table is written as 0xFF followed
/// by its UTF-8 bytes. templates/assets/search/pieces.js decodes the same table.
package enum CodePage {
    /// Bytes 0x80–0xCF, in order; 0x00–0x7F are ASCII.
    package static let table: [UInt32] = Array(0x430...0x44F) + Array(0x410...0x42F) + [
        0x451, 0x401, 0xAB, 0xBB, 0x2014, 0x2013, 0x2026, 0x201C, 0x201D, 0x201E, 0x2116, 0x2019, 0xA0, 0x2018,
        0x2022, 0xB7,
    ]
    package static let escape: UInt8 = 0xFF

    /// Works on the UTF-8 bytes: a Cyrillic letter is two bytes in, one byte out, no decoding.
    package static func encode(_ s: String) -> [UInt8] {
        var copy = s
        return copy.withUTF8 { utf8 in
            let n = utf8.count
            // An escaped character takes one byte more than its UTF-8, and is at least two bytes long.
            return [UInt8](unsafeUninitializedCapacity: n + n / 2 + 1) { out, count in
                var i = 0, o = 0
                while i < n {
                    let b0 = utf8[i]
                    if b0 < 0x80 {
                        out[o] = b0
                        i += 1
                    } else if (b0 == 0xD0 || b0 == 0xD1) && i + 1 < n, let b = cyrillic(b0, utf8[i + 1]) {
                        out[o] = b
                        i += 2
                    } else {
                        let (scalar, length) = Tokenizer.decode(utf8, at: i)
                        if let b = byteOf(scalar.value) {
                            out[o] = b
                        } else {
                            out[o] = escape
                            for k in 0..<length { out[o + 1 + k] = utf8[i + k] }
                            o += length
                        }
                        i += length
                    }
                    o += 1
                }
                count = o
            }
        }
    }

    /// а–я, А–Я, ё, Ё straight from their two UTF-8 bytes.
    @inline(__always)
    private static func cyrillic(_ b0: UInt8, _ b1: UInt8) -> UInt8? {
        let v = (UInt32(b0 & 0x1F) << 6) | UInt32(b1 & 0x3F)
        if v >= 0x430 && v <= 0x44F { return UInt8(0x80 + v - 0x430) }
        if v >= 0x410 && v <= 0x42F { return UInt8(0xA0 + v - 0x410) }
        return v == 0x451 ? 0xC0 : v == 0x401 ? 0xC1 : nil
    }

    private static func byteOf(_ v: UInt32) -> UInt8? {
        // Only the punctuation after the 64 letters can still match here.
        guard let i = table[64...].firstIndex(of: v) else { return nil }
        return UInt8(0x80 + i)
    }

    package static func decode(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        var it = bytes.makeIterator()
        while let b = it.next() {
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
            } else if b == escape, let lead = it.next() {
                utf8 = [lead]
                let extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1
                for _ in 0..<extra { if let n = it.next() { utf8.append(n) } }
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            } else if Int(b) - 0x80 < table.count, let s = Unicode.Scalar(table[Int(b) - 0x80]) {
                scalars.append(s)
            }
        }
        return String(scalars)
    }
}
