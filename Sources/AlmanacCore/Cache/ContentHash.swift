import Crypto
import Foundation

/// SHA-256 of what a stage's result depends on: a cached result is reused only while the hash of
/// its inputs is the same. Hashes are combined by feeding one into the next (`Hasher` is seeded
/// anew in every process, so it cannot key anything kept on disk).
public struct ContentHash: Hashable, Sendable, Comparable, CustomStringConvertible, CacheCodable {
    public let bytes: [UInt8]

    init(digest: [UInt8]) { bytes = digest }

    public init(of data: some DataProtocol) {
        bytes = Array(SHA256.hash(data: data))
    }

    public init(of string: String) {
        var string = string
        bytes = string.withUTF8 { Array(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// One hash for several parts, each length-prefixed so that ("ab", "c") differs from ("a", "bc").
    public init(combining parts: [String]) {
        var hasher = ContentHasher()
        for part in parts { hasher.add(part) }
        self = hasher.finish()
    }

    public init(combining hashes: [ContentHash]) {
        var hasher = ContentHasher()
        for hash in hashes { hasher.add(hash) }
        self = hasher.finish()
    }

    public init(from reader: inout CacheReader) throws {
        bytes = try reader.readRaw()
        guard bytes.count == 32 else { throw CacheReader.Damaged() }
    }

    public func write(to writer: inout CacheWriter) { writer.write(raw: bytes) }

    public var description: String { bytes.map { String(format: "%02x", $0) }.joined() }

    public static func < (a: ContentHash, b: ContentHash) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}
