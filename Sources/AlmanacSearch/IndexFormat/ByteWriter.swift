import AlmanacCore
/// Appends the primitives of the binary index pieces (see docs/search-index.md): LEB128 varints
/// and strings in the Cyrillic code page, length first.
package struct ByteWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    package mutating func byte(_ b: UInt8) { bytes.append(b) }

    package mutating func varint<T: BinaryInteger>(_ value: T) {
        var v = UInt64(value)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    package mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Code-page bytes, their count first.
    package mutating func string(_ s: String) {
        let encoded = CodePage.encode(s)
        varint(encoded.count)
        bytes.append(contentsOf: encoded)
    }

    package static func varintSize(_ value: UInt64) -> Int {
        var v = value, n = 1
        while v >= 0x80 { v >>= 7; n += 1 }
        return n
    }
}
