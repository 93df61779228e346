import Foundation
import Testing
@testable import Almanac

/// The reader's way in: the home page's situation console (`home:`, field `icons:`), the listing
/// that a tile opens, the authors' area kept out of the readers' navigation, the 404 page's base,
/// and the readers' history (`history:`).
@Suite struct ReaderHomeTests {
    static let config = """
        title: Тест
        language: ru
        authors_area: docs
        types:
          reply:
            folder: replies
            title: Шаблоны ответов
            filters: [situation]
            fields:
              situation:
                type: string
                label: Ситуация
                values: [доставка и сроки, сбой сервиса, цены и условия]
                icons: {доставка и сроки: truck, сбой сервиса: outage}
        home:
          situations: {type: reply, field: situation}
          checklist: first-hour.md

        """
    static let files = [
        "_index.md": "---\ntitle: Главная\n---\n[Первый час](first-hour.md).\n",
        "first-hour.md": "---\ntitle: Первый час\n---\nЧек-лист.\n",
        "replies/_index.md": "---\ntitle: Шаблоны ответов\n---\nКак пользоваться.\n\n## Как работать\n\nТекст.\n",
        "replies/a.md": "---\ntitle: Задержка А\nsituation: доставка и сроки\n---\nТекст.\n",
        "replies/b.md": "---\ntitle: Задержка Б\nsituation: доставка и сроки\n---\nТекст.\n",
        "replies/c.md": "---\ntitle: Сбой\nsituation: сбой сервиса\n---\nТекст.\n",
        "docs/_index.md": "---\ntitle: Для авторов\n---\n[Как писать](writing.md).\n",
        "docs/writing.md": "---\ntitle: Как писать\n---\nПравила.\n",
    ]

    func build(_ site: URL, offline: Bool = false) -> (BuildResult, URL) {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        var options = BuildOptions(siteDirectory: site, output: out)
        options.offline = offline
        return (Build.run(options), out)
    }

