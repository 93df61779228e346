import AlmanacCore
/// A page's counts per term (several words share a stem: «кризис», «кризиса», «кризисе»),
/// and the length of each field in indexed words, for BM25F's length normalisation.
package struct DocumentTerms: Sendable {
    package var terms: [Int32] = []
    /// `SearchField.count` counts per term.
    package var tf: [UInt16] = []
    package var lengths = [Int32](repeating: 0, count: SearchField.count)

    /// Folds the word counts of one scanned chunk into term counts, page by page.
    package static func make(_ chunk: ScannedChunk, starts: [Int32], ids: [Int32], termCount: Int) -> [DocumentTerms] {
        var entryOf = [Int32](repeating: -1, count: termCount)
        return chunk.documents.map { doc in
            var out = DocumentTerms()
            out.terms.reserveCapacity(doc.words.count)
            for (e, word) in doc.words.enumerated() {
                let from = Int(starts[Int(word)]), to = Int(starts[Int(word) + 1])
                let base = e * SearchField.count
                if from < to {
                    for f in 0..<SearchField.count { out.lengths[f] += Int32(doc.tf[base + f]) }
                }
                for k in from..<to {
                    let term = Int(ids[k])
                    var entry = Int(entryOf[term])
                    if entry < 0 {
                        entry = out.terms.count
                        entryOf[term] = Int32(entry)
                        out.terms.append(Int32(term))
                        out.tf.append(contentsOf: repeatElement(0, count: SearchField.count))
                    }
                    for f in 0..<SearchField.count {
                        let sum = Int(out.tf[entry * SearchField.count + f]) + Int(doc.tf[base + f])
                        out.tf[entry * SearchField.count + f] = UInt16(min(sum, Int(UInt16.max)))
                    }
                }
            }
            for t in out.terms { entryOf[Int(t)] = -1 }
            return out
        }
    }
}
