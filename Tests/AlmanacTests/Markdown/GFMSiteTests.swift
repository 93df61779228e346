import Foundation
import Testing
@testable import Almanac

/// The extensions through a whole build: the link stage checks links in table cells and
/// footnotes at their file lines, footnote problems are warnings with a line, and almanac.yml
/// switches extensions.
@Suite struct GFMSiteTests {
    @Test func brokenLinksInATableAndAFootnoteAreReportedAtTheirLines() throws {
        let page = """
        ---
        title: Страница
        ---
        Вводный абзац со сноской[^src].

        | Что | Где |
        |---|---|
        | Правила | [раздел](missing-table.md) |

        [^src]: Источник: [документ](missing-footnote.md).
        """
        let site = HostileSite(text: ["page.md": page])
        let result = site.build()
        let broken = result.diagnostics.filter { $0.code == .brokenLink }
            .map { "\($0.file):\($0.line):\($0.column)" }.sorted()
        // The footnote's link is at column 19 of the file as written (`[^src]: ` counted); a
        // cell's column is unknown (0): cells are parsed apart from the page.
        #expect(broken == ["content/page.md:10:19", "content/page.md:8:0"], "\(broken)")
        #expect(result.diagnostics.filter { $0.code == .brokenLink }.allSatisfy { $0.message.contains("missing-") })
    }

    @Test func footnoteProblemsAreWarningsWithTheirLine() throws {
        let site = HostileSite(text: ["page.md": "---\ntitle: Страница\n---\nТекст[^1] и[^2].\n\n[^1]: одна\n[^1]: снова\n"])
        let result = site.build()
        #expect(result.succeeded)
        let found = result.diagnostics.filter { $0.code.rawValue.hasPrefix("footnote-") }.map { "\($0.code)@\($0.line)" }.sorted()
        #expect(found == ["footnote-duplicate@7", "footnote-missing@4"])
        #expect(result.diagnostics.filter { $0.code.rawValue.hasPrefix("footnote-") }.allSatisfy { $0.severity == .warning })
    }

    @Test func tableCellsAndFootnotesAreInTheSearchTextWithoutPipes() throws {
        let page = MarkdownRenderer().render("| Канал | Срок |\n|---|---|\n| Telegram | час |\n\nСм.[^1]\n\n[^1]: Закон о рекламе.\n")
        let text = page.sections.map(\.text).joined(separator: "\n")
        // Reference numbers and back-links are markup of ours, not text: the words are the writer's.
        #expect(text == "Канал Срок\nTelegram час\nСм.\nЗакон о рекламе.", "\(text)")
        #expect(!text.contains("|"))
    }

    @Test func almanacYmlSwitchesExtensions() {
        let (map, mapProblems) = ConfigLoader.parse("title: T\nmarkdown:\n  extensions: {tables: false, callouts: true}\n")
        #expect(mapProblems.isEmpty)
        #expect(map?.markdownExtensions == MarkdownExtensions.all.subtracting(.tables))
        let (list, listProblems) = ConfigLoader.parse("title: T\nmarkdown:\n  extensions: [tables, footnotes]\n")
        #expect(listProblems.isEmpty)
        #expect(list?.markdownExtensions == [.tables, .footnotes])
        let (none, _) = ConfigLoader.parse("title: T\nmarkdown:\n  extensions: []\n")
        #expect(none?.markdownExtensions == [])
        let (all, _) = ConfigLoader.parse("title: T\n")
        #expect(all?.markdownExtensions == .all)
        let (_, unknown) = ConfigLoader.parse("title: T\nmarkdown:\n  extensions: [tabels]\n")
        #expect(unknown.map(\.message) == ["markdown.extensions: неизвестное расширение «tabels»"])
    }

    @Test func aSiteWithTablesOffShowsPipes() throws {
        let config = HostileSite.config + "markdown:\n  extensions: {tables: false}\n"
        let site = HostileSite(text: ["page.md": "---\ntitle: Страница\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n"], config: config)
        let result = site.build()
        #expect(result.succeeded)
        #expect(!site.read("page/index.html").contains("<table>"))
        #expect(site.read("page/index.html").contains("| a | b |"))
    }
}
