import Foundation
import Testing
@testable import Almanac

/// `almanac check`: each kind of problem, found in a small site made for it.
@Suite struct CheckTests {
    static let config = """
        title: Тест
        language: ru
        types:
          principle:
            folder: principles
            fields:
              order: {type: int, required: true}
              status: {type: string, values: [черновик, готово]}

        """

    func check(_ files: [String: String]) -> [Diagnostic] {
        let site = Fixtures.makeSite(files, config: Self.config)
        return Build.run(BuildOptions(siteDirectory: site, writeOutput: false)).diagnostics
    }

    /// Pages that link to each other, so no orphan warnings muddy the other checks.
    static let linked: [String: String] = [
        "_index.md": "# Главная\n\n[А](a.md) и [Б](b.md).\n",
        "a.md": "# Страница А\n\nСм. [Б](b.md).\n\n## Что делать\n\nТекст.\n",
        "b.md": "# Страница Б\n\nСм. [А](a.md).\n",
    ]

    func site(with changes: [String: String]) -> [String: String] { Self.linked.merging(changes) { $1 } }

    @Test func cleanSiteHasNoProblems() {
        #expect(check(Self.linked) == [])
    }

    @Test func brokenLink() {
        let d = check(site(with: ["b.md": "# Страница Б\n\nСм. [А](a.md) и [В](v.md).\n"]))
        #expect(d.contains { $0.code == .brokenLink && $0.file == "content/b.md" && $0.line == 3 && $0.severity == .error })
    }

    @Test func brokenAnchorWithSuggestion() {
        let d = check(site(with: ["b.md": "# Страница Б\n\nСм. [А](a.md#chto-delt).\n"]))
        let anchor = d.first { $0.code == .brokenAnchor }
        #expect(anchor?.file == "content/b.md")
        #expect(anchor?.line == 3)
        #expect(anchor?.hint == "может быть, #chto-delat?")
    }

    @Test func missingImage() {
        let d = check(site(with: ["b.md": "# Страница Б\n\nСм. [А](a.md).\n\n![Схема](scheme.png)\n"]))
        #expect(d.contains { $0.code == .missingImage && $0.line == 5 })
    }

    @Test func imageWithoutAltText() {
        var files = site(with: ["b.md": "# Страница Б\n\nСм. [А](a.md).\n\n![](pic.png)\n"])
        files["pic.png"] = "png"
        let d = check(files)
        #expect(d.contains { $0.code == .imageAlt && $0.severity == .warning && $0.line == 5 })
    }

    @Test func schemaViolation() {
        var files = Self.linked
        files["_index.md"]! += "\n[П](principles/p.md)\n"
        files["principles/p.md"] = "---\ntitle: Принцип\nstatus: готов\n---\nТекст.\n"
        let d = check(files)
        #expect(d.contains { $0.code == .schema && $0.file == "content/principles/p.md" && $0.message.contains("order") })
        #expect(d.contains { $0.code == .schema && $0.line == 3 && $0.hint?.contains("готово") == true })
    }

    @Test func duplicateTitle() {
        let d = check(site(with: ["b.md": "---\ntitle: Страница А\n---\nСм. [А](a.md).\n"]))
        let dup = d.first { $0.code == .duplicateTitle }
        #expect(dup?.file == "content/b.md")
        #expect(dup?.line == 2)
        #expect(dup?.message.contains("content/a.md") == true)
    }

    @Test func duplicateURL() {
        let d = check(site(with: ["c.md": "---\nslug: a\n---\n# В\n\n[А](a.md)\n", "b.md": "# Б\n\n[А](a.md), [В](c.md)\n"]))
        #expect(d.contains { $0.code == .duplicateURL && $0.severity == .error })
    }

    @Test func orphanPage() {
        // The readers' home lists no page of the authors' area: one at the top level needs a link.
        let files = site(with: ["docs.md": "# Для авторов\n\nСсылается на [А](a.md), но на неё никто.\n",
                                "docs/style.md": "# Стиль\n"])
        let dir = Fixtures.makeSite(files, config: Self.config + "authors_area: docs\n")
        let d = Build.run(BuildOptions(siteDirectory: dir, writeOutput: false)).diagnostics
        #expect(d.filter { $0.code == .orphanPage }.map(\.file) == ["content/docs.md"])
    }

    @Test func aPageInAFolderWithoutItsOwnPageIsListedByTheGeneratedListing() {
        // An imported tree without _index.md is not a storm of orphans: the listing leads to the page.
        let d = check(site(with: ["misc/lonely.md": "# Одинокая\n\nСсылается на [А](../a.md), но на неё никто.\n"]))
        #expect(!d.contains { $0.code == .orphanPage }, "\(d)")
    }

    @Test func orphanWarningsCanBeTurnedOffAndUnknownCodesAreConfigErrors() {
        let files = site(with: ["docs.md": "# Для авторов\n"])
        let off = Fixtures.makeSite(files, config: Self.config + "authors_area: docs\nlint:\n  orphan-page: off\n")
        #expect(!Build.run(BuildOptions(siteDirectory: off, writeOutput: false)).diagnostics.contains { $0.code == .orphanPage })
        let typo = Fixtures.makeSite(files, config: Self.config + "lint:\n  orphan-pages: off\n")
        let d = Build.run(BuildOptions(siteDirectory: typo, writeOutput: false)).diagnostics
        let error = d.first { $0.code == .config }
        #expect(error?.message.contains("orphan-pages") == true)
        #expect(error?.hint?.contains("orphan-page,") == true)
    }

