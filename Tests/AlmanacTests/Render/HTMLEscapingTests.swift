import Foundation
import Testing
@testable import Almanac

/// The theme's `{{value}}` escaping: the five characters HTML needs, on bytes.
@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveCharacters() {
        #expect(HTMLEscaping.escape(#"<a href="x" title='y'>Том & «Джерри»</a>"#)
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Том &amp; «Джерри»&lt;/a&gt;")
        #expect(HTMLEscaping.escape("Без особых знаков — ничего не меняется") == "Без особых знаков — ничего не меняется")
        #expect(HTMLEscaping.escape("") == "")
        // A combining mark after "<" makes one Character, which a Character-level escape leaves as it is.
        #expect(HTMLEscaping.escape("<\u{0338}script>") == "&lt;\u{0338}script&gt;")
    }

    @Test func everyTemplateOfTheThemeUsesIt() throws {
        let (theme, diagnostics) = Theme.load(siteDirectory: SharedMaterial.repositoryRoot, language: "ru")
        #expect(diagnostics.isEmpty)
        let library = try #require(theme?.library)
        // Rendered on its own, a partial still escapes with HTMLEscaping (partials reset the content type).
        let html = try #require(library.render(["url": "a\"b", "title": "<\u{0338}x>", "isSection": false, "hasChildren": false] as [String: Any],
                                               withTemplate: "nav-item"))
        #expect(html.contains("href=\"a&quot;b\""))
        #expect(html.contains("&lt;\u{0338}x&gt;"))
    }
}
