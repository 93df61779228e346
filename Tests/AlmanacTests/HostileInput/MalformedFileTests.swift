import Foundation
import Testing
@testable import Almanac

/// Broken files: each is reported with its file and line (or repaired and reported), the build
/// goes on to check everything else, and nothing crashes or hangs.
@Suite struct MalformedFileTests {
    static let good = "---\ntitle: Хорошая\n---\n# Хорошая\n"

    @Test func malformedFrontMatterIsAnErrorAtItsLineAndColumn() {
        let site = HostileSite(text: ["bad.md": "---\ntitle: Норма\ntags: [один, два\n---\nТекст\n", "ok.md": Self.good])
        let result = site.build()
        #expect(!result.succeeded)
        #expect(HostileSite.printed(result).contains("content/bad.md:4:1: error: ошибка в front matter"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build writes nothing")
    }

    @Test func unterminatedFrontMatterIsAnErrorAtLineOne() {
        let site = HostileSite(text: ["open.md": "---\ntitle: Без конца\n\nТекст без закрывающей черты\n"])
        let printed = HostileSite.printed(site.build())
        #expect(printed.contains("content/open.md:1: error: блок front matter не закрыт строкой ---"))
    }

    @Test func wrongFieldTypesAreSchemaErrorsNamingTheField() {
        let site = HostileSite(text: ["types.md": """
            ---
            title: [1, 2]
            date: вчера
            tags: 5
            description: {a: 1}
            draft: может быть
            weight: x
            ---
            Текст
            """])
        let printed = HostileSite.printed(site.build())
        for expected in ["types.md:2: error: поле «title»: ожидалась строка, а не список",
                         "types.md:3: error: поле «date»: ожидалась дата", "types.md:4: error: поле «tags»: ожидался список",
                         "types.md:5: error: поле «description»: ожидалась строка, а не словарь",
                         "types.md:6: error: поле «draft»: ожидалось true или false",
                         "types.md:7: error: поле «weight»: ожидалось целое число"] {
            #expect(printed.contains(expected), "missing: \(expected)\n\(printed)")
        }
    }

    @Test func byteOrderMarkAndWindowsLineEndsAreRemovedSilently() {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: С BOM\r\ntags: [bom]\r\n---\r\n# Заголовок\r\n\r\nТекст\r\n".utf8)
        let site = HostileSite(["bom.md": bytes])
        let result = site.build()
        #expect(result.succeeded, "\(HostileSite.printed(result))")
        let html = site.read("bom/index.html")
        #expect(html.contains("<title>С BOM — Тест</title>"))
        #expect(!html.contains("\r") && !html.contains("\u{FEFF}"))
        site.auditOutput()
    }

    @Test func invalidUTF8IsAnErrorAtItsLineAndTheTextIsRepaired() throws {
        let bytes = Data("---\ntitle: Битая\n---\nпервая строка\nвторая ".utf8) + Data([0xFF, 0xFE, 0xC3]) + Data(" строка\n".utf8)
        let site = HostileSite(["broken.md": bytes])
        let result = site.build()
        #expect(HostileSite.printed(result).contains("content/broken.md:5: error: файл не в кодировке UTF-8"))
        let page = try #require(result.site?.page("broken"))
        #expect(page.rendered.html.contains("вторая \u{FFFD}"))
    }

    @Test func nulBytesAreAnErrorAtTheirLineAndNeverReachOutput() throws {
        let bytes = Data("---\ntitle: \"Ноль\u{0}\"\n---\nтекст ".utf8) + Data([0]) + Data(" дальше\n".utf8)
        let site = HostileSite(["nul.md": bytes])
        let result = site.build()
        #expect(HostileSite.printed(result).contains("content/nul.md:2: error: в файле есть нулевой байт (NUL)"))
        let page = try #require(result.site?.page("nul"))
        #expect(!page.rendered.html.contains("\u{0}") && !page.title.contains("\u{0}"))
    }

    @Test func anEmptyFileIsAnUntitledPageNotACrash() throws {
        let site = HostileSite(text: ["empty.md": "", "only-fence.md": "---", "blank-fm.md": "---\n---\n"])
        let result = site.build()
        #expect(result.succeeded, "\(HostileSite.printed(result))")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("empty/index.html").path))
        #expect(site.read("empty/index.html").contains("<title>empty — Тест</title>"))
        site.auditOutput()
    }

    // Minutes, not seconds: under AddressSanitizer on a loaded machine it takes several.
    @Test(.timeLimit(.minutes(10))) func aTwentyMegabyteFileBuilds() throws {
        var text = "---\ntitle: Огромная страница\n---\n"
        let paragraph = "## Раздел\n\nАбзац о кризисных коммуникациях в социальных сетях, повторённый много раз. "
            + "Ещё одно предложение, чтобы строка была длиннее.\n\n"
        text.reserveCapacity(21_000_000)
        while text.utf8.count < 20_000_000 { text += paragraph }
        let site = HostileSite(text: ["huge.md": text])
        let result = site.build()
        #expect(result.succeeded, "\(HostileSite.printed(result).prefix(2000))")
        #expect(site.read("huge/index.html").utf8.count > 20_000_000)
        site.auditOutput()
    }

    @Test(.timeLimit(.minutes(10))) func markdownNestedTenThousandLevelsDeepBuilds() throws {
        let depth = 10_000
        let quotes = String(repeating: "> ", count: depth) + "в глубине цитат\n"
        var lists = ""
        for level in 0..<depth { lists += String(repeating: "  ", count: level) + "- пункт \(level)\n" }
        let brackets = String(repeating: "[", count: depth) + "текст" + String(repeating: "](https://example.org/)", count: depth) + "\n"
        let emphasis = String(repeating: "*", count: depth) + "жирный" + String(repeating: "*", count: depth) + "\n"
        let site = HostileSite(text: ["quotes.md": "---\ntitle: Цитаты\n---\n" + quotes,
                                      "lists.md": "---\ntitle: Списки\n---\n" + lists,
                                      "inline.md": "---\ntitle: Скобки\n---\n" + brackets + "\n" + emphasis])
        let result = site.build()
        #expect(result.succeeded, "\(HostileSite.printed(result).prefix(2000))")
        #expect(result.site?.pages.count == 3, "every page is loaded and rendered")
        site.auditOutput()
    }

    @Test func aFiveThousandCharacterHeadingGetsABoundedAnchor() throws {
        let heading = String(repeating: "длинный заголовок ", count: 280).prefix(5000)
        let site = HostileSite(text: ["long.md": "---\ntitle: Длинный\n---\n# \(heading)\n\nТекст.\n\n## \(heading)\n"])
        let result = site.build()
        #expect(result.succeeded, "\(HostileSite.printed(result))")
        let page = try #require(result.site?.page("long"))
        for h in page.rendered.headings { #expect(h.anchor.utf8.count <= 100, "anchor of \(h.anchor.utf8.count) bytes") }
        site.auditOutput()
    }
}
