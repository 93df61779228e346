import Foundation
@testable import Almanac

/// Reads a built index back, the way the runtime does, so tests can check what the files say
/// rather than how the indexer got there.
struct IndexReader {
    struct Posting: Equatable {
        var doc: Int
        var impact: Int
        var mask: UInt32
    }

    let files: [String: Data]
    let meta: [String: Any]

    init(_ output: [OutputFile]) {
        var files: [String: Data] = [:]
        for f in output { if case .data(let d) = f.contents { files[f.path] = d } }
        self.files = files
        meta = (try? JSONSerialization.jsonObject(with: files["search/meta.json"] ?? Data())) as? [String: Any] ?? [:]
    }

    var compressed: Bool { meta["compression"] as? String == "deflate" }
    var shardBoundaries: [String] { meta["shards"] as? [String] ?? [] }
    var documentCount: Int { meta["documents"] as? Int ?? 0 }

    func piece(_ path: String) -> [UInt8]? {
        guard let data = files["search/" + path] else { return nil }
        return compressed ? Deflate.decompress(Array(data), expectedSize: 1 << 24) : Array(data)
    }

    /// Every shard's terms with their postings, in file order.
    func shards() -> [[(term: String, postings: [Posting])]] {
        shardBoundaries.indices.map { i in
            guard let bytes = piece("t/\(i).bin") else { return [] }
            var r = ByteReader(bytes)
            let n = r.varint()
            var entries: [(String, Int, Int)] = []
            var previous: [UInt8] = []
            for _ in 0..<n {
                let shared = r.varint()
                let suffix = r.bytes(r.varint())
                let term = Array(previous[..<shared]) + suffix
                entries.append((CodePage.decode(term), r.varint(), r.varint()))
                previous = term
            }
            var out: [(term: String, postings: [Posting])] = []
            for (term, df, length) in entries {
                var p = ByteReader(r.bytes(length))
                var doc = 0
                let docs = (0..<df).map { _ in doc += p.varint(); return doc }
                let impacts = p.bytes(df)
                let masks = (0..<df).map { _ in UInt32(p.varint()) }
                out.append((term, (0..<df).map { Posting(doc: docs[$0], impact: Int(impacts[$0]), mask: masks[$0]) }))
            }
            return out
        }
    }

    func postings(_ term: String) -> [Posting] {
        for shard in shards() { if let e = shard.first(where: { $0.term == term }) { return e.postings } }
        return []
    }

    /// The runtime's score for single-term clauses, summed: idf(df) × impact.
    func score(_ terms: [String]) -> [Int: Double] {
        var scores: [Int: Double] = [:]
        var matched: [Int: Int] = [:]
        for term in terms {
            let list = postings(term)
            let n = Double(documentCount), df = Double(list.count)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            for p in list {
                scores[p.doc, default: 0] += idf * Double(p.impact)
                matched[p.doc, default: 0] += 1
            }
        }
        return scores.filter { matched[$0.key] == terms.count }
    }
}

struct ByteReader {
    let data: [UInt8]
    var pos = 0

    init(_ data: [UInt8]) { self.data = data }

    mutating func varint() -> Int {
        var v = 0, shift = 0
        while true {
            let b = data[pos]
            pos += 1
            v |= Int(b & 0x7F) << shift
            shift += 7
            if b < 0x80 { return v }
        }
    }

    mutating func bytes(_ n: Int) -> [UInt8] {
        defer { pos += n }
        return Array(data[pos..<(pos + n)])
    }

    mutating func string() -> String { CodePage.decode(bytes(varint())) }
}
