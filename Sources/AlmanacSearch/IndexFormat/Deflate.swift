import CDeflate
import AlmanacCore

/// zlib-wrapped DEFLATE (RFC 1950), the format browsers and Node inflate with the built-in
/// `DecompressionStream("deflate")`, so the runtime needs no decompressor of its own. Written with
/// libdeflate: on page text its level 1 is 2.3× faster than zlib's level 1 and compresses as well
/// as zlib's level 6 (measured on the 10,000-page benchmark corpus), and compressing fragments
/// is the largest part of indexing time.
package enum Deflate {
    /// Holds libdeflate's compressor state; not Sendable, so one per worker.
    package final class Compressor {
        private let compressor: OpaquePointer
        private var output: [UInt8] = []

        package init(level: Int32 = 1) {
            guard let c = libdeflate_alloc_compressor(level) else { fatalError("libdeflate_alloc_compressor failed") }
            compressor = c
        }

        deinit { libdeflate_free_compressor(compressor) }

        package func compress(_ input: [UInt8]) -> [UInt8] {
            let bound = libdeflate_zlib_compress_bound(compressor, input.count)
            if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
            let size = input.withUnsafeBytes { src in
                output.withUnsafeMutableBytes { dst in
                    libdeflate_zlib_compress(compressor, src.baseAddress, src.count, dst.baseAddress, dst.count)
                }
            }
            precondition(size > 0, "libdeflate_zlib_compress: output bound too small")
            return Array(output[0..<size])
        }
    }

    /// For tests: inflate a piece back.
    package static func decompress(_ input: [UInt8], expectedSize: Int) -> [UInt8]? {
        guard let d = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(d) }
        var out = [UInt8](repeating: 0, count: max(expectedSize, 1))
        var actual = 0
        let status = input.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                libdeflate_zlib_decompress(d, src.baseAddress, src.count, dst.baseAddress, dst.count, &actual)
            }
        }
        guard status == LIBDEFLATE_SUCCESS else { return nil }
        return Array(out[0..<actual])
    }
}
