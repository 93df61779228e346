/// Text that may have come from the build cache, kept there as its UTF-8 bytes until something
/// reads it as a `String`.
///
/// After a one-page edit of a 10,000-page site the build reads the HTML and search text of every
/// page from the cache, but shows and indexes only the edited page's: decoding all of it into
/// strings (UTF-8 validation and an allocation each, on 200 MB) was most of what reading the
/// cache cost. The bytes are a slice of the file as read: nothing is copied until asked for.
public struct StoredText: Sendable, Hashable {
    private enum Storage: Sendable {
        case string(String)
        case utf8(ArraySlice<UInt8>)
    }

    private var storage: Storage

    public init(_ string: String) {
        storage = .string(string)
    }

    /// Bytes `CacheWriter` wrote from a string, hence valid UTF-8 (a damaged file is repaired
    /// as `String(decoding:)` repairs, like every other string the cache holds).
    package init(utf8: ArraySlice<UInt8>) {
        storage = .utf8(utf8)
    }

    public var string: String {
        switch storage {
        case .string(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    public var isEmpty: Bool {
        switch storage {
        case .string(let text): text.isEmpty
        case .utf8(let bytes): bytes.isEmpty
        }
    }

    /// Calls `body` with the UTF-8 bytes, without making a string of stored ones.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .string(var text): return try text.withUTF8(body)
        case .utf8(let bytes): return try bytes.withUnsafeBufferPointer(body)
        }
    }

    public var utf8Count: Int { withUTF8 { $0.count } }

    public static func == (a: StoredText, b: StoredText) -> Bool {
        a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
