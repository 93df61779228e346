import Foundation
import Testing
@testable import Almanac
import AlmanacFuzzing

/// Script and markup in every place content can put it: titles, descriptions, tags, file names,
/// bodies, link and image addresses, front matter that becomes links. The site builds, and no
/// output file (page, sidebar, tag page, search index and its offline twins, sitemap, feed,
/// redirect) carries anything a browser would run.
@Suite struct ScriptPayloadTests {
    static let script = "<script>alert(1)</script>"
    static let attribute = "\" onmouseover=\"alert(1)\" x=\""
    static let image = "<img src=x onerror=alert(1)>"

    static func payloadSite() -> HostileSite {
        HostileSite(text: [
            "_index.md": "---\ntitle: Главная\n---\nСм. [титулы](titles.md), [тело](body/index.md) и [имена](names/_index.md).\n",
            "titles.md": """
                ---
                title: '\(script)\(attribute)'
                description: '\(image) </title><script>alert(2)</script>'
                date: 2026-01-15
                tags: ['\(script)', 'javascript:alert(1)', '"><svg onload=alert(1)>', "</script><script>alert(3)//"]
                aliases: [old/<script>, 'old/"><img src=x onerror=alert(1)>']
                ---
                # \(script)

                Ссылки: [тело](body/index.md).
                """,
            "body/index.md": """
                ---
                title: Тело
                ---
                \(script)

                <iframe src="javascript:alert(1)"></iframe> \(image) <a href="javascript:alert(1)">a</a>

                [js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [tab](java\tscript:alert(1))
                [entity](&#106;avascript:alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=)
                [spaced]( javascript:alert(1) ) [ref][r]

                ![js](javascript:alert(1)) ![svg](data:image/svg+xml,<svg onload=alert(1)>) ![vb](vbscript:x)
                ![ok](data:image/png;base64,iVBORw0KGgo=)

                <javascript:alert(1)> <vbscript:alert(1)>

                [r]: javascript:alert(1) "t"

                ## Заголовок \(script) `\(script)` {#x"onclick="alert(1)}

                ```html\n\(script)\n```
                """,
            "names/_index.md": "---\ntitle: Имена\n---\n[a](<with space \"quote\" 🎉.md>) [b](<'><script>alert(1)<.md>)\n",
            "names/with space \"quote\" 🎉.md": "---\ntitle: Пробелы\ntags: [emoji 🎉]\n---\nТекст.\n",
            "names/'><script>alert(1)<.md": "---\ntitle: Скрипт в имени\n---\nТекст.\n",
        ])
    }

    @Test(arguments: [false, true]) func noOutputCarriesScriptFromContent(offline: Bool) throws {
        let site = Self.payloadSite()
        let result = site.build(offline: offline)
        let printed = HostileSite.printed(result)
        #expect(!printed.contains("error:"), "\(printed)")
        site.auditOutput()
        // The payloads are there, as text.
        let titles = site.read("titles/index.html")
        #expect(titles.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(site.read("body/index.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let files = Fixtures.files(in: site.output)
        #expect(files.contains { $0.hasPrefix("names/with space \"quote\" 🎉/") || $0.hasPrefix("names/with-space") })
        if !offline {
            #expect(files.contains("sitemap.xml") && files.contains("feed.xml"))
        }
    }

    @Test func unsafeAddressesInLinksAndImagesAreRemoved() throws {
        let site = Self.payloadSite()
        let result = site.build()
        // body/index.md is its folder's own page (index_files), so its id is the folder.
        let html = try #require(result.site?.page("body")).rendered.html
        #expect(html.contains("<a href=\"\">js</a>") && html.contains("<img src=\"\" alt=\"js\" />"), "unsafe addresses are emptied")
        #expect(MarkupAudit.findings(in: html) == [], "\(MarkupAudit.findings(in: html))")
        #expect(html.contains("data:image/png;base64"), "a safe inline image stays")
    }

    @Test func frontMatterFieldsThatBecomeLinksOnlyLinkInsideTheSite() throws {
        let site = HostileSite(text: [
            "cases/x.md": """
                ---
                title: Кейс
                principles: ['javascript:alert(1)', '../../../etc/passwd', 'data:text/html,<script>alert(1)</script>']
                aliases: ['javascript:alert(1)']
                slug: 'javascript:alert(1)'
                ---
                Текст.
                """,
        ], config: HostileSite.config + "types:\n  case:\n    folder: cases\n    title: Кейсы\n    singular: Кейс\n    facts: [principles]\n    fields:\n      principles: {type: list, ref: principle}\n  principle:\n    folder: principles\n    title: Принципы\n    singular: Принцип\n")
        let result = site.build()
        let printed = HostileSite.printed(result)
        for target in ["javascript:alert(1)", "../../../etc/passwd", "data:text/html,<script>alert(1)</script>"] {
            #expect(printed.contains("content/cases/x.md:3: error: поле «principles»: нет страницы «\(target)»"), "\(printed)")
        }
        #expect(printed.contains("content/cases/x.md:5: warning: slug «javascript:alert(1)» заменён на «javascript-alert-1»"))
        // An alias is a path inside the site, whatever its letters: here a folder named «javascript:alert(1)».
        let redirects = try #require(result.site?.redirects)
        #expect(redirects.map(\.from.directory) == ["javascript:alert(1)"])
    }

    @Test func payloadsInAliasesBecomeSafeRedirectPages() throws {
        let site = Self.payloadSite()
        _ = site.build()
        let redirects = Fixtures.files(in: site.output).filter { $0.hasPrefix("old/") }
        #expect(redirects.count == 2, "\(redirects)")
        for file in redirects {
            let html = site.read(file)
            #expect(html.contains("url=../../titles/") || html.contains("url=/") || html.contains("titles"), "\(html)")
            #expect(MarkupAudit.findings(in: html) == [])
        }
    }

    @Test func controlCharactersInNamesAndValuesAreShownNotObeyedByTheTerminal() {
        let site = HostileSite(text: ["evil\u{1B}]0;owned\u{07}.md": "---\ntitle: \"\\e[2J\\e[31mкрасный\"\ntype: \"\\e[2Jнет\"\n---\nТекст\n"])
        let printed = HostileSite.printed(site.build())
        #expect(!printed.contains("\u{1B}") && !printed.contains("\u{07}"), "\(printed.debugDescription)")
        #expect(printed.contains("\\u{1B}"))
        let github = DiagnosticPrinter(format: .github).render(site.build().diagnostics)
        #expect(!github.contains("\u{1B}"))
        #expect(github.split(separator: "\n").allSatisfy { $0.hasPrefix("::") })
    }
}
