import Foundation
import Testing
@testable import Almanac

/// `edit_url:` gives every page with a source file a «Редактировать» link to it, as MkDocs's edit_uri.
@Suite struct EditLinkTests {
    func build(_ config: String) -> URL {
        let site = Fixtures.makeSite([
            "_index.md": "---\ntitle: Главная\n---\n\nТекст.\n",
            "Памятки/_index.md": "---\ntitle: Памятки\n---\n\n[Первый час](первый час.md)\n",
            "Памятки/первый час.md": "---\ntitle: Первый час\n---\n\nТекст.\n",
            "generated/page.md": "---\ntitle: Страница\n---\n\n[Главная](../_index.md)\n",
        ], config: "title: Тест\nlanguage: ru\n" + config)
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let result = Build.run(BuildOptions(siteDirectory: site, output: out))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return out
    }

    @Test func linksEachPageToItsSourceFileEncodedAndEscaped() {
        let out = build("edit_url: https://git.example.ru/R&D/wiki/-/edit/main/content\n")
        let page = Fixtures.read(out, "Памятки/первый час/index.html")
        let href = "https://git.example.ru/R&amp;D/wiki/-/edit/main/content/"
            + "%D0%9F%D0%B0%D0%BC%D1%8F%D1%82%D0%BA%D0%B8/%D0%BF%D0%B5%D1%80%D0%B2%D1%8B%D0%B9%20%D1%87%D0%B0%D1%81.md"
        #expect(page.contains("<a href=\"\(href)\" rel=\"nofollow\">"), "\(page)")
        #expect(page.contains("<span>Редактировать</span>"))
        #expect(Fixtures.read(out, "Памятки/index.html").contains("/%D0%9F%D0%B0%D0%BC%D1%8F%D1%82%D0%BA%D0%B8/_index.md\""))
        #expect(Fixtures.read(out, "index.html").contains("R&amp;D/wiki/-/edit/main/content/_index.md\""))
        // A section the generator made has no file to edit.
        #expect(!Fixtures.read(out, "generated/index.html").contains("class=\"edit-link\""))
    }

    @Test func noLinkWithoutEditURL() {
        let out = build("")
        #expect(!Fixtures.read(out, "Памятки/первый час/index.html").contains("class=\"edit-link\""))
    }

    @Test func editURLMustBeAWebAddress() {
        let (config, diagnostics) = ConfigLoader.parse("title: Т\nedit_url: gitlab.example.ru/edit\n")
        #expect(config == nil)
        #expect(diagnostics.first?.message.contains("edit_url") == true)
        let (ok, _) = ConfigLoader.parse("title: Т\nedit_url: https://github.com/team/wiki/edit/main/content\n")
        #expect(ok?.editURL == "https://github.com/team/wiki/edit/main/content/")
    }
}
