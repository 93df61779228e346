import Foundation
import Testing
@testable import Almanac

@Suite struct PlaybookTests {
    @Test func principlesByNumberThenTemplatesGroupedBySituationWithPlaceholdersVisible() throws {
        let (result, out) = Fixtures.build("publishing")
        #expect(result.succeeded, "\(result.diagnostics)")
        let html = Fixtures.read(out, "playbook/index.html")
        func position(_ s: String) -> Int { html.range(of: s).map { html.distance(from: html.startIndex, to: $0.lowerBound) } ?? -1 }
        // Within a group, navigation order: weight, then title.
        let order = ["id=\"part-principle\"", ">Эмпатия</a>", ">Скорость реакции</a>", "id=\"part-reply\"",
                     ">Доставка и сроки</h3>", ">Возврат денег за опоздавший заказ</a>", ">Задержка доставки</a>",
                     ">Сбой сервиса</h3>", ">Сбой приложения</a>"]
        let positions = order.map(position)
        #expect(!positions.contains(-1), "missing: \(zip(order, positions).filter { $0.1 == -1 }.map(\.0))")
        #expect(positions == positions.sorted(), "out of order: \(zip(order, positions).map { "\($0.0) @\($0.1)" })")
        #expect(html.contains("<span class=\"ph\">{номер_заказа}</span>"))
        #expect(html.contains("&lt;b&gt;уже&lt;/b&gt;"), "reply texts are text, never markup")
        #expect(html.contains("href=\"../replies/delay/\""))
        #expect(!html.contains("Сбой в распродажу"), "only the configured types")

        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(Fixtures.read(out, "index.html").contains("href=\"playbook/\""), "linked from the home page's footer")
        #expect(Fixtures.read(out, "replies/delay/index.html").contains("href=\"../../playbook/\""))
    }

    @Test func offlineTheLinksNameIndexFiles() {
        let (_, out) = Fixtures.build("publishing", offline: true)
        #expect(Fixtures.read(out, "index.html").contains("href=\"playbook/index.html\""))
        #expect(Fixtures.read(out, "playbook/index.html").contains("href=\"../replies/delay/index.html\""))
    }

    @Test func withoutPlaybookSettingsThereIsNoPlaybook() {
        let (_, out) = Fixtures.build("typed")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("playbook/index.html").path))
        #expect(!Fixtures.read(out, "index.html").contains("playbook"))
    }

    @Test func unknownTypesAndFieldsAreConfigErrors() {
        let (config, diagnostics) = ConfigLoader.parse("""
            playbook:
              - {type: reply, group: mood}
              - {type: memo}
              - {typ: reply}
            types:
              reply:
                fields:
                  situation: {type: string}
            """)
        #expect(config == nil)
        let messages = diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("нет поля «mood»") }, "\(messages)")
        #expect(messages.contains { $0.contains("нет типа контента «memo»") }, "\(messages)")
        #expect(messages.contains { $0.contains("нужен type") }, "\(messages)")
        #expect(diagnostics.allSatisfy { $0.line == 1 || $0.line == 4 }, "\(diagnostics.map(\.line))")
    }
}
