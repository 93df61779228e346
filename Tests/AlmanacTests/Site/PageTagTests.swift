import Foundation
import Testing
@testable import Almanac

/// Tags as the page declares them, with blank ones dropped and spaces and tabs at their ends cut.
@Suite struct PageTagTests {
    @Test func tagsAreTrimmedOfSpacesAndTabsOnly() throws {
        let yaml = "---\ntitle: Т\ntags: [\" кризис \", \"отзывы\", \"\\t\", \"\", \"\\tВК\", \"a b\"]\n---\nТекст\n"
        let (source, _) = ContentLoader(config: SiteConfig()).loadPage(data: Data(yaml.utf8), contentPath: "a.md")
        let page = SiteGraph.makePage(try #require(source), MarkdownRenderer().render("Текст"), address: PageAddress(directory: "a"),
                                      config: SiteConfig())
        #expect(page.tags == ["кризис", "отзывы", "ВК", "a b"])
    }
}
