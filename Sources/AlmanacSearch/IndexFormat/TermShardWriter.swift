import AlmanacCore
/// Splits the sorted terms into shards of about `targetBytes` and encodes them. Each shard holds a
/// contiguous range of terms with their postings, so the runtime knows from meta.json alone which
/// shard holds a word, and a prefix while typing usually falls into one shard.
package struct TermShardWriter {
    /// Raw bytes per shard before compression. Smaller shards mean fewer wasted bytes per query
    /// word, more of them mean a longer boundary list in meta.json; 16 KiB raw is about 10 KiB served.
    package static let targetBytes = 16 * 1024

    package let terms: [String]
    package let postings: PostingLists

    /// Term index ranges, one per shard, covering all terms in order.
    package func partition() -> [Range<Int>] {
        let sizes = (0..<terms.count).map { t in terms[t].utf8.count + 4 + postings.encodedSize(term: t) }
        var shards: [Range<Int>] = []
        var start = 0, bytes = 0
        for t in 0..<terms.count {
            if bytes > 0 && bytes + sizes[t] > Self.targetBytes {
                shards.append(start..<t)
                start = t
                bytes = 0
            }
            bytes += sizes[t]
        }
        if start < terms.count || shards.isEmpty { shards.append(start..<terms.count) }
        return shards
    }

    /// The shortest prefix of each shard's first term that still sorts after the previous shard's
    /// last term: what meta.json lists, so the runtime can pick a shard with a binary search.
    package func boundaries(_ shards: [Range<Int>]) -> [String] {
        shards.enumerated().map { i, range in
            guard i > 0, !range.isEmpty else { return "" }
            let first = terms[range.lowerBound], previous = terms[range.lowerBound - 1]
            var prefix = String.UnicodeScalarView()
            for s in first.unicodeScalars {
                prefix.append(s)
                if Vocabulary.utf16Less(previous, String(prefix)) { break }
            }
            return String(prefix)
        }
    }

    package func encode(_ range: Range<Int>) -> [UInt8] {
        var head = ByteWriter(), body = ByteWriter(capacity: Self.targetBytes)
        head.varint(range.count)
        var previous: [UInt8] = []
        for t in range {
            let bytes = CodePage.encode(terms[t])
            Self.writeTerm(bytes, after: previous, documentFrequency: postings.documentFrequency(t), into: &head)
            let before = body.bytes.count
            postings.encode(term: t, into: &body)
            head.varint(body.bytes.count - before)
            previous = bytes
        }
        return head.bytes + body.bytes
    }

    /// A term as the shard heads and the lexicon list it: the bytes it shares with the term before
    /// it, the rest, and how many pages hold it.
    package static func writeTerm(_ bytes: [UInt8], after previous: [UInt8], documentFrequency: Int, into w: inout ByteWriter) {
        let shared = sharedPrefix(previous, bytes)
        w.varint(shared)
        w.varint(bytes.count - shared)
        w.raw(Array(bytes[shared...]))
        w.varint(documentFrequency)
    }

    package static func sharedPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var n = 0
        while n < a.count && n < b.count && a[n] == b[n] { n += 1 }
        return n
    }
}
