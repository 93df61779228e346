import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Almanac

/// What a site published at a base URL carries: Open Graph, the Atom feed, «last updated» from
/// front matter or git.
@Suite struct HostedSiteTests {
    private static let config = "title: Вики\ndescription: Про кризисы\nlanguage: ru\nbase_url: https://wiki.example.ru/kb/\n"

    private func build(_ site: URL) -> (BuildResult, URL) {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        return (Build.run(BuildOptions(siteDirectory: site, output: out)), out)
    }

    @Test func pagesCarryOpenGraphAFeedLinkAndTheirLastUpdate() {
        let site = Fixtures.makeSite([
            "_index.md": "---\ntitle: Главная\n---\nТекст.",
            "a.md": "---\ntitle: Старая\ndescription: Первая страница.\ndate: 2023-01-10\n---\nТекст.",
            "b.md": "---\ntitle: Новая <и> «важная»\ndate: 2023-01-10\nupdated: 2024-05-01\n---\nТекст.",
            "c.md": "---\ntitle: Без даты\n---\nТекст.",
        ], config: Self.config)
        let (result, out) = build(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let b = Fixtures.read(out, "b/index.html")
        #expect(b.contains("<meta property=\"og:url\" content=\"https://wiki.example.ru/kb/b/\">"))
        #expect(b.contains("<meta property=\"og:title\" content=\"Новая &lt;и&gt; «важная»\">"))
        #expect(Fixtures.read(out, "tags/index.html").contains("<meta name=\"description\" content=\"Про кризисы\">"),
                "pages without a description of their own get the site's")
        #expect(b.contains("href=\"https://wiki.example.ru/kb/feed.xml\""))
        #expect(b.contains("<time datetime=\"2024-05-01\">1 мая 2024</time>"))
        #expect(Fixtures.read(out, "a/index.html").contains("<meta name=\"description\" content=\"Первая страница.\">"))
        #expect(!Fixtures.read(out, "c/index.html").contains("class=\"updated\""))

        let feed = Fixtures.read(out, "feed.xml")
        #expect(feed.contains("<updated>2024-05-01T00:00:00Z</updated>\n  <author>"), "the feed is as new as its newest entry")
        let ids = feed.components(separatedBy: "<id>").dropFirst().map { $0.components(separatedBy: "</id>")[0] }
        #expect(ids == ["https://wiki.example.ru/kb/", "https://wiki.example.ru/kb/b/", "https://wiki.example.ru/kb/a/"])
        #expect(feed.contains("<title>Новая &lt;и&gt; «важная»</title>"))
        #expect(Fixtures.read(out, "sitemap.xml").contains("<loc>https://wiki.example.ru/kb/b/</loc><lastmod>2024-05-01</lastmod>"))
    }

    @Test func theFeedIsWellFormedXMLWhateverTheTitles() throws {
        let site = Fixtures.makeSite([
            "a.md": "---\ntitle: \"A & B <c> \\\"d\\\" 'e'\"\ndescription: \"x < y && z\"\ndate: 2023-01-10\n---\nТекст.",
        ], config: Self.config.replacingOccurrences(of: "title: Вики", with: "title: \"Вики & <Ко>\""))
        let (result, out) = build(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let data = try Data(contentsOf: out.appendingPathComponent("feed.xml"))
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(String(decoding: data, as: UTF8.self).contains("<title>A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;</title>"))
    }

    @Test func withoutABaseURLThereIsNoFeed() {
        let site = Fixtures.makeSite(["a.md": "---\ndate: 2023-01-10\n---\nТекст."])
        let (result, out) = build(site)
        #expect(result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("feed.xml").path))
        #expect(!Fixtures.read(out, "a/index.html").contains("application/atom+xml"))
        #expect(Fixtures.read(out, "a/index.html").contains("10 января 2023"), "«last updated» works offline too")
    }

    @Test func theFeedKeepsTheNewestPagesOnly() {
        var files: [String: String] = [:]
        for i in 1...(AtomFeed.limit + 5) { files["p\(i).md"] = "---\ndate: 2020-01-\(String(format: "%02d", i % 28 + 1))\n---\nТекст." }
        let (_, out) = build(Fixtures.makeSite(files, config: Self.config))
        #expect(Fixtures.read(out, "feed.xml").components(separatedBy: "<entry>").count - 1 == AtomFeed.limit)
    }

    @Test func gitHistoryDatesPagesWithOneLogCall() throws {
        let site = Fixtures.makeSite([
            "a.md": "---\ntitle: А\n---\nТекст.",
            "ёлка.md": "---\ntitle: Ёлка\n---\nТекст.",
            "b.md": "---\ntitle: Б\nupdated: 2025-12-31\n---\nТекст.",
        ], config: Self.config)
        guard TestGit.run(site, ["init", "-q"]) == 0 else { return }  // no git here: nothing to check
        TestGit.run(site, ["add", "content"])
        TestGit.run(site, ["commit", "-q", "-m", "first"], date: "2024-02-01T10:00:00Z")
        try "---\ntitle: А\n---\nДругой текст.".write(to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        TestGit.run(site, ["commit", "-q", "-am", "second"], date: "2024-06-15T23:00:00Z")

        let history = GitHistory.read(siteDirectory: site)
        #expect(history.lastChanged("content/a.md") == "2024-06-15")
        #expect(history.lastChanged("content/ёлка.md") == "2024-02-01", "non-ASCII names come unquoted")
        #expect(history.recent("content/a.md", limit: 5).map(\.subject) == ["second", "first"])
        #expect(history.lastEdit("content/a.md")?.date == "2024-06-15")
        #expect(history.lastEdit("content/b.md") == nil, "its creation is not an edit")
        let (result, out) = build(site)
        #expect(result.succeeded)
        #expect(Fixtures.read(out, "a/index.html").contains("datetime=\"2024-06-15\""))
        #expect(Fixtures.read(out, "b/index.html").contains("datetime=\"2025-12-31\""), "front matter wins over git")
    }

    @Test func outsideACheckoutThereIsNoHistory() {
        let dir = Fixtures.temporaryDirectory()
        #expect(!GitHistory.read(siteDirectory: dir).isAvailable)
        #expect(!GitHistory.read(siteDirectory: dir.appendingPathComponent("missing")).isAvailable)
        let parsed = GitHistory.parse("\u{0}2024-01-02\u{0}Правка\nM\tcontent/a.md\nD\tcontent/c.md\n\n\u{0}2023-01-01\u{0}Начало\nA\tcontent/a.md\nA\tcontent/b.md\n")
        #expect(parsed.lastChanged("content/a.md") == "2024-01-02")
        #expect(parsed.lastChanged("content/b.md") == "2023-01-01")
        #expect(parsed.lastChanged("content/c.md") == nil, "a deleted file is no page")
        #expect(parsed.recent("content/a.md", limit: 1).map(\.subject) == ["Правка"])
        #expect(parsed.lastEdit("content/b.md") == nil)
    }
}
