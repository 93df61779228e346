import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown

/// Builds the prebuilt search index under search/ (format: docs/search-index.md).
///
/// Pipeline: scan pages into word counts on every core → analyse each distinct word once
/// (stop words, stems) → fold word counts into term counts → BM25F impacts → posting lists →
/// pieces (term shards, typo lexicons, filters, page fragments) → compressed files + meta.json.
/// Page numbers are positions in `documents`; the same input gives byte-identical files.
public struct SearchIndexer: Sendable {
    public var settings: SearchSettings
    /// Compress pieces with zlib. Off only to measure what compression buys.
    package var compress = true

    public init(settings: SearchSettings) {
        self.settings = settings
    }

    public func build(_ documents: [SearchDocument], offline: Bool) -> [OutputFile] {
        make(documents, offline: offline, memo: nil, keepMemo: false).files
    }

    /// Builds the index reusing what `memo` holds from an earlier build (see `SearchIndexMemo`),
    /// and returns the memo for the next one. The files are the same as `build(_:offline:)` writes.
    public func build(_ documents: [SearchDocument], offline: Bool, memo: SearchIndexMemo?)
        -> (files: [OutputFile], memo: SearchIndexMemo)
    {
        let made = make(documents, offline: offline, memo: memo, keepMemo: true)
        return (made.files, made.memo!)
    }

    private func make(_ documents: [SearchDocument], offline: Bool, memo: SearchIndexMemo?, keepMemo: Bool)
        -> (files: [OutputFile], memo: SearchIndexMemo?)
    {
        let analyzer = TermAnalyzer(languages: settings.languages)
        let index: InvertedIndex
        var keys: [SearchIndexMemo.Keys] = []
        var entries: [SearchIndexMemo.Entry] = []
        if keepMemo {
            let analysis = SearchIndexMemo.analysisHash(languages: settings.languages)
            keys = documents.concurrentMap { SearchIndexMemo.keys(of: $0, analysis: analysis) }
            let analysed = SearchIndexMemo.analyse(documents, keys: keys.map(\.scan), memo: memo, analyzer: analyzer)
            index = InvertedIndex(terms: analysed.terms, counts: analysed.counts, of: documents, settings: settings)
            entries = analysed.entries
        } else {
            index = InvertedIndex(documents, analyzer: analyzer, settings: settings)
        }

        let shardWriter = TermShardWriter(terms: index.terms, postings: index.postings)
        let shards = shardWriter.partition()
        let lexiconWriter = LexiconWriter(terms: index.terms, postings: index.postings)
        let lexicons = lexiconWriter.groups()
        let facets = FilterWriter.facets.map { ($0, FilterWriter.values(of: $0, documents, typeNames: settings.typeNames)) }

        // Every piece is encoded independently, so they are built and compressed on every core.
        // With a memo, a piece whose key it holds is not compressed again, and a page's fragment
        // is not even encoded.
        enum Job: Sendable { case shard(Range<Int>), lexicon(String, Range<Int>), filter(String, [FilterWriter.Value]), fragment(Int) }
        var jobs: [Job] = shards.map { .shard($0) } + lexicons.map { .lexicon($0.key, $0.range) }
        jobs += facets.map { .filter($0.0, $0.1) }
        jobs += documents.indices.map { .fragment($0) }
        let count = documents.count, work = jobs, fragmentKeys = keys.map(\.fragment)
        let compression = SearchIndexMemo.compressionTag(compress: compress)
        let reusable = memo.flatMap { $0.compression == compression ? $0.pieces : nil } ?? [:]
        let writer = PieceWriter(compress: compress, offline: offline)
        let (files, build, compressed) = writer.files(count: jobs.count) { i -> PieceWriter.Piece in
            func piece(_ path: String, _ encode: () -> [UInt8]) -> PieceWriter.Piece {
                guard keepMemo else { return PieceWriter.Piece(path: path, bytes: encode()) }
                let bytes = encode(), key = ContentHash(of: bytes)
                if let done = reusable[key] { return PieceWriter.Piece(path: path, bytes: done, isCompressed: true, key: key) }
                return PieceWriter.Piece(path: path, bytes: bytes, key: key)
            }
            switch work[i] {
            case .shard(let range): return piece("t/\(i).bin") { shardWriter.encode(range) }
            case .lexicon(let key, let range): return piece("l/\(key).bin") { lexiconWriter.encode(range) }
            case .filter(let facet, let values):
                return piece("filter/\(facet).bin") { FilterWriter.encode(values, documentCount: count) }
            case .fragment(let doc):
                let path = "f/\(doc).bin"
                guard keepMemo else { return PieceWriter.Piece(path: path, bytes: FragmentWriter.encode(documents[doc])) }
                let key = fragmentKeys[doc]
                if let done = reusable[key] { return PieceWriter.Piece(path: path, bytes: done, isCompressed: true, key: key) }
                return PieceWriter.Piece(path: path, bytes: FragmentWriter.encode(documents[doc]), key: key)
            }
        }

        let meta = IndexMeta(
            build: build, documents: documents.count, compression: compress ? "deflate" : "none",
            shards: shardWriter.boundaries(shards), lexicons: lexicons.map(\.key),
            stopwords: Stopwords.list(languages: settings.languages), languages: settings.languages,
            synonyms: IndexMeta.synonymStems(settings.synonyms, analyzer: analyzer),
            weakWords: IndexMeta.weakStems(settings.weakWords, analyzer: analyzer),
            channels: IndexMeta.channelStems(settings.channelWords, analyzer: analyzer),
            authors: IndexMeta.ranges(documents.indices.filter { documents[$0].authors }),
            facets: Dictionary(uniqueKeysWithValues: facets.map { facet, values in
                (facet, values.map { IndexMeta.FacetValue(value: $0.value, label: $0.label, count: $0.docs.count) })
            }),
            scoring: .init(impactScale: index.postings.maxImpact / 255,
                           fieldWeights: [settings.fieldWeights.title, settings.fieldWeights.headings,
                                          settings.fieldWeights.meta, settings.fieldWeights.body,
                                          settings.fieldWeights.phrasings],
                           typeBoosts: settings.typeBoosts))
        let next = keepMemo
            ? SearchIndexMemo(terms: index.terms, entries: entries, compression: compression, pieces: compressed) : nil
        return (writer.metaFiles(meta) + files, next)
    }
}

