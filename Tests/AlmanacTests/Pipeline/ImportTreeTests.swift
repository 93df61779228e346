import Foundation
import Testing
@testable import Almanac

/// Trees laid out by other tools (MkDocs, Hugo, GitBook, Obsidian), built in the import mode
/// (`--links warn`): each builds, has a home page, and says what it had to change, by code.
@Suite struct ImportTreeTests {
    static func importBuild(_ name: String) -> (BuildResult, URL) {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let result = Build.run(BuildOptions(siteDirectory: Fixtures.site(name), output: out, links: .warn))
        return (result, out)
    }

    static func codes(_ result: BuildResult) -> [String: Int] {
        result.diagnostics.reduce(into: [:]) { $0[$1.code.rawValue, default: 0] += 1 }
    }

    @Test func mkdocsTreeBuildsWithIndexFilesAsFolderPagesAndURLStyleLinks() throws {
        let (result, out) = Self.importBuild("import-mkdocs")
        #expect(result.succeeded, "\(result.diagnostics)")
        let files = Fixtures.files(in: out)
        // index.md is the home page and the folder's page; README.md is its folder's page.
        #expect(files.contains("index.html"))
        #expect(!files.contains("index/index.html") && !files.contains("user-guide/index/index.html"))
        #expect(!files.contains("about/README/index.html"))
        #expect(Fixtures.read(out, "about/index.html").contains("О проекте"))
        // `writing.md` beside `writing/`: the page keeps the address, no listing clashes with it.
        #expect(Fixtures.read(out, "user-guide/writing/index.html").contains("Как писать страницы"))
        // URL-style links become links to the pages they mean.
        let home = Fixtures.read(out, "index.html")
        #expect(home.contains("href=\"user-guide/\"") && home.contains("href=\"about/\""))
        let writing = Fixtures.read(out, "user-guide/writing/index.html")
        #expect(writing.contains("href=\"../configuration/\""), "../configuration/ read from the page's address")
        let configuration = Fixtures.read(out, "user-guide/configuration/index.html")
        #expect(configuration.contains("href=\"../../about/license/\""))
        #expect(configuration.contains("href=\"../writing/\""), "writing.html")
        #expect(Fixtures.read(out, "about/license/index.html").contains("href=\"../../user-guide/\""))
        #expect(Self.codes(result) == ["link-style": 1, "missing-image": 1], "\(result.diagnostics)")
        let ambiguous = try #require(result.diagnostics.first { $0.code == .linkStyle })
        #expect(ambiguous.message.contains("user-guide/setup") && ambiguous.message.contains("user-guide/writing/setup"))
        let hidden = try #require(result.diagnostics.first { $0.code == .missingImage })
        #expect(hidden.message.contains("скрытой папке"), "not «нет изображения»: the file exists, in a hidden folder")
    }

    @Test func hugoTreeReadsTOMLAndCoercesForeignFrontMatter() throws {
        let (result, out) = Self.importBuild("import-hugo")
        #expect(result.succeeded, "\(result.diagnostics)")
        let site = try #require(result.site)
        #expect(site.home?.title == "Главная", "TOML front matter of content/_index.md")
        let install = try #require(site.page("docs/install"))
        #expect(install.weight == 3 && install.tags == ["setup", "начало"] && install.date == "2024-03-15T10:00:00+03:00")
        let configure = try #require(site.page("docs/configure"))
        #expect(configure.weight == 5 && configure.tags == ["setup"] && configure.type == "article")
        #expect(site.page("docs/secret") == nil, "draft: yes is a draft")
        #expect(site.page("news/first")?.title == "Первая новость")
        #expect(Self.codes(result) == ["front-matter": 4, "schema": 1, "alias": 1, "duplicate-url": 1], "\(result.diagnostics)")
        // The first file keeps the address; the later one is named and left out.
        let clash = try #require(result.diagnostics.first { $0.code == .duplicateURL })
        #expect(clash.file == "content/docs/zz-old-install.md" && clash.message.contains("content/docs/install.md"))
        #expect(Fixtures.read(out, "docs/install/index.html").contains("Скачайте архив"))
        // Links written as URLs from a file whose folder they climb out of.
        #expect(Fixtures.read(out, "news/first/index.html").contains("href=\"../../docs/install/\""))
    }

    @Test func theSameHugoTreeWithoutImportModeStopsOnEveryProblemAtOnce() {
        let result = Build.run(BuildOptions(siteDirectory: Fixtures.site("import-hugo"), writeOutput: false))
        #expect(!result.succeeded)
        #expect(result.diagnostics.filter { $0.code == .schema }.count == 5)
        #expect(result.diagnostics.contains { $0.code == .duplicateURL && $0.severity == .error })
    }

    @Test func gitbookTreeHasReadmesAsFolderPagesAndKeepsThePageOverADemoFile() throws {
        let (result, out) = Self.importBuild("import-gitbook")
        #expect(result.succeeded, "\(result.diagnostics)")
        let files = Fixtures.files(in: out)
        #expect(files.contains("index.html") && files.contains("chapter-1/index.html") && files.contains("SUMMARY/index.html"))
        #expect(Fixtures.read(out, "chapter-2/index.html").contains("Глава 2"), "the page, not the demo file")
        #expect(Self.codes(result) == ["duplicate-url": 1, "missing-image": 1], "\(result.diagnostics)")
        #expect(result.diagnostics.first { $0.code == .duplicateURL }?.file == "content/chapter-2/index.html")
    }

    @Test func obsidianVaultGetsAGeneratedHomePageListingItsNotesAndNoOrphans() throws {
        let (result, out) = Self.importBuild("import-obsidian")
        #expect(result.succeeded, "\(result.diagnostics)")
        let home = Fixtures.read(out, "index.html")
        #expect(home.contains("Заметки"))
        for note in ["Входящие", "Проект Альфа", "Встреча 12 марта"] {
            #expect(home.contains(note), "home lists \(note)")
        }
        #expect(home.contains("<p>Заметки</p>"), "a site without a description has no dangling dash in the footer")
        #expect(Self.codes(result) == ["front-matter": 1], "\(result.diagnostics)")
        #expect(SiteLint.check(try #require(result.site)).filter { $0.code == .orphanPage }.isEmpty)
        // Wikilinks are not links: they stay as the writer typed them.
        #expect(Fixtures.read(out, "Входящие/index.html").contains("[[Проект Альфа]]"))
        // A link without .md, in angle brackets with spaces, finds the note.
        #expect(Fixtures.read(out, "Входящие/index.html").contains("href=\"../" + LinkResolver.percentEncode("Встреча 12 марта") + "/\">встречу"))
    }
}
