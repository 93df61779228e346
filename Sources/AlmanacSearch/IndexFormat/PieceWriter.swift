import Foundation
import AlmanacCore

/// Turns encoded pieces into the files under search/: compressed `.bin` for fetch, and for an
/// offline build also a `.js` twin that hands the same bytes (base64) to `Almanac.searchData`,
/// because browsers refuse fetch() of file:// URLs but run scripts from there.
package struct PieceWriter: Sendable {
    package static let directory = "search/"

    package var compress: Bool
    package var offline: Bool

    /// One piece as the indexer hands it over: encoded, or already compressed (from a memo).
    package struct Piece: Sendable {
        package var path: String
        package var bytes: [UInt8]
        package var isCompressed = false
        /// What the memo keeps the compressed bytes under; nil for a piece it does not keep.
        package var key: ContentHash? = nil
    }

    /// Encodes and compresses on every core, a compressor per batch of pieces; keeps the order of
    /// the pieces. A piece is made, compressed and dropped in one go, so the uncompressed index
    /// (the page fragments hold every page's text) never exists at once. Also returns the
    /// compressed bytes of the pieces that have a key, for the memo.
    package func files(count: Int, piece: @Sendable (Int) -> Piece)
        -> (files: [OutputFile], build: String, compressed: [(key: ContentHash, bytes: [UInt8])])
    {
        let compress = self.compress, offline = self.offline
        let batch = 256
        let batches = stride(from: 0, to: count, by: batch).map { $0..<min($0 + batch, count) }
        typealias Encoded = (file: OutputFile, script: OutputFile?, hashes: (UInt64, UInt64), key: ContentHash?, bytes: [UInt8])
        let encoded = batches.concurrentMap { range -> [Encoded] in
            var compressor: Deflate.Compressor?
            return range.map { i in
                let piece = piece(i)
                var bytes = piece.bytes
                if compress && !piece.isCompressed {
                    if compressor == nil { compressor = Deflate.Compressor() }
                    bytes = compressor!.compress(piece.bytes)
                }
                let script = offline ? Self.script(path: piece.path, payload: "\"" + Data(bytes).base64EncodedString() + "\"") : nil
                let hashes = (BuildHash.pieceHash(Array(piece.path.utf8)), BuildHash.pieceHash(bytes))
                return (OutputFile(path: Self.directory + piece.path, data: Data(bytes)), script, hashes,
                        compress ? piece.key : nil, bytes)
            }
        }
        var files: [OutputFile] = []
        files.reserveCapacity(count * (offline ? 2 : 1))
        var compressed: [(key: ContentHash, bytes: [UInt8])] = []
        var hash = BuildHash()
        for batch in encoded {
            for (file, script, hashes, key, bytes) in batch {
                hash.chain(hashes.0)
                hash.chain(hashes.1)
                files.append(file)
                if let script { files.append(script) }
                if let key { compressed.append((key, bytes)) }
            }
        }
        return (files, hash.hex, compressed)
    }

    /// meta.json and facets.json, and offline their script twins with the JSON inline.
    package func metaFiles(_ meta: IndexMeta) -> [OutputFile] {
        var files: [OutputFile] = []
        for (name, json) in [("meta.json", meta.json()), ("facets.json", meta.facetsJSON())] {
            files.append(OutputFile(path: Self.directory + name, data: json))
            if offline { files.append(Self.script(path: name, payload: String(decoding: json, as: UTF8.self))) }
        }
        return files
    }

    /// `x/1.bin` → `search/x/1.js` calling `Almanac.searchData("x/1.bin", payload)`. No inline code,
    /// no eval: the page's Content-Security-Policy allows scripts from files only.
    package static func script(path: String, payload: String) -> OutputFile {
        let name = path.hasSuffix(".bin") ? String(path.dropLast(4)) : String(path.dropLast(5))
        return OutputFile(path: directory + name + ".js", text: "Almanac.searchData(\"\(path)\",\(payload));\n")
    }
}

/// A hash of every piece: cheap, deterministic, and only has to change when the index does.
/// Each piece is hashed like a word of the word table (eight bytes at a time), then chained.
package struct BuildHash {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A piece's own hash, which `chain` folds into the build's; computed on any core.
    package static func pieceHash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { WordTable.hash($0) }
    }

    package mutating func chain(_ piece: UInt64) {
        h = (h ^ piece) &* 0x100_0000_01b3
        h ^= h >> 31
    }

    package mutating func add(_ bytes: [UInt8]) { chain(Self.pieceHash(bytes)) }

    package mutating func add(_ s: String) { add(Array(s.utf8)) }

    package var hex: String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
