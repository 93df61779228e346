import Foundation
import Testing
@testable import Almanac

/// The writer: files made as they are written, unchanged files left alone, stale ones removed,
/// and folders with many files written whole.
@Suite struct OutputWriterTests {
    func read(_ url: URL, _ path: String) -> String? {
        try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    func modified(_ url: URL, _ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path))?[.modificationDate] as? Date
    }

    @Test func writesDeferredFilesBesideReadyOnes() {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let pages = (0..<300).map { i in DeferredFile(path: "big/p\(i).html") { "страница \(i)" } }
            + [DeferredFile(path: "a/b/c/index.html") { "<p>глубоко</p>" }]
        let diagnostics = OutputWriter(output: out).write([OutputFile(path: "index.html", text: "главная")], deferred: pages)
        #expect(diagnostics.isEmpty)
        #expect(read(out, "index.html") == "главная")
        #expect(read(out, "big/p0.html") == "страница 0")
        #expect(read(out, "big/p299.html") == "страница 299")
        #expect(read(out, "a/b/c/index.html") == "<p>глубоко</p>")
    }

    @Test func rebuildsKeepUnchangedFilesAndDropStaleOnes() {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let writer = OutputWriter(output: out)
        // Two builds fill both the output and the staging folder it swaps with.
        for _ in 0..<2 {
            #expect(writer.write([OutputFile(path: "same.html", text: "как было"), OutputFile(path: "old/x.html", text: "x"),
                                  OutputFile(path: "was-file", text: "f")],
                                 deferred: [DeferredFile(path: "changes.html") { "один" }]).isEmpty)
        }
        // The next build writes into the staging folder, which holds the site of two builds ago.
        let staging = out.deletingLastPathComponent().appendingPathComponent(".public.staging")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try? FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: staging.appendingPathComponent("same.html").path)
        #expect(writer.write([OutputFile(path: "same.html", text: "как было"), OutputFile(path: "was-file/now-folder.html", text: "п")],
                             deferred: [DeferredFile(path: "changes.html") { "два, длиннее" }]).isEmpty)
        #expect(read(out, "same.html") == "как было")
        #expect(modified(out, "same.html") == old, "a file with the same bytes is not written again")
        #expect(read(out, "changes.html") == "два, длиннее")
        #expect(read(out, "was-file/now-folder.html") == "п")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("old").path))
    }

    /// A file whose bytes have the hash the last build recorded for its path is linked to the
    /// published one without reading it; without the record it is compared byte for byte.
    @Test func aRecordedHashSparesReadingThePublishedFile() throws {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let writer = OutputWriter(output: out)
        let files = [OutputFile(path: "search/f/1.bin", text: "часть"), OutputFile(path: "robots.txt", text: "User-agent: *")]
        let first = writer.write(files, known: [:])
        #expect(first.diagnostics.isEmpty)
        #expect(first.hashes == ["search/f/1.bin": ContentHash(of: Data("часть".utf8)),
                                 "robots.txt": ContentHash(of: Data("User-agent: *".utf8))])

        // The published file is not what the record says (nothing in a build does this; it shows
        // which files were read): trusted with the record, compared without it.
        let published = out.appendingPathComponent("search/f/1.bin")
        try Data("подмена".utf8).write(to: published)
        let trusted = writer.write(files, known: first.hashes)
        #expect(trusted.diagnostics.isEmpty && read(out, "search/f/1.bin") == "подмена")
        let compared = writer.write(files, known: [:])
        #expect(compared.diagnostics.isEmpty && read(out, "search/f/1.bin") == "часть")
        #expect(read(out, "robots.txt") == "User-agent: *")
    }

    @Test func onlyPathsThatStayInsideTheOutputAreSafe() {
        for path in ["index.html", "a/b/index.html", ".almanac/anchors.json", "кейсы/отзыв.html", "...", "a/.b/c..d"] {
            #expect(OutputWriter.isSafe(path), "\(path)")
        }
        for path in ["", "/etc/passwd", "a/../b", "../a", "./a", "a/.", "a//b", "a/", "a\\b", "a\u{0}b", ".."] {
            #expect(!OutputWriter.isSafe(path), "\(path)")
        }
    }

    @Test func twoFilesOnOnePathAreRefused() {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let d = OutputWriter(output: out).write([OutputFile(path: "a.html", text: "1")], deferred: [DeferredFile(path: "a.html") { "2" }])
        #expect(d.first?.code == .output)
    }
}
