import Foundation
import Testing
import ZIPFoundation
@testable import Almanac
@testable import AlmanacProducts

@Suite struct OfflineBundleTests {
    private func bundle(_ name: String, into dir: URL) -> OfflineBundle.Result {
        OfflineBundle.make(BuildOptions(siteDirectory: Fixtures.site(name)), zip: dir.appendingPathComponent("kb.zip"))
    }

    @Test func theSameSourcesGiveTheSameBytes() throws {
        let a = bundle("typed", into: Fixtures.temporaryDirectory())
        let b = bundle("typed", into: Fixtures.temporaryDirectory())
        #expect(a.build.succeeded, "\(a.build.diagnostics)")
        let first = try Data(contentsOf: #require(a.zip)), second = try Data(contentsOf: #require(b.zip))
        #expect(first == second)
        #expect(a.bytes == first.count && a.entries > 10)
    }

    @Test func entriesAreSortedUnderOneFolderWithOfflineLinksAndNoBookkeeping() throws {
        let result = bundle("typed", into: Fixtures.temporaryDirectory())
        let archive = try Archive(url: #require(result.zip), accessMode: .read)
        let paths = archive.map(\.path)
        #expect(paths.first == "kb/")
        #expect(paths.allSatisfy { $0.hasPrefix("kb/") })
        #expect(paths == paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(!paths.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } }, "hidden build files leak into the zip")
        for wanted in ["kb/index.html", "kb/replies/delay/index.html", "kb/search/index.html", "kb/assets/js/almanac.js"] {
            #expect(paths.contains(wanted), "missing \(wanted)")
        }
        #expect(archive.allSatisfy { $0.fileAttributes[.modificationDate] as? Date == OfflineBundle.entryDate })

        var html = Data()
        _ = try archive.extract(#require(archive["kb/replies/delay/index.html"])) { html.append($0) }
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.contains("href=\"../../index.html\""), "links must name index.html files to work from disk")
    }

    @Test func aBundleKeepsTheAnchorsThePublishedSiteHad() throws {
        let site = Fixtures.makeSite([
            "a.md": "---\ntitle: A\n---\n## Что делать\n\nТекст.\n",
            "_index.md": "[A](a.md#chto-delat)\n",
        ])
        #expect(Build.run(BuildOptions(siteDirectory: site)).succeeded) // publishes public/ with #chto-delat
        try "---\ntitle: A\n---\n## Что делать сразу\n\nТекст.\n"
            .write(to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        let result = OfflineBundle.make(BuildOptions(siteDirectory: site), zip: Fixtures.temporaryDirectory().appendingPathComponent("kb.zip"))
        #expect(result.build.succeeded, "the link to the old anchor is known: \(result.build.diagnostics)")
        let archive = try Archive(url: #require(result.zip), accessMode: .read)
        var html = Data()
        _ = try archive.extract(#require(archive["kb/a/index.html"])) { html.append($0) }
        #expect(String(decoding: html, as: UTF8.self).contains("<h2 id=\"chto-delat-srazu\"><span class=\"anchor-alias\" id=\"chto-delat\"></span>"))
    }

    @Test func aFailedBuildWritesNoZipAndKeepsTheOldOne() throws {
        let dir = Fixtures.temporaryDirectory()
        let zip = dir.appendingPathComponent("kb.zip")
        try Data("old".utf8).write(to: zip)
        let result = OfflineBundle.make(BuildOptions(siteDirectory: Fixtures.site("broken")), zip: zip)
        #expect(!result.build.succeeded)
        #expect(result.zip == nil)
        #expect(try Data(contentsOf: zip) == Data("old".utf8))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".kb.zip.partial").path))
    }
}
