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
        let types = reader.meta["types"] as? [[Any]]
        #expect(types?.first?.first as? String == "article")
        #expect(types?.first?.last as? Int == 5)
        let tags = reader.facets["tag"] as? [[Any]]
        #expect(tags?.first?.first as? String == "негатив", "tag values are lower-cased")
        #expect(tags?.first?[1] as? String == "Негатив", "labels keep the writer's spelling")
    }

    /// Phrasings (asked_as) are a field of their own that outweighs the body; labels and meta
    /// values are indexed like the description; weak words, channel names and the writers' pages
    /// travel in meta.json; the label and phrasings in the fragment; channels are a facet.
    @Test func phrasingsLabelsChannelsAndTheAuthorsPages() throws {
        var reply = SearchFixture.doc("reply/", title: "Задержка доставки", type: "reply",
                                      sections: [("", "Текст ответа про опоздание курьера.")])
        reply.phrasings = ["курьер опоздал", "посылка застряла"]
        reply.metaValues = ["доставка и сроки"]
        reply.label = "доставка и сроки"
        reply.channels = ["ВКонтакте", "маркетплейс"]
        var docs = SearchFixture.pages + [reply]
        var guide = SearchFixture.doc("docs/x/", title: "Как писать", sections: [("", "Посылка застряла — пример из текста.")])
        guide.authors = true
        docs.append(guide)
        var settings = self.settings
        settings.weakWords = ["написать", "клиент"]
        settings.channelWords = [("ВКонтакте", ["ВК", "VK"]), ("маркетплейс", ["ВБ"])]
        let reader = IndexReader(SearchIndexer(settings: settings).build(docs, offline: false))
        let analyzer = TermAnalyzer(languages: ["ru", "en"])
        let stuck = analyzer.term("застряла")!
        let postings = reader.postings(stuck)
        let inPhrasings = try #require(postings.first { $0.doc == docs.count - 2 })
        let inBody = try #require(postings.first { $0.doc == docs.count - 1 })
        #expect(inPhrasings.impact > 2 * inBody.impact, "a phrasing outweighs the same words in a body")
        #expect(reader.postings(analyzer.term("сроки")!).contains { $0.doc == docs.count - 2 }, "the label is indexed")
        #expect(reader.meta["weak"] as? String == "написа клиент")
        let channels = try #require(reader.meta["channels"] as? [[Any]])
        #expect(channels.first?.first as? String == "вконтакте")
        #expect((channels.first?.last as? [[String]])?.contains(["vk"]) == true)
        #expect(reader.meta["authors"] as? String == "\(docs.count - 1)")
        #expect((reader.meta["version"] as? String) == "1.1")
        let channelFacet = reader.facets["channel"] as? [[Any]]
        #expect(channelFacet?.map { $0.first as? String } == ["вконтакте", "маркетплейс"] || channelFacet?.map { $0.first as? String } == ["маркетплейс", "вконтакте"])
        #expect(IndexMeta.ranges([1, 2, 3, 7, 9, 10]) == "1-3 7 9-10")
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
        #expect(pieces.contains("search/facets.json") && pieces.contains("search/meta.json"))
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
