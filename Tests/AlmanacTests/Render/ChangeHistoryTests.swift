import Foundation
import Testing
@testable import Almanac

/// Each page's last commits and the site-wide «Что нового», from the build's one git log;
/// without git, no history section and a note instead of a list.
@Suite struct ChangeHistoryTests {
    static let files = [
        "_index.md": "---\ntitle: Главная\n---\n[А](a.md), [Б](b.md).\n",
        "a.md": "---\ntitle: Страница А\n---\nТекст.\n",
        "b.md": "---\ntitle: Страница Б\n---\nТекст.\n",
    ]

    func build(_ site: URL) -> URL {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        #expect(Build.run(BuildOptions(siteDirectory: site, output: out)).succeeded)
        return out
    }

    @Test(.disabled(if: TestGit.missing != nil, "git is not installed"))
    func pagesShowTheirLastFiveCommitsAndWhatsNewListsTheSite() throws {
        let site = Fixtures.makeSite(Self.files)
        TestGit.run(site, ["init", "-q"])
        TestGit.run(site, ["add", "-A"])
        TestGit.run(site, ["commit", "-q", "-m", "Первая версия <базы>"], date: "2026-01-10T10:00:00Z")
        for day in 11...17 {
            try "---\ntitle: Страница А\n---\nТекст \(day).\n".write(to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
            TestGit.run(site, ["commit", "-q", "-am", "Правка \(day)"], date: "2026-01-\(day)T10:00:00Z")
        }
        let out = build(site)
        let a = Fixtures.read(out, "a/index.html")
        let history = a.components(separatedBy: "class=\"history-list\"").dropFirst().first ?? ""
        #expect(history.components(separatedBy: "<li>").count - 1 == LastUpdated.limit)
        #expect(history.contains("<time datetime=\"2026-01-17\">17 января 2026</time> — Правка 17"))
        #expect(!history.contains("Правка 12"), "only the newest five")
        #expect(Fixtures.read(out, "b/index.html").contains("Первая версия &lt;базы&gt;"), "subjects are escaped")

        let news = Fixtures.read(out, "whats-new/index.html")
        #expect(news.contains("<h1>Что нового</h1>"))
        let newest = try #require(news.range(of: "Правка 17")), oldest = try #require(news.range(of: "Первая версия"))
        #expect(newest.lowerBound < oldest.lowerBound, "newest first")
        #expect(news.contains("<a href=\"../b/\">Страница Б</a>"))
        #expect(Fixtures.read(out, "index.html").contains("href=\"whats-new/\""), "linked from the home page's footer")
        #expect(build(site).path != out.path && Fixtures.read(build(site), "whats-new/index.html") == news, "deterministic")
    }

    @Test func withoutGitThereIsNoHistorySectionAndANote() {
        let out = build(Fixtures.makeSite(Self.files))
        #expect(!Fixtures.read(out, "a/index.html").contains("page-history"))
        let news = Fixtures.read(out, "whats-new/index.html")
        #expect(news.contains("История правок недоступна"))
        #expect(!news.contains("change-list"))
    }
}
