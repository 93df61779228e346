import CZlib

/// zlib-wrapped DEFLATE (RFC 1950), the format browsers and Node inflate with the built-in
/// `DecompressionStream("deflate")`, so the runtime needs no decompressor of its own.
enum Deflate {
    /// Level 6 is zlib's default; the pieces are small, so higher levels gain little and cost time.
    static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var size = compressBound(uLong(input.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &size, src.baseAddress, uLong(input.count), level)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed with \(status)")
        out.removeSubrange(Int(size)...)
        return out
    }

    /// For tests: inflate a piece back.
    static func decompress(_ input: [UInt8], expectedSize: Int) -> [UInt8]? {
        var size = uLong(max(expectedSize, 1))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                uncompress(dst.baseAddress, &size, src.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK else { return nil }
        out.removeSubrange(Int(size)...)
        return out
    }
}
