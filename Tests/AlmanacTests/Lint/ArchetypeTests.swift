import Foundation
import Testing
@testable import Almanac

/// `almanac new`: pages from the bundled archetypes are valid as they are, and nothing is overwritten.
@Suite struct ArchetypeTests {
    /// A copy of the bundled site's configuration and theme with an empty content folder.
    func emptyBundledSite() -> URL {
        let dir = Fixtures.temporaryDirectory()
        let fm = FileManager.default
        let root = SharedMaterial.repositoryRoot
        try? fm.copyItem(at: root.appendingPathComponent("almanac.yml"), to: dir.appendingPathComponent("almanac.yml"))
        try? fm.createSymbolicLink(at: dir.appendingPathComponent("templates"), withDestinationURL: root.appendingPathComponent("templates"))
        try? fm.createDirectory(at: dir.appendingPathComponent("content"), withIntermediateDirectories: true)
        try? "# Главная\n".write(to: dir.appendingPathComponent("content/_index.md"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test(arguments: ["principle", "reply", "case", "article"])
    func newPageOfEveryBundledTypeBuilds(type: String) throws {
        let site = emptyBundledSite()
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        let path = try Archetype.createPage(type: type, title: "Ответ на «жалобу»: \"срочно\"", siteDirectory: site, date: date).get()
        let folder = ["principle": "principles/", "reply": "replies/", "case": "cases/", "article": ""][type]!
        #expect(path == "content/\(folder)otvet-na-zhalobu-srochno.md")
        let text = Fixtures.read(site, path)
        #expect(text.contains("title: \"Ответ на «жалобу»: \\\"срочно\\\"\""))
        #expect(text.contains("date: \(Archetype.day(date))"))
        let result = Build.run(BuildOptions(siteDirectory: site, writeOutput: false))
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        #expect(result.site?.page(String(path.dropFirst("content/".count).dropLast(3)))?.title == "Ответ на «жалобу»: \"срочно\"")
    }

    @Test func refusesToOverwrite() throws {
        let site = emptyBundledSite()
        let path = try Archetype.createPage(type: "article", title: "Памятка", siteDirectory: site).get()
        try "мой текст".write(to: site.appendingPathComponent(path), atomically: true, encoding: .utf8)
        let second = Archetype.createPage(type: "article", title: "Памятка", siteDirectory: site)
        guard case .failure(let failure) = second else { Issue.record("overwrote \(path)"); return }
        #expect(failure.diagnostic.code == .exists)
        #expect(!failure.isUsage)
        #expect(Fixtures.read(site, path) == "мой текст")
    }

    @Test func unknownTypeIsAUsageError() {
        guard case .failure(let failure) = Archetype.createPage(type: "recipe", title: "Борщ", siteDirectory: emptyBundledSite()) else {
            Issue.record("created a page of an unknown type"); return
        }
        #expect(failure.isUsage)
        #expect(failure.diagnostic.hint?.contains("reply") == true)
    }
}
