/// A one-byte encoding for the Russian text in index pieces: UTF-8 spends two bytes on every
/// Cyrillic letter, this spends one, which halves terms and snippet text before compression (and
/// halves the work of the compressor). Any character outside the table is written as 0xFF followed
/// by its UTF-8 bytes. normalize.js/engine.js decode the same table.
enum CodePage {
    /// Bytes 0x80–0xCF, in order; 0x00–0x7F are ASCII.
    static let table: [UInt32] = Array(0x430...0x44F) + Array(0x410...0x42F) + [
        0x451, 0x401, 0xAB, 0xBB, 0x2014, 0x2013, 0x2026, 0x201C, 0x201D, 0x201E, 0x2116, 0x2019, 0xA0, 0x2018,
        0x2022, 0xB7,
    ]
    static let escape: UInt8 = 0xFF

    private static let byteOf: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (i, v) in table.enumerated() { map[v] = UInt8(0x80 + i) }
        return map
    }()

    static func encode(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v >= 0x430 && v <= 0x44F {
                out.append(UInt8(0x80 + v - 0x430))
            } else if v >= 0x410 && v <= 0x42F {
                out.append(UInt8(0xA0 + v - 0x410))
            } else if let b = byteOf[v] {
                out.append(b)
            } else {
                out.append(escape)
                TextNormalizer.appendUTF8(v, to: &out)
            }
        }
        return out
    }

    static func decode(_ bytes: some Collection<UInt8>) -> String {
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
