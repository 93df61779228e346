/// What one stage made of each input in the last build, by the hash of that input, for a build
/// that reuses its last run. `context` is the hash of everything the stage's results depend on
/// besides the input itself (the configuration, the theme's strings, the binary): when it
/// differs, nothing is reused. A memo made by a build holds only what that build used, so
/// entries of deleted pages do not pile up.
public struct StageMemo<Value: CacheCodable & Sendable>: Sendable, CacheCodable {
    public let context: ContentHash
    private var entries: [ContentHash: Value]

    public init(context: ContentHash, entries: [ContentHash: Value] = [:]) {
        self.context = context
        self.entries = entries
    }

    public var count: Int { entries.count }

    public subscript(key: ContentHash) -> Value? { entries[key] }

    public var keys: Dictionary<ContentHash, Value>.Keys { entries.keys }

    /// The entries split by the first byte of their keys into `count` memos, so that a memo can be
    /// kept in files that are rewritten only when their entries change.
    public func shards(_ count: Int) -> [StageMemo] {
        var parts = [[ContentHash: Value]](repeating: [:], count: count)
        for (key, value) in entries { parts[Int(key.bytes[0]) % count][key] = value }
        return parts.map { StageMemo(context: context, entries: $0) }
    }

    /// One memo of several made under the same context.
    public init(context: ContentHash, merging parts: [StageMemo]) {
        var entries: [ContentHash: Value] = [:]
        for part in parts where part.context == context { entries.merge(part.entries) { a, _ in a } }
        self.init(context: context, entries: entries)
    }

    /// This memo when it was made under `context`, else none.
    public func valid(for context: ContentHash) -> StageMemo? { self.context == context ? self : nil }

    public init(from reader: inout CacheReader) throws {
        context = try reader.read()
        let count = try reader.readInt()
        guard count >= 0 else { throw CacheReader.Damaged() }
        var entries: [ContentHash: Value] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count { entries[try reader.read()] = try reader.read() }
        self.entries = entries
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(context)
        writer.write(entries.count)
        // Sorted, so that the same build writes the same bytes.
        for key in entries.keys.sorted() {
            writer.write(key)
            writer.write(entries[key]!)
        }
    }
}
