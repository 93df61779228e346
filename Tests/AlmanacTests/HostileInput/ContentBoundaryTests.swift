import Foundation
import Testing
@testable import Almanac

/// The content folder is a boundary: nothing outside it is read through links, images or
/// symbolic links, and nothing is written outside the output folder. Two pages never share a URL.
@Suite struct ContentBoundaryTests {
    @Test func linksAndImagesClimbingOutOfContentAreErrorsWithTheirPosition() {
        let site = HostileSite(text: ["a/page.md": "---\ntitle: A\n---\n[up](../../almanac.yml) and ![img](../../../etc/hosts)\n\n[deep](../../../../../../../../etc/passwd)\n"])
        let printed = HostileSite.printed(site.build())
        #expect(printed.contains("content/a/page.md:4:1: error: ссылка «../../almanac.yml» ведёт за пределы папки content/"), "\(printed)")
        #expect(printed.contains("content/a/page.md:4:29: error: ссылка «../../../etc/hosts» ведёт за пределы папки content/"), "\(printed)")
        #expect(printed.contains("content/a/page.md:6:1: error:"))
    }

    @Test func symbolicLinksOutOfContentAreSkippedWithAWarningAndNeverRead() throws {
        let outside = Fixtures.temporaryDirectory()
        try "---\ntitle: СЕКРЕТ-ФАЙЛ\n---\nsecret-body\n".write(to: outside.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
        try Data("SECRET-IMAGE".utf8).write(to: outside.appendingPathComponent("secret.png"))
        let site = HostileSite(text: ["index.md": "---\ntitle: Дом\n---\nТекст\n"])
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("leak.md").path, withDestinationPath: outside.appendingPathComponent("secret.md").path)
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("leak.png").path, withDestinationPath: outside.appendingPathComponent("secret.png").path)
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("leakdir").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("relative.md").path, withDestinationPath: "../almanac.yml")
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("loop").path, withDestinationPath: ".")
        // A link that stays inside content/ is followed.
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("alias.md").path, withDestinationPath: "index.md")
        let result = site.build()
        let printed = HostileSite.printed(result)
        for name in ["leak.md", "leak.png", "leakdir", "relative.md"] {
            #expect(printed.contains("content/\(name): warning: символическая ссылка ведёт за пределы content/ и пропущена"), "\(name): \(printed)")
        }
        #expect(result.succeeded, "\(printed)")
        for file in Fixtures.files(in: site.output) {
            let data = try Data(contentsOf: site.output.appendingPathComponent(file))
            for secret in ["СЕКРЕТ-ФАЙЛ", "secret-body", "SECRET-IMAGE"] {
                #expect(!String(decoding: data, as: UTF8.self).contains(secret), "\(file) holds \(secret)")
            }
        }
        site.auditOutput()
    }

    @Test func pagesDifferingOnlyInLetterCaseClaimOneURL() {
        let site = HostileSite(text: ["guide/Page.md": "---\ntitle: Один\n---\nа\n", "guide/page.md": "---\ntitle: Два\n---\nб\n"])
        let result = site.build()
        #expect(!result.succeeded)
        #expect(HostileSite.printed(result).contains("error: страница получает тот же адрес «guide/page/», что и content/guide/Page.md [duplicate-url]"))
    }

    @Test func composedAndDecomposedFileNamesClaimOneURL() throws {
        // «й» as one code point (NFC, Linux editors) and as и + combining breve (NFD, macOS).
        // Swift compares strings by canonical equivalence, so the two names cannot share a dictionary.
        let site = HostileSite(text: ["сл\u{0439}.md": "---\ntitle: Один\n---\nа\n"])
        site.write("сл\u{0438}\u{0306}.md", Data("---\ntitle: Два\n---\nб\n".utf8))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: site.content.path).map { Array($0.utf8) }).count == 2)
        let result = site.build()
        #expect(!result.succeeded)
        #expect(HostileSite.printed(result).contains("[duplicate-url]"), "\(HostileSite.printed(result))")
    }

    @Test func fileNamesWithSpacesQuotesAndEmojiGetWorkingEscapedAddresses() throws {
        let site = HostileSite(text: ["План \"Б\" & 🎉.md": "---\ntitle: Странное имя\n---\nТекст\n",
                                      "<ответ>.md": "---\ntitle: Угловое имя\n---\nТекст\n",
                                      "_index.md": "---\ntitle: Дом\n---\n[ссылка](<План \"Б\" & 🎉.md>) [два](%3Cответ%3E.md)\n"])
        let result = site.build()
        #expect(result.succeeded, "\(HostileSite.printed(result))")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("План \"Б\" & 🎉/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("<ответ>/index.html").path))
        let home = site.read("index.html")
        #expect(home.contains("<a href=\"%D0%9F%D0%BB%D0%B0%D0%BD%20%22%D0%91%22%20&amp;%20%F0%9F%8E%89/\">ссылка</a>"), "\(home)")
        #expect(home.contains("<a href=\"%3C%D0%BE%D1%82%D0%B2%D0%B5%D1%82%3E/\">два</a>"))
        site.auditOutput()
    }

    @Test func theBuildWritesNothingOutsideItsOutputFolder() throws {
        let parent = Fixtures.temporaryDirectory()
        let output = parent.appendingPathComponent("out")
        let site = ScriptPayloadTests.payloadSite()
        let result = site.build(output: output)
        #expect(result.succeeded, "\(HostileSite.printed(result))")
        // The output, the writer's staging folder and the build cache, nothing else.
        let beside = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        #expect(Set(beside).isSubset(of: [".out.cache", ".out.staging", "out"]) && beside.contains("out"), "\(beside)")
        let cached = try FileManager.default.contentsOfDirectory(atPath: parent.appendingPathComponent(".out.cache").path)
        #expect(cached.contains("build.bin") && cached.allSatisfy(BuildCacheFiles.isCacheFile), "\(cached)")
    }
}
