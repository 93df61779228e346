import Foundation

/// Values written into the build cache: varint integers, UTF-8 strings with their length, and
/// whatever conforms to `CacheCodable`. A format of our own, because the cache of a 10,000-page
/// site is read at the start of every build and Codable's keyed containers cost more than the
/// work the cache saves (see `Benchmarks/README.md`).
public struct CacheWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func write(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func write(_ value: Int) {
        // Zigzag, so that small negative numbers (a missing line is -1) stay one byte.
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1)))))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: Double) { write(value.bitPattern) }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(raw: some Collection<UInt8>) {
        write(UInt64(raw.count))
        bytes.append(contentsOf: raw)
    }

    public mutating func write<T: CacheCodable>(_ value: T) { value.write(to: &self) }

    public mutating func write<T: CacheCodable>(_ value: T?) {
        write(value != nil)
        if let value { value.write(to: &self) }
    }

    /// Exactly as the string it holds would be written.
    public mutating func write(_ value: StoredText) {
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write<T: CacheCodable>(_ values: [T]) {
        write(UInt64(values.count))
        for value in values { value.write(to: &self) }
    }

    public mutating func write(_ values: [String]) {
        write(UInt64(values.count))
        for value in values { write(value) }
    }

    public mutating func write(_ values: [String: String]) {
        write(UInt64(values.count))
        for key in values.keys.sorted() {
            write(key)
            write(values[key]!)
        }
    }
}

/// A value the build cache can hold. Each type writes its fields in a fixed order and reads them
/// back in the same order; the cache's format version (`BuildCache.formatVersion`) changes with any of them.
public protocol CacheCodable {
    init(from reader: inout CacheReader) throws
    func write(to writer: inout CacheWriter)
}
