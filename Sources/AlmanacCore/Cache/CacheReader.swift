import Foundation

/// Reads what `CacheWriter` wrote. A cache file that ends early or holds nonsense throws
/// `CacheReader.Damaged`, and the build starts from nothing instead of trusting it.
public struct CacheReader {
    public struct Damaged: Error, Sendable {
        public init() {}
    }

    private let bytes: [UInt8]
    private var offset: Int

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset >= bytes.count }

    public mutating func readUInt64() throws -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func readInt() throws -> Int {
        let raw = try readUInt64()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    public mutating func readBool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] < 2 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    public mutating func readDouble() throws -> Double { Double(bitPattern: try readUInt64()) }

    private mutating func readLength() throws -> Int {
        let count = try readUInt64()
        guard count <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(count)
    }

    public mutating func readString() throws -> String {
        let count = try readLength()
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
        }
    }

    /// A string as `readString` would read it, left as bytes until asked for (`StoredText`).
    public mutating func readStoredText() throws -> StoredText {
        let count = try readLength()
        defer { offset += count }
        return StoredText(utf8: bytes[offset..<offset + count])
    }

    public mutating func readRaw() throws -> [UInt8] {
        let count = try readLength()
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func read<T: CacheCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }

    public mutating func readOptional<T: CacheCodable>(_: T.Type = T.self) throws -> T? {
        try readBool() ? try T(from: &self) : nil
    }

    public mutating func readOptionalString() throws -> String? { try readBool() ? try readString() : nil }

    public mutating func readOptionalInt() throws -> Int? { try readBool() ? try readInt() : nil }

    public mutating func readArray<T: CacheCodable>(_: T.Type = T.self) throws -> [T] {
        let count = try readLength()  // every element takes at least a byte
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    public mutating func readStrings() throws -> [String] {
        let count = try readLength()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readString()) }
        return values
    }

    public mutating func readStringMap() throws -> [String: String] {
        let count = try readLength()
        var values: [String: String] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count { values[try readString()] = try readString() }
        return values
    }
}
