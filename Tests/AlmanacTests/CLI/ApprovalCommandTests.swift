import Foundation
import Testing
@testable import Almanac
@testable import AlmanacProducts

/// `almanac export --status …` and `--today` as an editor or CI runs them.
@Suite struct ApprovalCommandTests {
    let cli = WriterCommandTests()

    static let site: [String: String] = [
        "_index.md": "# Главная\n\n[А](a.md), [Б](b.md)\n",
        "a.md": """
            ---
            title: Ответ на жалобу
            owner: Юрист
            status: на согласовании
            review_by: 2026-10-01
            ---
            Здравствуйте, {имя}! Смотрите [правила](b.md).
            """,
        "b.md": "---\ntitle: Правила\nowner: Руководитель PR\nstatus: согласовано\n---\nТекст.\n",
    ]

    @Test(.enabled(if: WriterCommandTests.enabled, "the almanac executable is not built"))
    func checkNamesTheReviewLineAsJSONOnAFixedDay() throws {
        let dir = Fixtures.makeSite(Self.site)
        let late = try cli.run(["check", dir.path, "--format", "json", "--today", "2026-11-25", "--quiet"])
        #expect(late.status == 0, "warnings do not fail a check")
        let list = try JSONSerialization.jsonObject(with: Data(late.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 1)
        #expect(list?.first?["code"] as? String == "review-overdue")
        #expect(list?.first?["file"] as? String == "content/a.md")
        #expect(list?.first?["line"] as? Int == 5)
        #expect(try cli.run(["check", dir.path, "--today", "2026-09-30", "--quiet"]).stderr.isEmpty)
        #expect(try cli.run(["build", dir.path, "--today", "2026-11-25", "--strict", "--quiet"]).status == 1, "--strict makes it fatal")
        #expect(try cli.run(["build", dir.path, "--today", "25.11.2026"]).status == 2)
    }

    @Test(.enabled(if: WriterCommandTests.enabled, "the almanac executable is not built"))
    func exportWritesOneDocumentWithTheTextsInTheStatus() throws {
        let dir = Fixtures.makeSite(Self.site)
        let file = Fixtures.temporaryDirectory().appendingPathComponent("packet.html")
        for spelling in ["на-согласовании", "на согласовании"] {
            let run = try cli.run(["export", "--status", spelling, dir.path, "-o", file.path, "--today", "2026-11-25"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("текстов 1 со статусом «на согласовании»"))
        }
        let html = Fixtures.read(file.deletingLastPathComponent(), "packet.html")
        #expect(html.contains("<h2 id=\"text-1-title\">Ответ на жалобу</h2>"))
        #expect(!html.contains("Правила</h2>"), "an approved page is not in the packet")
        #expect(html.contains("<th scope=\"row\">Отвечает за текст</th><td>Юрист</td>"))
        #expect(html.contains("<td class=\"is-missing\">не указано</td>"), "a missing approval date is said, not hidden")
        #expect(html.contains("Подготовлено <time datetime=\"2026-11-25\">"))
        #expect(html.contains("Смотрите правила."), "links become text")
        #expect(!html.contains("<script") && !html.contains("href=\"../") && !html.contains("<link"))

        let none = try cli.run(["export", "--status", "устарело", dir.path, "-o", file.path + ".none"])
        #expect(none.status == 1)
        #expect(!FileManager.default.fileExists(atPath: file.path + ".none"))
        #expect(try cli.run(["export", "--status", "одобрено", dir.path]).status == 2)
    }

    @Test func thePacketMarksPlaceholdersAndExplainsThem() throws {
        let result = ApprovalPacket.make(BuildOptions(siteDirectory: Fixtures.site("publishing"), today: IsoDate("2026-11-25")),
                                         status: "на согласовании")
        #expect(result.titles == ["Задержка доставки"])
        let html = try #require(result.html)
        #expect(html.contains("<span class=\"ph\">{номер_заказа}</span>"))
        #expect(html.contains("<th scope=\"row\"><span class=\"ph\">{номер_заказа}</span></th><td>Номер заказа</td>"))
        #expect(html.contains("Мы &lt;b&gt;уже&lt;/b&gt; разбираемся"), "front matter stays escaped")
    }
}
