import Crypto
import Foundation

/// Feeds the parts a stage's result depends on into one SHA-256. Every part is length-prefixed,
/// so that ("ab", "c") and ("a", "bc") never meet.
public struct ContentHasher {
    private var sha = SHA256()

    public init() {}

    public mutating func add(_ string: String) {
        var string = string
        string.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { add(bytes: $0) }
    }

    public mutating func add(bytes: UnsafeRawBufferPointer) {
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { sha.update(bufferPointer: $0) }
        sha.update(bufferPointer: bytes)
    }

    public mutating func add(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { sha.update(bufferPointer: $0) }
    }

    public mutating func add(_ value: Bool) { add(value ? 1 : 0) }

    public mutating func add(_ hash: ContentHash) { add(hash.bytes) }

    public func finish() -> ContentHash { ContentHash(digest: Array(sha.finalize())) }
}
