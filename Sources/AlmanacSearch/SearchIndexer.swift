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
        let analyzer = TermAnalyzer(languages: settings.languages)
        let index = InvertedIndex(documents, analyzer: analyzer, settings: settings)

        let shardWriter = TermShardWriter(terms: index.vocabulary.terms, postings: index.postings)
        let shards = shardWriter.partition()
        let lexiconWriter = LexiconWriter(terms: index.vocabulary.terms, postings: index.postings)
        let lexicons = lexiconWriter.groups()
        let facets = FilterWriter.facets.map { ($0, FilterWriter.values(of: $0, documents, typeNames: settings.typeNames)) }

        // Every piece is encoded independently, so they are built and compressed on every core.
        enum Job: Sendable { case shard(Range<Int>), lexicon(String, Range<Int>), filter(String, [FilterWriter.Value]), fragment(Int) }
        var jobs: [Job] = shards.map { .shard($0) } + lexicons.map { .lexicon($0.key, $0.range) }
        jobs += facets.map { .filter($0.0, $0.1) }
        jobs += documents.indices.map { .fragment($0) }
        let count = documents.count, work = jobs
        let writer = PieceWriter(compress: compress, offline: offline)
        let (files, build) = writer.files(count: jobs.count) { i -> (path: String, bytes: [UInt8]) in
            switch work[i] {
            case .shard(let range): return ("t/\(i).bin", shardWriter.encode(range))
            case .lexicon(let key, let range): return ("l/\(key).bin", lexiconWriter.encode(range))
            case .filter(let facet, let values): return ("filter/\(facet).bin", FilterWriter.encode(values, documentCount: count))
            case .fragment(let doc): return ("f/\(doc).bin", FragmentWriter.encode(documents[doc]))
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
        return writer.metaFiles(meta) + files
    }
}

/// Terms and their postings for a set of pages.
package struct InvertedIndex: Sendable {
    package var vocabulary: Vocabulary
    package var postings: PostingLists

    package init(_ documents: [SearchDocument], analyzer: TermAnalyzer, settings: SearchSettings) {
        // A few chunks per core: enough to balance the load, few enough that merging word tables stays cheap.
        let chunkCount = max(1, min(documents.count / 64, ProcessInfo.processInfo.activeProcessorCount * 2))
        let size = (documents.count + chunkCount - 1) / max(chunkCount, 1)
        let ranges = stride(from: 0, to: documents.count, by: max(size, 1)).map { $0..<min($0 + size, documents.count) }
        let chunks = ranges.concurrentMap { DocumentScanner.scan(documents[$0]) }

        vocabulary = Vocabulary(chunks: chunks, analyzer: analyzer)
        let vocabulary = self.vocabulary
        let termCount = vocabulary.terms.count
        let docTerms = Array(chunks.indices).concurrentMap { c in
            DocumentTerms.make(chunks[c], starts: vocabulary.chunkTermStarts[c], ids: vocabulary.chunkTermIds[c],
                               termCount: termCount)
        }.flatMap { $0 }

        let scorer = ImpactScorer(settings: settings, documents: docTerms)
        let impacts = Array(docTerms.indices).concurrentMap { d in
            scorer.impacts(docTerms[d], boost: settings.boost(forType: documents[d].type))
        }
        postings = PostingLists(documents: docTerms, impacts: impacts, termCount: termCount)
    }
}
