import AlmanacCore

/// A page's paragraphs long enough to be compared, as stable hashes of their folded text with the
/// lines they start on: what `RepeatedParagraphs` keeps of a page between builds.
public struct ParagraphHashes: Sendable, CacheCodable {
    public var entries: [(hash: UInt64, line: Int)]

    init(_ entries: [(hash: UInt64, line: Int)]) { self.entries = entries }

    /// The first eight bytes of SHA-256: the same in every process (`Hasher` is not). Equal
    /// hashes are still confirmed on the text before a paragraph is reported.
    static func stable(_ bytes: [UInt8]) -> UInt64 {
        ContentHash(of: bytes).bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    public init(from reader: inout CacheReader) throws {
        let count = try reader.readInt()
        guard count >= 0 else { throw CacheReader.Damaged() }
        var entries: [(hash: UInt64, line: Int)] = []
        entries.reserveCapacity(count)
        for _ in 0..<count { entries.append((try reader.readUInt64(), try reader.readInt())) }
        self.entries = entries
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(entries.count)
        for entry in entries {
            writer.write(entry.hash)
            writer.write(entry.line)
        }
    }
}
