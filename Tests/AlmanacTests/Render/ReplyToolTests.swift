import Foundation
import Testing
@testable import Almanac

/// What the reply page's tool is built from: channel labels and length limits from almanac.yml,
/// the fields each variant uses, the example-approvals note, and urgent pages first in the sidebar.
@Suite struct ReplyToolTests {
    static let config = """
        title: Тест
        language: ru
        approvals_are_examples: true
        types:
          reply:
            folder: replies
            fields:
              channels:
                type: list
                values: [ВКонтакте, Telegram, e-mail]
                labels: {e-mail: Электронная почта}
                limits: {Telegram: 4096}
              reply: {type: text, required: true}
              variants: {type: map}
              placeholders: {type: map}
              owner: {type: string}
              status: {type: string}
        """

    static let page = """
        ---
        title: Задержка
        channels: [ВКонтакте, Telegram, e-mail]
        reply: "{имя}, заказ {номер_заказа} едет."
        variants:
          Telegram: "Заказ {номер_заказа} едет, {имя}."
          e-mail: "Здравствуйте! Пишем о заказе."
        placeholders:
          имя: Имя клиента
          номер_заказа: Номер заказа
        owner: Руководитель PR
        status: согласовано
        ---
        Текст.
        """

    private func build(config: String = Self.config, page: String = Self.page) throws -> URL {
        let site = Fixtures.makeSite([
            "_index.md": "---\ntitle: Главная\n---\n[a](replies/delay.md) [b](deep/guide.md) [c](first.md)\n",
            "replies/delay.md": page,
            "first.md": "---\ntitle: Первый час\nurgent: true\nweight: 5\n---\nТекст.\n",
            "deep/guide.md": "---\ntitle: Схема решений\nurgent: true\nweight: 1\n---\nТекст.\n",
        ], config: config)
        let out = site.appendingPathComponent("public")
        let result = Build.run(BuildOptions(siteDirectory: site, output: out))
        #expect(result.succeeded, "\(result.diagnostics)")
        return out
    }

    @Test func variantsAreTabsNamedAndLimitedByTheirChannel() throws {
        let html = Fixtures.read(try build(), "replies/delay/index.html")
        #expect(html.contains(#"role="tablist""#))
        #expect(html.contains(#"id="tab-variants-telegram" aria-controls="panel-variants-telegram" aria-selected="false" tabindex="-1">Telegram <span class="tab-limit">≤ 4096</span>"#))
        #expect(html.contains(#">Электронная почта</button>"#), "the label from labels:")
        #expect(html.contains(#"data-panel="variants-telegram" data-uses="номер_заказа имя" data-limit="4096""#))
        #expect(html.contains(#"data-panel="reply-main" data-uses="имя номер_заказа">"#), "the main text has no limit")
        #expect(html.contains(#"data-panel="variants-e-mail" data-uses="">"#))
        #expect(html.contains("Полей для подстановки нет"))
        #expect(html.contains(#"<label for="ph-nomer-zakaza">номер заказа</label>"#))
        #expect(html.contains(#"id="copy-button""#) && html.contains(##"href="#copy-button""##))
    }

    @Test func optionalPlaceholdersAreMarkedPerTextAndNeverShowTheirQuestionMark() throws {
        let page = Self.page
            .replacingOccurrences(of: #"reply: "{имя}, заказ {номер_заказа} едет.""#, with: #"reply: "{имя?}, заказ {номер_заказа} едет.""#)
        let html = Fixtures.read(try build(page: page), "replies/delay/index.html")
        #expect(html.contains(#"data-panel="reply-main" data-uses="имя номер_заказа" data-optional="имя">"#))
        #expect(html.contains(#"data-panel="variants-telegram" data-uses="номер_заказа имя" data-limit="4096">"#),
                "the Telegram variant needs the name: no data-optional there")
        #expect(html.contains(#"<label for="ph-imya">имя <span class="field-optional" data-optional-mark hidden>необязательно</span></label>"#),
                "optional in one text only: the runtime shows the mark with that text")
        #expect(html.contains(#"<label for="ph-nomer-zakaza">номер заказа</label>"#))
        #expect(html.contains(#"<span class="ph ph-optional" data-placeholder="имя" data-optional>{имя}</span>"#))
        #expect(!html.contains("?}"))
    }

    @Test func theExampleNoteFollowsTheSetting() throws {
        let note = "Статусы — пример для вымышленной компании"
        #expect(Fixtures.read(try build(), "replies/delay/index.html").contains(note))
        let without = Self.config.replacingOccurrences(of: "approvals_are_examples: true\n", with: "")
        #expect(!Fixtures.read(try build(config: without), "replies/delay/index.html").contains(note))
    }

    @Test func urgentPagesComeFirstShallowestFirstAndAreNotRepeatedAtTheTop() throws {
        let html = Fixtures.read(try build(), "replies/delay/index.html")
        let nav = try #require(html.range(of: #"<nav class="sidebar""#).map { String(html[$0.lowerBound...]) })
        let urgent = try #require(nav.range(of: #"<ul class="nav-urgent">"#)).upperBound
        let tree = try #require(nav.range(of: #"<ul class="nav-list">"#)).lowerBound
        let first = try #require(nav.range(of: ">Первый час</a>")).lowerBound
        let guide = try #require(nav.range(of: ">Схема решений</a>")).lowerBound
        #expect(urgent < first && first < guide && guide < tree, "top level before a folder's page, both above the tree")
        #expect(nav.components(separatedBy: ">Первый час</a>").count == 2, "a top-level urgent page is listed once")
    }

    @Test func limitsMustBePositiveWholeNumbersForKnownValues() {
        let (config, diagnostics) = ConfigLoader.parse("""
            types:
              reply:
                fields:
                  channels:
                    type: list
                    values: [Telegram, VK]
                    limits: {Telegram: 0, VK: много, Max: 10}
            """)
        #expect(config == nil)
        let messages = diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("limits.Telegram: ожидалось целое число") }, "\(messages)")
        #expect(messages.contains { $0.contains("limits.VK: ожидалось целое число") }, "\(messages)")
        #expect(messages.contains { $0.contains("«Max» нет среди values") }, "\(messages)")
        #expect(diagnostics.allSatisfy { $0.line == 7 }, "\(diagnostics.map(\.line))")
        let (good, _) = ConfigLoader.parse("types:\n  reply:\n    fields:\n      channels: {type: list, values: [Telegram], limits: {Telegram: 4096}}\n")
        #expect(good?.type("reply").field("channels")?.valueLimits == ["Telegram": 4096])
    }
}
