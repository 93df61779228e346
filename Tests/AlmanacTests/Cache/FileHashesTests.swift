import Foundation
import Testing
@testable import Almanac
#if canImport(Glibc)
import Glibc
#endif

/// A rebuild takes an unchanged file's hash from the last build's record instead of reading it
/// (`FileHashes`): a file whose stamp changed in any way is read again, a stamp recorded too soon
/// after the file changed is not trusted, and a file found changed after it was known by its hash
/// stops the build before anything is published.
@Suite struct FileHashesTests {
    static let hash = ContentHash(of: "текст")

    static func stamp(changed: Int64, size: Int64 = 10) -> FileStamp {
        var info = stat()
        info.st_size = Int(size)
        info.st_mtim.tv_sec = Int(changed / 1_000_000_000)
        info.st_ctim.tv_sec = Int(changed / 1_000_000_000)
        info.st_ino = 7
        return FileStamp(info)
    }

    @Test func aStampIsTrustedOnlyWhenEqualAndSettledBeforeTheRecord() {
        let taken = Date(timeIntervalSince1970: 1_000_000)
        let old = Self.stamp(changed: 999_990 * 1_000_000_000)
        let recent = Self.stamp(changed: 999_999 * 1_000_000_000)
        let hashes = FileHashes(taken: taken, entries: ["/a": .init(stamp: old, hash: Self.hash),
                                                        "/b": .init(stamp: recent, hash: Self.hash)])
        #expect(hashes.hash(of: "/a", stamp: old, margin: 2) == Self.hash)
        #expect(hashes.hash(of: "/a", stamp: Self.stamp(changed: 999_990 * 1_000_000_000, size: 11), margin: 2) == nil)
        #expect(hashes.hash(of: "/b", stamp: recent, margin: 2) == nil, "changed a second before the record")
        #expect(hashes.hash(of: "/b", stamp: recent, margin: 0) == Self.hash)
        #expect(hashes.hash(of: "/c", stamp: old, margin: 0) == nil)

        var writer = CacheWriter()
        writer.write(hashes)
        var reader = CacheReader(writer.bytes)
        let read = try? FileHashes(from: &reader)
        #expect(read?.taken == hashes.taken && read?.entries["/a"]?.stamp == old && read?.entries["/b"]?.hash == Self.hash)
    }

    @Test func theFingerprintReadsOnlyFilesWhoseStampChanged() throws {
        let site = Fixtures.makeSite(["a.md": "---\ntitle: А\n---\nпервый текст\n", "b.md": "# Б\n\nвторой текст\n"])
        let options = BuildOptions(siteDirectory: site)
        Thread.sleep(forTimeInterval: 0.02)  // the files changed before the first fingerprint began
        let first = InputFingerprint.take(options, known: nil, margin: 0)
        #expect(first.sources.values.allSatisfy { $0.bytes != nil })

        let second = InputFingerprint.take(options, known: first.hashes, margin: 0)
        #expect(second.sources.values.allSatisfy { $0.bytes == nil }, "nothing changed: nothing read")
        #expect(second.content == first.content && second.templates == first.templates)
        #expect(second.sources["a.md"]?.hash == first.sources["a.md"]?.hash)
        let waited = InputFingerprint.take(options, known: first.hashes, margin: 3600)
        #expect(waited.sources.values.allSatisfy { $0.bytes != nil }, "files younger than the margin are read")

        // Same size, the old modification time put back: the change time still tells.
        let a = site.appendingPathComponent("content/a.md")
        let before = try #require(FileStamp.of(a.path))
        Thread.sleep(forTimeInterval: 0.02)
        try "---\ntitle: А\n---\nпервый тексТ\n".write(to: a, atomically: false, encoding: .utf8)
        var times = [timespec(tv_sec: Int(before.modified / 1_000_000_000), tv_nsec: Int(before.modified % 1_000_000_000)),
                     timespec(tv_sec: Int(before.modified / 1_000_000_000), tv_nsec: Int(before.modified % 1_000_000_000))]
        #expect(utimensat(AT_FDCWD, a.path, &times, 0) == 0)
        let after = try #require(FileStamp.of(a.path))
        #expect(after.size == before.size && after.modified == before.modified)
        let third = InputFingerprint.take(options, known: second.hashes, margin: 0)
        #expect(third.sources["a.md"]?.bytes != nil && third.sources["b.md"]?.bytes == nil)
        #expect(third.content != second.content)
    }

