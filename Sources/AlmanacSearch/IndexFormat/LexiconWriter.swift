import AlmanacCore
/// Term lists without postings, one per first character: what the runtime searches for typo
/// corrections (edit distance 1) when a word matches nothing. A misspelt word usually keeps its
/// first letter, and the lexicon of one letter is a few kilobytes where its shards are hundreds.
package struct LexiconWriter {
    package let terms: [String]
    package let postings: PostingLists

    /// First character → term indices, characters in the order of the terms.
    package func groups() -> [(key: String, range: Range<Int>)] {
        var out: [(key: String, range: Range<Int>)] = []
        var start = 0
        for t in 0..<terms.count where t + 1 == terms.count || Self.firstScalar(terms[t + 1]) != Self.firstScalar(terms[t]) {
            out.append((key: Self.key(for: terms[t]), range: start..<(t + 1)))
            start = t + 1
        }
        return out
    }

    /// A file-name-safe key: the first character's code point in hex.
    package static func key(for term: String) -> String {
        String(firstScalar(term), radix: 16)
    }

    package static func firstScalar(_ term: String) -> UInt32 { term.unicodeScalars.first?.value ?? 0 }

    package func encode(_ range: Range<Int>) -> [UInt8] {
        var w = ByteWriter(capacity: range.count * 6)
        w.varint(range.count)
        var previous: [UInt8] = []
        for t in range {
            let bytes = CodePage.encode(terms[t])
            TermShardWriter.writeTerm(bytes, after: previous, documentFrequency: postings.documentFrequency(t), into: &w)
            previous = bytes
        }
        return w.bytes
    }
}
