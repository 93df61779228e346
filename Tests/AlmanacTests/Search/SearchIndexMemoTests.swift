import Foundation
import Testing
@testable import Almanac

/// The search index's part of the build cache: a build given the memo of another build writes
/// the same bytes as a build from nothing, and the memo survives the cache's codec.
@Suite struct SearchIndexMemoTests {
    let settings = SearchSettings(synonyms: [["негатив", "жалоба"]])

    func indexer(compress: Bool = true) -> SearchIndexer {
        var indexer = SearchIndexer(settings: settings)
        indexer.compress = compress
        return indexer
    }

    static func encoded(_ memo: SearchIndexMemo) -> [UInt8] {
        var writer = CacheWriter()
        memo.write(to: &writer)
        return writer.bytes
    }

    static func decoded(_ bytes: [UInt8]) throws -> SearchIndexMemo {
        var reader = CacheReader(bytes)
        return try SearchIndexMemo(from: &reader)
    }

    /// Pages 0..<120 of a synthetic site; the second set drops some, edits some (text, title,
    /// tags, url, a heading's anchor), moves some, and adds new ones with words the first never had.
    static func sites() -> (before: [SearchDocument], after: [SearchDocument]) {
        var corpus = SyntheticCorpus(seed: 19)
        let before = corpus.documents(count: 120)
        var after = Array(before[10...])  // removed: the first ten
        after.remove(at: 40)
        after[0].sections[0].text += "\nСовершенно новое словцо зюзюка."
        after[5].title = "Другое название страницы"
        after[7].tags = ["тег-новый", "Негатив"]
        after[9].url = "moved/"
        after[11].sections[after[11].sections.count - 1].anchor = "renamed"
        after[13].status = "черновик"
        after[15].phrasings = ["как ответить на жалобу"]
        after[17].channels = ["ВКонтакте"]
        after.swapAt(20, 30)
        var other = SyntheticCorpus(seed: 2019)
        var more = other.documents(count: 15)
        for i in more.indices { more[i].url = "new\(i)/" }
        more[0].sections[0].text = "Абракадабра квинтэссенция superfluous words."
        after.insert(contentsOf: more, at: 50)
        return (before, after)
    }

