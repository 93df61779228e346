import Foundation
import Testing
@testable import Almanac

@Suite struct IndexerTests {
    let settings = SearchSettings(synonyms: [["негатив", "негативный отзыв", "жалоба"], ["и"], ["SMM", "соцсети"]])

    func build(_ docs: [SearchDocument] = SearchFixture.pages, offline: Bool = false, compress: Bool = true) -> [OutputFile] {
        var indexer = SearchIndexer(settings: settings)
        indexer.compress = compress
        return indexer.build(docs, offline: offline)
    }

    static func bytes(_ files: [OutputFile]) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in files { if case .data(let d) = f.contents { out[f.path] = d } }
        return out
    }

    @Test func sameInputGivesByteIdenticalFiles() {
        let a = Self.bytes(build()), b = Self.bytes(build())
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b)
        #expect(Set(a.keys).allSatisfy { $0.hasPrefix("search/") })
    }

    @Test func metaDescribesTheIndex() throws {
        let reader = IndexReader(build())
        #expect(reader.meta["format"] as? String == "almanac-search")
        #expect((reader.meta["version"] as? String)?.hasPrefix("1.") == true)
        #expect(reader.documentCount == SearchFixture.pages.count)
        let synonyms = reader.meta["synonyms"] as? [[[String]]]
        #expect(synonyms?.count == 2, "a group of stop words only has nothing left to expand")
        let analyzer = TermAnalyzer(languages: ["ru", "en"])
        let phrase = [analyzer.term("негативный")!, analyzer.term("отзыв")!]
        #expect(synonyms?.first?.contains(phrase) == true, "members are stemmed like page text")
        let types = (reader.meta["facets"] as? [String: Any])?["type"] as? [[Any]]
        #expect(types?.first?.first as? String == "article")
        #expect(types?.first?.last as? Int == 5)
    }

    @Test func everyTermLiesInTheShardItsBoundaryNamesAndShardsAreSorted() {
        var corpus = SyntheticCorpus(seed: 7)
        let docs = corpus.documents(count: 400)
        let reader = IndexReader(build(docs))
        let boundaries = reader.shardBoundaries
        #expect(boundaries.count > 1, "400 pages should need several shards")
        var all: [String] = []
        let shards: [[(term: String, postings: [IndexReader.Posting])]] = reader.shards()
        for (i, shard) in shards.enumerated() {
            #expect(!shard.isEmpty)
            for entry in shard {
                let owner = boundaries.lastIndex { !Vocabulary.utf16Less(entry.term, $0) }
                #expect(owner == i, "\(entry.term) is in shard \(i), meta.json points at \(owner ?? -1)")
                #expect(!entry.postings.isEmpty)
                #expect(zip(entry.postings, entry.postings.dropFirst()).allSatisfy { $0.doc < $1.doc })
                #expect(entry.postings.allSatisfy { $0.impact >= 1 && $0.impact <= 255 && $0.doc < docs.count })
            }
            all += shard.map { $0.term }
        }
        #expect(zip(all, all.dropFirst()).allSatisfy { Vocabulary.utf16Less($0, $1) })
    }

    @Test func postingsNameTheSectionsAWordOccursIn() {
        let reader = IndexReader(build())
        let deep = SearchFixture.pages.firstIndex { $0.url == "deep/" }!
        let posting = reader.postings("шаблон").first { $0.doc == deep }
        #expect(posting?.mask == 1 << 2, "«шаблоны» is in the heading and text of section 2 only")
        let titleOnly = reader.postings("подготовк").first { $0.doc == deep }
        #expect(titleOnly?.mask == 1, "title words carry no section; the body's «подготовке» is in section 0")
    }

    @Test func fragmentsCarryDisplayDataAndText() {
        let reader = IndexReader(build())
        var r = ByteReader(reader.piece("f/5.bin") ?? [])
        let fields = (0..<7).map { _ in r.string() }
        #expect(fields[0] == "tagged/")
        #expect(fields[1] == "Модерация")
        #expect(fields[2] == "Правила модерации комментариев")
        #expect(r.varint() == 1)
        #expect(r.string() == "Негатив")
        #expect(r.varint() == 1)
        #expect(r.bytes(1) == [0])
        _ = r.string()
        _ = r.string()
        #expect(r.string() == "Удаляйте только оскорбления.")
    }

    @Test func offlineBuildAddsAScriptTwinForEveryPiece() throws {
        let files = Self.bytes(build(offline: true))
        let pieces = files.keys.filter { $0.hasSuffix(".bin") || $0.hasSuffix(".json") }
        #expect(!pieces.isEmpty)
        for piece in pieces {
            let name = piece.replacingOccurrences(of: ".bin", with: "").replacingOccurrences(of: ".json", with: "")
            let script = String(decoding: try #require(files[name + ".js"]), as: UTF8.self)
            let inner = String(piece.dropFirst("search/".count))
            #expect(script.hasPrefix("Almanac.searchData(\"\(inner)\","), "\(piece)")
            if piece.hasSuffix(".bin") {
                let payload = script.split(separator: "\"")[3]
                #expect(Data(base64Encoded: String(payload)) == files[piece])
            }
        }
        #expect(Self.bytes(build(offline: false)).keys.allSatisfy { !$0.hasSuffix(".js") })
    }

    @Test func compressionPaysForItself() {
        var corpus = SyntheticCorpus(seed: 3)
        let docs = corpus.documents(count: 200)
        func size(_ files: [OutputFile], _ prefix: String) -> Int {
            Self.bytes(files).filter { $0.key.hasPrefix(prefix) }.values.reduce(0) { $0 + $1.count }
        }
        let packed = build(docs), plain = build(docs, compress: false)
        #expect(Double(size(packed, "search/f/")) < 0.7 * Double(size(plain, "search/f/")))
        #expect(Double(size(packed, "search/t/")) < 0.9 * Double(size(plain, "search/t/")))
    }

    @Test func emptySiteStillGivesAValidIndex() {
        let reader = IndexReader(build([]))
        #expect(reader.documentCount == 0)
        #expect(reader.shardBoundaries == [""])
    }
}
