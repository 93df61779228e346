import Foundation
import Testing
@testable import Almanac

@Suite struct AnchorAliasTests {
    @Test func slightRewordingsFindTheirSuccessor() {
        #expect(AnchorAliases.successor(of: "chto-delat", among: ["chto-delat-srazu", "chego-ne-delat"]) == "chto-delat-srazu")
        #expect(AnchorAliases.successor(of: "pervyy-chas-krizisa", among: ["pervyy-chas-krizisa-v-sotssetyakh"]) != nil)
        #expect(AnchorAliases.successor(of: "kak-otvechat", among: ["kak-otvetit"]) == "kak-otvetit")
        #expect(AnchorAliases.successor(of: "primery", among: ["chek-list"]) == nil)
        #expect(AnchorAliases.successor(of: "chto-delat", among: ["chto-delat-srazu", "chek-list"]) == "chto-delat-srazu")
    }

    @Test func declaredAndRememberedAnchorsKeepOldLinksWorking() throws {
        let site = Fixtures.makeSite([
            "a.md": "---\ntitle: A\n---\n## Что делать\n\nТекст.\n\n## Примеры\n\nЕщё.\n",
            "b.md": "---\ntitle: B\n---\n[ссылка](a.md#chto-delat) и [ещё](a.md#primery)\n",
            "_index.md": "[B](b.md)\n",  // so b.md is no orphan: this test expects no warnings at all
        ])
        let out = site.appendingPathComponent("public")
        #expect(Build.run(BuildOptions(siteDirectory: site, output: out)).succeeded)

        // The headings are reworded; b.md still links to the old anchors.
        try "---\ntitle: A\nanchors: {primery: chek-list}\n---\n## Что делать сразу\n\nТекст.\n\n## Чек-лист\n\nЕщё.\n"
            .write(to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        let result = Build.run(BuildOptions(siteDirectory: site, output: out))
        #expect(result.succeeded, "\(result.diagnostics)")
        let html = try String(contentsOf: out.appendingPathComponent("a/index.html"), encoding: .utf8)
        #expect(html.contains("<h2 id=\"chto-delat-srazu\"><span class=\"anchor-alias\" id=\"chto-delat\"></span>"))
        #expect(html.contains("<h2 id=\"chek-list\"><span class=\"anchor-alias\" id=\"primery\"></span>"))

        // A third build still remembers both old anchors, with no new warnings.
        #expect(Build.run(BuildOptions(siteDirectory: site, output: out)).diagnostics.isEmpty)
        let again = try String(contentsOf: out.appendingPathComponent("a/index.html"), encoding: .utf8)
        #expect(again.contains("id=\"chto-delat\""))
    }

    @Test func aVanishedAnchorWithoutSuccessorIsReported() throws {
        let site = Fixtures.makeSite(["a.md": "## Примеры\n\nТекст.\n"])
        let out = site.appendingPathComponent("public")
        _ = Build.run(BuildOptions(siteDirectory: site, output: out))
        try "## Совсем другое\n\nТекст.\n".write(to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        let result = Build.run(BuildOptions(siteDirectory: site, output: out))
        #expect(result.diagnostics.contains { $0.code == .anchorRemoved && $0.message.contains("#primery") })
    }
}
