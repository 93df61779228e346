import AlmanacCore
/// Every distinct word of the site, analysed once: the sorted term list and, for each scanned
/// chunk, which terms each of its word ids yields. Stemming runs once per distinct word, not per
/// occurrence and not once per worker.
package struct Vocabulary: Sendable {
    /// Sorted by UTF-16 code units, the order of JavaScript's `<`, which the runtime uses to find shards.
    package var terms: [String]
    /// Per chunk: word id → range in `chunkTermIds[chunk]`.
    package var chunkTermStarts: [[Int32]]
    package var chunkTermIds: [[Int32]]

    package init(chunks: [ScannedChunk], analyzer: TermAnalyzer) {
        var globalId: [String: Int32] = [:]
        var words: [String] = []
        let localToGlobal = chunks.map { chunk in
            chunk.words.map { word -> Int32 in
                if let id = globalId[word] { return id }
                let id = Int32(words.count)
                globalId[word] = id
                words.append(word)
                return id
            }
        }
        let analysed = words.concurrentMap { analyzer.terms(ofWord: $0) }

        var distinct = Set<String>()
        for list in analysed { distinct.formUnion(list) }
        terms = distinct.sorted { Self.utf16Less($0, $1) }
        var termId: [String: Int32] = [:]
        termId.reserveCapacity(terms.count)
        for (i, t) in terms.enumerated() { termId[t] = Int32(i) }
        let wordTerms = analysed.map { $0.map { termId[$0]! } }

        chunkTermStarts = []
        chunkTermIds = []
        for map in localToGlobal {
            var starts: [Int32] = [0]
            var ids: [Int32] = []
            starts.reserveCapacity(map.count + 1)
            for g in map {
                ids.append(contentsOf: wordTerms[Int(g)])
                starts.append(Int32(ids.count))
            }
            chunkTermStarts.append(starts)
            chunkTermIds.append(ids)
        }
    }

    package static func utf16Less(_ a: String, _ b: String) -> Bool {
        var i = a.utf16.makeIterator(), j = b.utf16.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case let (x?, y?): if x != y { return x < y }
            case (nil, _?): return true
            default: return false
            }
        }
    }
}
