import Foundation
import Testing
@testable import Almanac

@Suite struct ContentParsingTests {
    @Test func bomAndCRLFAreNormalisedWithoutShiftingLines() {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: Тест\r\n---\r\nТекст\r\n".utf8)
        let (text, problems) = SourceText.decode(data)
        #expect(problems.isEmpty)
        let parts = FrontMatterSplitter.split(text)
        #expect(parts.yaml == "title: Тест\n")
        #expect(parts.body == "Текст\n")
        #expect(parts.bodyLine == 4)
    }

    @Test func invalidUTF8IsReportedWithItsLine() {
        let (_, problems) = SourceText.decode(Data("ok\nok\n".utf8) + Data([0xFF, 0xFE]) + Data("\n".utf8))
        #expect(problems == [.invalidUTF8(line: 3)])
    }

    @Test func unterminatedFrontMatterIsFlagged() {
        let parts = FrontMatterSplitter.split("---\ntitle: x\nТекст без конца\n")
        #expect(parts.unterminated)
    }

    @Test func fileWithoutFrontMatterIsAllBody() {
        let parts = FrontMatterSplitter.split("# Заголовок\n")
        #expect(parts.yaml == nil)
        #expect(parts.bodyLine == 1)
    }

    @Test func yamlKeepsLinesOfEveryKey() throws {
        guard case .success(let entries) = YAMLReader.readMapping("title: A\ntags:\n  - x\nweight: 3\n", lineOffset: 1) else {
            Issue.record("YAML did not parse"); return
        }
        #expect(entries.map(\.line) == [2, 3, 5])
        #expect(entries["weight"]?.value == .int(3))
        #expect(entries["tags"]?.value == .list([.string("x")]))
    }

    @Test func quotedNumbersStayStrings() throws {
        guard case .success(let entries) = YAMLReader.readMapping("period: \"2023\"\nyear: 2023\n") else { return }
        #expect(entries["period"]?.value == .string("2023"))
        #expect(entries["year"]?.value == .int(2023))
    }
}
