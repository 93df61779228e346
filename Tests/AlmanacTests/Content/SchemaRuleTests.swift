import Foundation
import Testing
@testable import Almanac

/// Every rule a content type's schema can state, each fed a page that breaks it: the error
/// names the file, the line of the field and the field itself.
@Suite struct SchemaRuleTests {
    static let config = """
        title: Тест
        language: ru
        types:
          principle:
            folder: principles
            fields:
              order: {type: int, required: true}
          reply:
            folder: replies
            fields:
              situation: {type: string, required: true, values: [доставка и сроки, сбой сервиса]}
              channels: {type: list, values: [ВКонтакте, Telegram]}
              score: {type: number}
              urgent: {type: bool}
              review_by: {type: date}
              reply: {type: text}
              placeholders: {type: map}
              principles: {type: list, ref: principle}
              main_principle: {type: ref, ref: principle}
              asked_as: {type: list, min_items: 3}

        """

    /// The home page links every page, so the orphan lint stays out of the way.
    func problems(_ reply: String, extra: [String: String] = [:]) -> [Diagnostic] {
        var files = ["principles/speed.md": "---\norder: 1\n---\n# Скорость\n",
                     "replies/r.md": reply]
        files.merge(extra) { $1 }
        files["_index.md"] = "# Главная\n\n" + files.keys.sorted().map { "[\($0)](\($0))" }.joined(separator: "\n\n") + "\n"
        let site = Fixtures.makeSite(files, config: Self.config)
        return Build.run(BuildOptions(siteDirectory: site, writeOutput: false)).diagnostics
            .filter { $0.code == .schema || $0.code == .placeholder }
    }

    func reply(_ fields: String) -> String { "---\nsituation: сбой сервиса\n\(fields)\n---\n# Ответ\n" }

    func only(_ d: [Diagnostic], line: Int, _ words: String...) -> Bool {
        d.count == 1 && d[0].file == "content/replies/r.md" && d[0].line == line
            && words.allSatisfy { d[0].message.contains($0) || d[0].hint?.contains($0) == true }
    }

    @Test func aValidPagePasses() {
        #expect(problems(reply("channels: [Telegram]\nscore: 2.5\nurgent: true\nreview_by: 2027-01-31\nprinciples: [principles/speed]")) == [])
    }

    @Test func listWithFewerItemsThanItsMinimum() {
        let d = problems(reply("channels: [Telegram]\nasked_as:\n  - сайт лежит\n  - не грузится"))
        #expect(only(d, line: 4, "asked_as", "не менее чем 3", "ещё 1"))
        #expect(problems(reply("asked_as: [сайт лежит, не грузится, упало приложение]")) == [])
    }

    @Test func minItemsOnlyFitsAListAndMustBeANumber() {
        let (_, d) = ConfigLoader.parse("""
            title: Т
            types:
              reply:
                fields:
                  situation: {type: string, min_items: 2}
                  asked_as: {type: list, min_items: много}
                  channels: {type: list, search: everywhere}

            """)
        #expect(d.contains { $0.line == 5 && $0.message.contains("min_items") && $0.message.contains("list") })
        #expect(d.contains { $0.line == 6 && $0.message.contains("min_items") })
        #expect(d.contains { $0.line == 7 && $0.message.contains("search") && $0.hint?.contains("phrasings") == true })
    }

    @Test func requiredFieldMissing() {
        let d = problems("---\ntitle: Ответ\n---\nТекст.\n")
        #expect(only(d, line: 1, "situation", "обязательное"))
    }

    @Test func requiredFieldEmpty() {
        #expect(only(problems("---\nsituation:\n---\n"), line: 2, "situation", "пусто"))
    }

    @Test func valueOutsideTheAllowedOnesSuggestsTheNearest() {
        #expect(only(problems("---\nsituation: сбой сервис\n---\n"), line: 2, "сбой сервис", "может быть, «сбой сервиса»"))
    }

    @Test func stringGivenAList() {
        #expect(only(problems("---\nsituation: [сбой сервиса]\n---\n"), line: 2, "ожидалась строка"))
    }

    @Test func integerGivenText() {
        let d = problems(reply(""), extra: ["principles/speed.md": "---\norder: первый\n---\n# Скорость\n"])
        #expect(d.count == 1 && d[0].file == "content/principles/speed.md" && d[0].line == 2 && d[0].message.contains("целое"))
    }

    @Test func numberGivenText() {
        #expect(only(problems(reply("score: много")), line: 3, "score", "число"))
    }

    @Test func booleanGivenText() {
        #expect(only(problems(reply("urgent: срочно")), line: 3, "urgent", "true или false"))
    }

    @Test func dateInAnotherFormat() {
        #expect(only(problems(reply("review_by: 31.01.2027")), line: 3, "review_by", "ГГГГ-ММ-ДД"))
    }

    @Test func listGivenAString() {
        #expect(only(problems(reply("channels: Telegram")), line: 3, "channels", "список"))
    }

    @Test func listItemOutsideTheAllowedOnes() {
        #expect(only(problems(reply("channels: [Telegram, Телеграм]")), line: 3, "Телеграм"))
    }

    @Test func referenceToAMissingPageSuggestsTheNearest() {
        #expect(only(problems(reply("principles: [principles/sped]")), line: 3, "principles/sped", "principles/speed"))
    }

    @Test func referenceToAPageOfAnotherType() {
        let d = problems(reply("main_principle: replies/other"), extra: ["replies/other.md": reply("")])
        #expect(only(d, line: 3, "replies/other", "типа reply", "типа principle"))
    }

    @Test func mapGivenAString() {
        #expect(only(problems(reply("placeholders: имя клиента")), line: 3, "placeholders", "словарь"))
    }

    @Test func mapValueThatIsNotText() {
        let d = problems(reply("reply: Здравствуйте, {name}!\nplaceholders:\n  name: [a, b]"))
        #expect(only(d, line: 5, "name", "строкой"))
    }

    @Test func commonFieldsAreCheckedOnEveryType() {
        let d = problems(reply("weight: первый\ndraft: нет\ndate: вчера"))
        #expect(d.map(\.line).sorted() == [3, 4, 5])
        #expect(d.allSatisfy { $0.file == "content/replies/r.md" && $0.severity == .error })
    }

    @Test func placeholderUsedButNotDeclared() {
        let d = problems(reply("reply: Здравствуйте, {имя}!\nplaceholders: {}"))
        #expect(d.count == 1 && d[0].code == .placeholder && d[0].line == 3 && d[0].message.contains("{имя}"))
        #expect(d.first?.severity == .warning)
    }

    @Test func placeholderDeclaredButNeverUsed() {
        let d = problems(reply("reply: Здравствуйте!\nplaceholders:\n  имя: как обращаться к клиенту"))
        #expect(d.count == 1 && d[0].code == .placeholder && d[0].line == 5 && d[0].message.contains("не используется"))
    }

    @Test func optionalPlaceholderIsDeclaredWithoutItsQuestionMark() {
        #expect(problems(reply("reply: Спасибо. {что_дальше?}\nplaceholders:\n  что_дальше: следующий шаг")) == [])
        let d = problems(reply("reply: Спасибо. {что_дальше?}\nplaceholders:\n  что_дальше?: следующий шаг"))
        #expect(d.contains { $0.code == .placeholder && $0.message.contains("{что_дальше}") && $0.message.contains("не описан") })
    }
}
