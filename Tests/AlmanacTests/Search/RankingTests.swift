import Testing
@testable import Almanac

/// Ranking as the index bakes it in: idf × impact summed over the query's terms, the score the
/// runtime computes (Tests/js/engine.test.mjs checks the runtime on the same kind of fixture).
@Suite struct RankingTests {
    let reader = IndexReader(SearchIndexer(settings: SearchSettings()).build(SearchFixture.pages, offline: false))
    let analyzer = TermAnalyzer(languages: ["ru", "en"])

    func ranked(_ query: String) -> [String] {
        let terms = Tokenizer.words(query).flatMap { analyzer.terms(ofWord: $0) }
        return reader.score(terms).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { SearchFixture.pages[$0.key].url }
    }

    @Test func grammaticalFormsFindEachOther() {
        #expect(ranked("кризисная коммуникация").contains("title/"))
        #expect(ranked("кризисных коммуникаций").contains("body/"))
    }

    @Test func aTitleMatchBeatsABodyMatch() {
        #expect(ranked("кризисная коммуникация").prefix(2) == ["title/", "body/"])
    }

    @Test func replyTemplatesAreBoosted() {
        #expect(ranked("жалоба доставка").prefix(2) == ["reply/", "article/"])
    }

    @Test func boostsComeFromSettings() {
        var settings = SearchSettings()
        settings.typeBoosts["reply"] = 0.5
        let demoted = IndexReader(SearchIndexer(settings: settings).build(SearchFixture.pages, offline: false))
        let terms = ["жалоб", "доставк"]
        let scores = demoted.score(terms)
        let reply = SearchFixture.pages.firstIndex { $0.url == "reply/" }!, article = reply + 1
        #expect(scores[reply]! < scores[article]!)
    }

    @Test func tagsAndDescriptionCountMoreThanBodyText() {
        let scores = reader.score([analyzer.term("негатив")!])
        let tagged = SearchFixture.pages.firstIndex { $0.url == "tagged/" }!
        let body = SearchFixture.pages.firstIndex { $0.url == "deep/" }!
        #expect(scores[tagged]! > scores[body]!)
    }
}
