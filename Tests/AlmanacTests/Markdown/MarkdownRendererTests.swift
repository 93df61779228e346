import Testing
@testable import Almanac

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func headingsGetTransliteratedUniqueAnchors() {
        let page = renderer.render("## Что делать\n\nтекст\n\n## Что делать\n\n### Ёжик в тумане\n")
        #expect(page.headings.map(\.anchor) == ["chto-delat", "chto-delat-2", "ezhik-v-tumane"])
        #expect(page.html.hasPrefix("<h2 id=\"chto-delat\">Что делать <a class=\"permalink\" href=\"#chto-delat\" aria-label=\"Ссылка на раздел\">#</a></h2>\n<p>текст</p>"))
    }

    @Test func leadingTitleIsLiftedAndItsTextBecomesTheIntro() {
        let page = renderer.render("# Заголовок\n\nВступление.\n\n## Раздел\n\nТекст раздела.\n")
        #expect(page.leadingTitle == "Заголовок")
        #expect(!page.html.contains("<h1"))
        #expect(page.sections.map(\.anchor) == ["", "razdel"])
        #expect(page.sections[0].text == "Вступление.")
        #expect(page.sections[1].text == "Текст раздела.")
    }

    @Test func rawHTMLAndScriptURLsAreDroppedByDefault() {
        let page = renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
        #expect(!page.html.contains("<script"))
        #expect(!page.html.contains("javascript:"))
        #expect(!page.html.contains("onerror"))
    }

    @Test func linksAreReportedWithFileLinesAndRewritten() {
        let page = renderer.render("Текст\n\nсм. [эмпатию](../principles/empathy.md#chto-delat)\n", firstLine: 5) { dest, _ in
            dest == "../principles/empathy.md#chto-delat" ? "../../principles/empathy/#chto-delat" : nil
        }
        #expect(page.links.first?.line == 7)
        #expect(page.html.contains("href=\"../../principles/empathy/#chto-delat\""))
    }

    @Test func smartPunctuationIsConfigurable() {
        #expect(renderer.render("\"цитата\" -- тире").html.contains("“цитата” – тире"))
        let plain = MarkdownRenderer(options: .init(smartPunctuation: false))
        #expect(plain.render("\"цитата\"").html.contains("&quot;цитата&quot;"))
    }

    @Test func codeBlocksTakeKeyboardFocusInTheSiteMarkupOnly() {
        #expect(renderer.render("```swift\nlet x = 1\n```\n").html == "<pre tabindex=\"0\"><code class=\"language-swift\">let x = 1\n</code></pre>\n")
        let plain = MarkdownRenderer(options: .init(decorateHeadings: false))
        #expect(plain.render("    код\n").html == "<pre><code>код\n</code></pre>\n")
        #expect(renderer.render("    код\n").sections.first?.text == "код", "code stays searchable")
    }
}