/// Terms and their postings for a set of pages.
package struct InvertedIndex: Sendable {
    /// Sorted by UTF-16 code units (see `Vocabulary`); postings refer to terms by position.
    package var terms: [String]
    package var postings: PostingLists

    package init(_ documents: [SearchDocument], analyzer: TermAnalyzer, settings: SearchSettings) {
        let analysed = Self.analyse(documents, analyzer: analyzer)
        self.init(terms: analysed.terms, counts: analysed.counts, of: documents, settings: settings)
    }

    /// Scores and inverts term counts, however they were obtained: `counts[d]` are the counts of
    /// `documents[d]`, by position in `terms`; the order of terms within a page does not matter.
    package init(terms: [String], counts docTerms: [DocumentTerms], of documents: [SearchDocument], settings: SearchSettings) {
        self.terms = terms
        let termCount = terms.count
        let scorer = ImpactScorer(settings: settings, documents: docTerms)
        let impacts = Array(docTerms.indices).concurrentMap { d in
            scorer.impacts(docTerms[d], boost: settings.boost(forType: documents[d].type))
        }
        postings = PostingLists(documents: docTerms, impacts: impacts, termCount: termCount)
    }

    /// Tokenises and analyses pages: the sorted vocabulary and each page's term counts.
    package static func analyse(_ documents: [SearchDocument], analyzer: TermAnalyzer) -> (terms: [String], counts: [DocumentTerms]) {
        // A few chunks per core: enough to balance the load, few enough that merging word tables stays cheap.
        let chunkCount = max(1, min(documents.count / 64, ProcessInfo.processInfo.activeProcessorCount * 2))
        let size = (documents.count + chunkCount - 1) / max(chunkCount, 1)
        let ranges = stride(from: 0, to: documents.count, by: max(size, 1)).map { $0..<min($0 + size, documents.count) }
        let chunks = ranges.concurrentMap { DocumentScanner.scan(documents[$0]) }

        let vocabulary = Vocabulary(chunks: chunks, analyzer: analyzer)
        let termCount = vocabulary.terms.count
        let docTerms = Array(chunks.indices).concurrentMap { c in
            DocumentTerms.make(chunks[c], starts: vocabulary.chunkTermStarts[c], ids: vocabulary.chunkTermIds[c],
                               termCount: termCount)
        }.flatMap { $0 }
        return (vocabulary.terms, docTerms)
    }
}