    @Test func aBodyReadLateFromAChangedFileIsNoted() throws {
        let site = Fixtures.makeSite(["a.md": "---\ntitle: А\n---\nтекст страницы\n"])
        let file = site.appendingPathComponent("content/a.md").path
        let bytes = try #require(FileBytes.read(file)?.bytes)
        let (loaded, _) = ContentLoader(config: SiteConfig()).loadPage(data: Data(bytes), contentPath: "a.md")
        var page = try #require(loaded)

        let changed = ChangedSources()
        page.takeBody(fromFileAt: file, hash: ContentHash(of: bytes), changed: changed)
        #expect(page.body == "текст страницы\n" && changed.all.isEmpty)
        page.takeBody(fromFileAt: file, hash: Self.hash, changed: changed)
        #expect(page.body == "")
        #expect(changed.all == ["content/a.md"])
    }

    @Test func aFileKnownByAStaleHashIsReadAndNoted() throws {
        let site = Fixtures.makeSite(["a.md": "# А\n\nтекст\n", "b.md": "# Б\n"])
        let modified = Date()
        let changed = ChangedSources()
        let (content, diagnostics, _) = ContentLoader(config: SiteConfig())
            .load(siteDirectory: site, reusing: nil,
                  preread: ["a.md": SourceFile(unreadWithHash: Self.hash, modified: modified)], changed: changed)
        #expect(diagnostics.isEmpty && content.pages.count == 2)
        #expect(content.pages.first { $0.id == "a" }?.body.contains("текст") == true, "parsed as it is now")
        #expect(changed.all == ["content/a.md"])
    }
}

/// What a build does when a file is not what its record said: it publishes nothing, says which
/// file, and the build after it starts from nothing and succeeds.
@Suite struct FileChangedDuringBuildTests {
    @Test func aFileThatIsNotWhatItsRecordSaysStopsTheBuildOnce() throws {
        let site = Fixtures.makeSite(["a.md": "# А\n\nтекст\n", "b.md": "# Б\n\nещё текст\n"])
        let output = Fixtures.temporaryDirectory().appendingPathComponent("public")
        var options = BuildOptions(siteDirectory: site, output: output)
        options.stampMargin = 0
        Thread.sleep(forTimeInterval: 0.02)
        #expect(Build.run(options).succeeded)
        let published = try BuildCacheOracleTests.snapshot(output)

        // The record of a.md names other bytes under its present stamp, as if the file had been
        // rewritten within its stamp's tick after the last build read it.
        let cache = BuildCache(output: output)
        var head = try #require(cache.read(identity: BuildIdentity.current))
        let key = try #require(head.fileHashes?.entries.keys.first { $0.hasSuffix("/content/a.md") })
        head.fileHashes?.entries[key]?.hash = ContentHash(of: "other bytes")
        head.inputs = nil
        cache.writeHead(head, memosWritten: true)

        let stopped = Build.run(options)
        let errors = stopped.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.io] && errors.first?.file == "content/a.md", "\(stopped.diagnostics)")
        #expect(try BuildCacheOracleTests.snapshot(output) == published, "nothing published")
        #expect(cache.read(identity: BuildIdentity.current) == nil, "the cache is dropped")

        let again = Build.run(options)
        #expect(again.succeeded, "\(again.diagnostics)")
        #expect(try BuildCacheOracleTests.snapshot(output).keys == published.keys)
    }
}