    @Test(arguments: [false, true], [false, true])
    func aMemoOfAnotherSiteGivesTheSameBytes(offline: Bool, compress: Bool) throws {
        let (before, after) = Self.sites()
        let indexer = indexer(compress: compress)
        let clean = IndexerTests.bytes(indexer.build(after, offline: offline))

        let first = indexer.build(before, offline: offline, memo: nil)
        #expect(IndexerTests.bytes(first.files) == IndexerTests.bytes(indexer.build(before, offline: offline)),
                "making a memo does not change the files")
        // Straight from the build, and through the codec, where its entries are kept encoded.
        for memo in [first.memo, try Self.decoded(Self.encoded(first.memo))] {
            let second = indexer.build(after, offline: offline, memo: memo)
            #expect(IndexerTests.bytes(second.files) == clean)
            // The memo it returns serves a third build, of the first site again.
            let third = indexer.build(before, offline: offline, memo: try Self.decoded(Self.encoded(second.memo)))
            #expect(IndexerTests.bytes(third.files) == IndexerTests.bytes(first.files))
        }
    }

    @Test func aMemoWithOtherSettingsIsNotUsedWhereItWouldDiffer() throws {
        let (before, after) = Self.sites()
        var english = SearchSettings()
        english.languages = ["en"]
        let memo = SearchIndexer(settings: english).build(before, offline: false, memo: nil).memo
        #expect(IndexerTests.bytes(indexer().build(after, offline: false, memo: memo).files)
                == IndexerTests.bytes(indexer().build(after, offline: false)), "other languages: pages are analysed again")
        let uncompressed = indexer(compress: false).build(before, offline: false, memo: nil).memo
        #expect(IndexerTests.bytes(indexer().build(after, offline: false, memo: uncompressed).files)
                == IndexerTests.bytes(indexer().build(after, offline: false)), "pieces of another compression are not reused")
    }

    @Test func theMemoHoldsOnlyWhatTheLastBuildUsed() throws {
        let (before, after) = Self.sites()
        let first = indexer().build(before, offline: false, memo: nil).memo
        let second = indexer().build(after, offline: false, memo: first).memo
        let analysis = SearchIndexMemo.analysisHash(languages: settings.languages)
        let keys = after.map { SearchIndexMemo.keys(of: $0, analysis: analysis) }
        #expect(second.entries.map(\.key) == keys.map(\.scan), "one entry per page, in page order")
        #expect(Set(second.pieceKeys).isSuperset(of: keys.map(\.fragment)))
        // Pieces: one per file under search/ but meta.json and facets.json (none are equal here).
        let files = indexer().build(after, offline: false)
        #expect(second.pieceCount == files.count - 2)
        // Terms: exactly the vocabulary of the site now; the removed pages' words are gone.
        let fresh = InvertedIndex.analyse(after, analyzer: TermAnalyzer(languages: settings.languages))
        #expect(second.terms == fresh.terms)
        #expect(!Set(second.terms).subtracting(first.terms).isEmpty && !Set(first.terms).subtracting(second.terms).isEmpty)
        // Building the same pages again returns a memo that encodes to the same bytes.
        let again = indexer().build(after, offline: false, memo: try Self.decoded(Self.encoded(second))).memo
        #expect(Self.encoded(again) == Self.encoded(second))
    }

    @Test func roundTripsThroughTheCacheCodec() throws {
        let (before, _) = Self.sites()
        let memo = indexer().build(before, offline: false, memo: nil).memo
        let bytes = Self.encoded(memo)
        let back = try Self.decoded(bytes)
        #expect(back.terms == memo.terms)
        #expect(back.pieceKeys == memo.pieceKeys)
        #expect(back.pieces == memo.pieces)
        #expect(back.entries.map(\.key) == memo.entries.map(\.key))
        for (a, b) in zip(back.entries, memo.entries) {
            // Decoded counts come in ascending term order; compare them as term → counts.
            #expect(Self.table(a.counts) == Self.table(b.counts))
            #expect(a.counts.lengths == b.counts.lengths)
        }
        #expect(Self.encoded(back) == bytes)
    }

    static func table(_ d: DocumentTerms) -> [Int32: [UInt16]] {
        Dictionary(uniqueKeysWithValues: d.terms.enumerated().map { e, t in
            (t, Array(d.tf[e * SearchField.count..<(e + 1) * SearchField.count]))
        })
    }

    /// Every truncation throws; so do a wrong version, terms out of order and a page's counts that
    /// name a term the memo does not have. Random damage either throws or gives a memo that builds
    /// without crashing.
    @Test func aDamagedMemoThrowsAndNeverCrashes() throws {
        var corpus = SyntheticCorpus(seed: 7)
        let docs = corpus.documents(count: 12)
        let memo = indexer().build(docs, offline: false, memo: nil).memo
        let bytes = Self.encoded(memo)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 3000)) {
            #expect(throws: CacheReader.Damaged.self) { try Self.decoded(Array(bytes[..<length])) }
        }
        #expect(throws: CacheReader.Damaged.self) { try Self.decoded(bytes + [0]) }

        var other = CacheWriter()
        other.write("almanac-search-memo 0")
        #expect(throws: CacheReader.Damaged.self) { try Self.decoded(other.bytes + Array(bytes.dropFirst(Self.versionLength))) }

        var unsorted = memo
        unsorted.terms.swapAt(0, 1)
        #expect(throws: CacheReader.Damaged.self) { try Self.decoded(Self.encoded(unsorted)) }

        var outOfRange = memo
        outOfRange.terms.removeLast(outOfRange.terms.count / 2)
        for e in outOfRange.entries.indices { outOfRange.entries[e].encoded = nil }
        #expect(throws: CacheReader.Damaged.self) { try Self.decoded(Self.encoded(outOfRange)) }

        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        var decodedSome = 0
        for _ in 0..<300 {
            var damaged = bytes
            for _ in 0..<(1 + random(3)) { damaged[random(damaged.count)] = UInt8(random(256)) }
            guard let memo = try? Self.decoded(damaged) else { continue }
            decodedSome += 1
            _ = indexer().build(docs, offline: false, memo: memo)
        }
        #expect(decodedSome < 300, "some damage must be noticed")
    }

    static var versionLength: Int {
        var w = CacheWriter()
        w.write(SearchIndexMemo.version)
        return w.bytes.count
    }
}