    @Test func turningACodeOffNeverHidesAnError() {
        let files = site(with: ["b.md": "# Б\n\n[нет](missing.md)\n"])
        let dir = Fixtures.makeSite(files, config: Self.config + "lint:\n  broken-link: off\n")
        #expect(Build.run(BuildOptions(siteDirectory: dir, writeOutput: false)).diagnostics.contains {
            $0.code == .brokenLink && $0.severity == .error
        })
        #expect(!Build.run(BuildOptions(siteDirectory: dir, links: .warn, writeOutput: false)).diagnostics.contains {
            $0.code == .brokenLink
        })
    }

    @Test func pagesListedByTheirSectionPageOrLinkedAreNoOrphans() {
        let d = check(site(with: [
            "guide/_index.md": "# Раздел\n\nВведение в раздел.\n",
            "guide/listed.md": "# В списке раздела\n",
            "misc/linked.md": "# Со ссылкой\n",
            "a.md": "# Страница А\n\nСм. [Б](b.md) и [ещё](misc/linked.md).\n\n## Что делать\n\nТекст.\n",
        ]))
        #expect(!d.contains { $0.code == .orphanPage }, "\(d)")
    }

    @Test func sectionPagesAndHomeAreNeverOrphans() {
        let d = check(site(with: ["guide/_index.md": "# Раздел\n\n[А](../a.md)\n"]))
        #expect(!d.contains { $0.code == .orphanPage })
    }

    @Test func repeatedParagraphAcrossPages() {
        let paragraph = "Если клиент пишет в выходные, ответьте в течение часа и назовите время следующего сообщения."
        let d = check(site(with: [
            "a.md": "# Страница А\n\nСм. [Б](b.md).\n\n## Что делать\n\n\(paragraph)\n",
            "b.md": "# Страница Б\n\nСм. [А](a.md).\n\n*Если* клиент пишет в  выходные,\nответьте в течение часа и назовите время следующего сообщения.\n",
        ]))
        let repeats = d.filter { $0.code == .repeatedParagraph }
        #expect(repeats.count == 1)
        #expect(repeats.first?.file == "content/b.md")
        #expect(repeats.first?.line == 5)
        #expect(repeats.first?.message.contains("content/a.md:7") == true)
    }

    @Test func repeatedParagraphWithinOnePageAndShortOnesIgnored() {
        let long = "Одна и та же мысль, повторённая дважды на одной странице, почти всегда означает забытую правку текста."
        let d = check(site(with: ["a.md": "# Страница А\n\nСм. [Б](b.md).\n\n## Что делать\n\n\(long)\n\nКороткий абзац.\n\n\(long)\n\nКороткий абзац.\n"]))
        let repeats = d.filter { $0.code == .repeatedParagraph }
        #expect(repeats.map(\.line) == [11])
    }

    @Test func codeBlocksAreNotParagraphs() {
        let code = "```\nэто строка кода которая повторяется дважды и в ней больше двенадцати слов точно да\n```\n"
        let d = check(site(with: ["a.md": "# Страница А\n\n[Б](b.md)\n\n## Что делать\n\n\(code)\n\(code)"]))
        #expect(!d.contains { $0.code == .repeatedParagraph })
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let d = check(site(with: ["b.md": "# Страница Б\n\nСм. [А](a.md) и [В](v.md).\n"]))
        let text = DiagnosticPrinter(format: .json).render(d)
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: Data(text.utf8))
        #expect(decoded == d.sorted())
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(object?.first?["file"] as? String == "content/b.md")
        #expect(object?.first?["line"] as? Int == 3)
        #expect(object?.first?["severity"] as? String == "error")
    }

    @Test func githubFormatAnnotatesFileAndLine() {
        let d = check(site(with: ["b.md": "# Страница Б\n\nСм. [А](a.md) и [В](v.md).\n"]))
        let text = DiagnosticPrinter(format: .github).render(d)
        #expect(text.hasPrefix("::error file=content/b.md,line=3,col="))
        #expect(text.contains("v.md"))
    }
}

/// The brief the knowledge base started from repeats its whole text, as delivered: pasted into
/// a page one paragraph per line, the lint must flag the second copy.
@Suite struct SeedRepeatTests {
    @Test(.enabled(if: SharedMaterial.exists("seed/000_8bc918fa59de860c.txt"), "../shared/seed is absent beside the checkout"))
    func theSeedDocumentsDuplicationIsCaught() throws {
        let seed = try String(contentsOf: SharedMaterial.file("seed/000_8bc918fa59de860c.txt"), encoding: .utf8)
        let lines = seed.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        let page = lines.joined(separator: "\n\n") + "\n"
        let site = Fixtures.makeSite(["_index.md": "# Главная\n\n[Бриф](brief.md)\n", "brief.md": page])
        let repeats = Build.run(BuildOptions(siteDirectory: site, writeOutput: false)).diagnostics
            .filter { $0.code == .repeatedParagraph }
        // Paragraph i (from 0) sits on line 2i+1, so the second copy starts after line `lines.count`:
        // its long paragraphs are flagged, the first copy's never.
        #expect(repeats.count >= 8)
        #expect(repeats.allSatisfy { $0.file == "content/brief.md" && $0.line > lines.count })
    }
}