    @Test func configReadsHomeHistoryAndIcons() throws {
        let (config, diagnostics) = ConfigLoader.parse(Self.config + "history:\n  readers_since: 2026-12-07\n")
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.home.situationType == "reply" && c.home.situationField == "situation" && c.home.checklistId == "first-hour")
        #expect(c.history.readersSince == IsoDate("2026-12-07"))
        #expect(c.type("reply").field("situation")?.valueIcons["сбой сервиса"] == "outage")
        let bad = ConfigLoader.parse(Self.config.replacingOccurrences(of: "field: situation}", with: "field: nope}") + "history: {readers_since: вчера}\n")
        #expect(bad.0 == nil)
        #expect(bad.1.contains { $0.message.contains("нет поля «nope»") })
        #expect(bad.1.contains { $0.message.contains("history.readers_since") })
    }

    @Test func homeShowsATilePerSituationWithCountIconAndFilteredLink() throws {
        let (result, out) = build(Fixtures.makeSite(Self.files, config: Self.config))
        #expect(result.succeeded)
        let home = Fixtures.read(out, "index.html")
        let tiles = home.components(separatedBy: "<a class=\"situation-tile").dropFirst()
        #expect(tiles.count == 3, "every value of the field, also one without templates")
        let first = try #require(tiles.first)
        #expect(first.contains("href=\"replies/?situation=%D0%B4%D0%BE%D1%81%D1%82%D0%B0%D0%B2%D0%BA%D0%B0%20%D0%B8%20%D1%81%D1%80%D0%BE%D0%BA%D0%B8\""))
        #expect(first.contains("2 шаблона") && first.contains("<svg") && first.contains("icon-truck"))
        #expect(tiles.dropFirst().first?.contains("1 шаблон<") == true)
        let empty = try #require(tiles.last)
        #expect(empty.contains("situation-empty") && empty.contains("href=\"search/?q=") && !empty.contains("<svg"),
                "no templates yet: the search for its name, and no icon was configured")
        #expect(home.contains("class=\"console-checklist\" href=\"first-hour/\""))
        let console = try #require(home.range(of: "class=\"console\"")), text = try #require(home.range(of: "Первый час</a>."))
        #expect(console.lowerBound < text.lowerBound, "the console comes before the page's own text")

        let offline = Fixtures.read(build(Fixtures.makeSite(Self.files, config: Self.config), offline: true).1, "index.html")
        #expect(offline.contains("href=\"replies/index.html?situation="), "from disk the link names the file")
    }

    @Test func aMissingIconIsAWarningWithItsLine() {
        let config = Self.config.replacingOccurrences(of: "сбой сервиса: outage", with: "сбой сервиса: no-such-icon")
        let (result, _) = build(Fixtures.makeSite(Self.files, config: config))
        let warning = result.diagnostics.first { $0.message.contains("no-such-icon") }
        #expect(warning?.file == "almanac.yml" && warning?.line == 14)
        let (missing, _) = build(Fixtures.makeSite(Self.files, config: Self.config.replacingOccurrences(of: "checklist: first-hour.md", with: "checklist: first-hours.md")))
        #expect(missing.diagnostics.contains { $0.message.contains("home.checklist: нет страницы «first-hours.md»") && $0.line == 15 })
        let unlisted = result.diagnostics.first { $0.message.contains("у «цены и условия» нет значка") }
        #expect(unlisted?.line == 14, "a field with icons: gives every value one")
    }

    @Test func listingStartsWithItsFilterAndNamesIt() throws {
        let (_, out) = build(Fixtures.makeSite(Self.files, config: Self.config))
        let listing = Fixtures.read(out, "replies/index.html")
        #expect(listing.contains("data-filter-name=\"situation\""))
        let notes = try #require(listing.range(of: "<details class=\"section-notes\"")), filter = try #require(listing.range(of: "<select"))
        let text = try #require(listing.range(of: "Как работать</h2>", options: []) ?? listing.range(of: "Как работать"))
        #expect(notes.lowerBound < filter.lowerBound && text.lowerBound < filter.lowerBound && notes.lowerBound < text.lowerBound,
                "the section's text is folded above the filter")
        var files = Self.files
        files["replies/_index.md"] = "---\ntitle: Шаблоны ответов\n---\n"
        let bare = Fixtures.read(build(Fixtures.makeSite(files, config: Self.config)).1, "replies/index.html")
        #expect(bare.contains("data-filter-name") && !bare.contains("section-notes"), "no empty fold when the section has no text")
    }

    @Test func authorsAreaHasItsOwnNavigationAndAFooterLink() throws {
        let (result, out) = build(Fixtures.makeSite(Self.files, config: Self.config))
        #expect(!result.diagnostics.contains { $0.code == .orphanPage })
        for page in ["index.html", "replies/index.html", "first-hour/index.html"] {
            let html = Fixtures.read(out, page)
            let sidebar = try #require(html.components(separatedBy: "class=\"sidebar\"").dropFirst().first?.components(separatedBy: "</nav>").first)
            #expect(!sidebar.contains("docs/"), "\(page): the readers' sidebar leaves the authors' area out")
            #expect(html.contains(">Для авторов</a>"), "\(page): the footer leads to it")
        }
        #expect(!Fixtures.read(out, "index.html").contains("<a href=\"docs/\">Для авторов</a><p>"), "no card on the home page")
        let writing = Fixtures.read(out, "docs/writing/index.html")
        let sidebar = try #require(writing.components(separatedBy: "class=\"sidebar\"").dropFirst().first?.components(separatedBy: "</nav>").first)
        #expect(sidebar.contains("class=\"nav-back\"><a href=\"../../\">Главная</a>"))
        #expect(sidebar.contains("href=\"../writing/\" aria-current=\"page\""))
        #expect(!sidebar.contains("replies/"), "inside the area, only the area")
        #expect(!sidebar.contains("nav-urgent"), "and no crisis shortcuts")
    }

    @Test func notFoundPageHasABaseHeaderSearchAndTiles() {
        let (_, out) = build(Fixtures.makeSite(Self.files, config: Self.config))
        let page = Fixtures.read(out, "404.html")
        #expect(page.contains("<base href=\"/\">"))
        #expect(page.contains("Content-Security-Policy"))
        #expect(page.contains("class=\"site-header\"") && page.contains("id=\"search-input\""))
        #expect(page.contains("href=\"replies/?situation="))
        let offline = Fixtures.read(build(Fixtures.makeSite(Self.files, config: Self.config), offline: true).1, "404.html")
        #expect(!offline.contains("<base"), "from disk the file is opened itself: plain relative links")
        let hosted = Fixtures.read(build(Fixtures.makeSite(Self.files, config: Self.config + "base_url: https://wiki.example.ru/crisis/\n")).1, "404.html")
        #expect(hosted.contains("<base href=\"https://wiki.example.ru/crisis/\">"))
    }

    @Test(.disabled(if: TestGit.missing != nil, "git is not installed"))
    func readersHistoryStartsAtItsDayAndLeavesTheAuthorsAreaOut() throws {
        let site = Fixtures.makeSite(Self.files, config: Self.config + "history:\n  readers_since: 2026-12-07\n")
        TestGit.run(site, ["init", "-q"])
        TestGit.run(site, ["add", "-A"])
        TestGit.run(site, ["commit", "-q", "-m", "Import the base"], date: "2026-11-25T10:00:00Z")
        try "---\ntitle: Первый час\n---\nЧек-лист, дополненный.\n".write(to: site.appendingPathComponent("content/first-hour.md"), atomically: true, encoding: .utf8)
        TestGit.run(site, ["commit", "-q", "-am", "Первый час: дополнен чек-лист"], date: "2026-12-07T09:00:00Z")
        try "---\ntitle: Как писать\n---\nПравила, новые.\n".write(to: site.appendingPathComponent("content/docs/writing.md"), atomically: true, encoding: .utf8)
        TestGit.run(site, ["commit", "-q", "-am", "Docs: writing rules"], date: "2026-12-08T09:00:00Z")
        let (_, out) = build(site)
        let news = Fixtures.read(out, "whats-new/index.html")
        #expect(news.contains("Первый час: дополнен чек-лист"))
        #expect(!news.contains("Import the base"), "before readers_since")
        #expect(!news.contains("Docs: writing rules"), "only the authors' area changed")
        let page = Fixtures.read(out, "first-hour/index.html")
        #expect(page.contains("Первый час: дополнен чек-лист") && !page.contains("Import the base"))
        #expect(page.contains("datetime=\"2026-12-07\""))
        let docs = Fixtures.read(out, "docs/writing/index.html")
        #expect(docs.contains("Docs: writing rules") && docs.contains("Import the base"), "the authors' own pages keep every commit")
        let again = build(site).1
        #expect(Fixtures.read(again, "whats-new/index.html") == news && Fixtures.read(again, "first-hour/index.html") == page, "reproducible")
    }
}
