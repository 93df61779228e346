import Foundation

/// What a build keeps for the next one, in `.NAME.cache/` beside the output folder `NAME/`
/// (beside, not inside: a deploy that syncs the output never uploads it). Deleting the output and
/// what sits beside it, or `--clean`, gives a clean build. A cache that cannot be read, or was
/// written by another version of the binary, is ignored: it can make a build faster, never different.
struct BuildCache {
    let folder: URL

    init(output: URL) {
        let output = output.standardizedFileURL
        folder = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    /// The head (`CachedBuild`): small, so that a build that finds nothing changed reads little.
    private var file: URL { folder.appendingPathComponent("build.bin") }

    /// The Markdown memo is the bulk of the cache (the HTML of every page): it is kept in this
    /// many files by key, and a build rewrites only those whose entries changed.
    static let markdownShards = 16

    private func shardFile(_ i: Int) -> URL { folder.appendingPathComponent("markdown-\(i).bin") }
    private var searchFile: URL { folder.appendingPathComponent("search.bin") }
    private var loadFile: URL { folder.appendingPathComponent("load.bin") }
    private var paragraphsFile: URL { folder.appendingPathComponent("paragraphs.bin") }
    private var linksFile: URL { folder.appendingPathComponent("links.bin") }

    /// The head alone: enough to see that nothing changed, which is then all a build reads.
    func read(identity: ContentHash) -> CachedBuild? {
        guard let cached: CachedBuild = read(file), cached.identity == identity else { return nil }
        return cached
    }

    /// What the loader reuses: read while the build takes its fingerprint's verdict, before the
    /// larger memos, which only later stages wait for.
    func readLoadMemo() -> StageMemo<PageLoad>? { read(loadFile) }

    /// The Markdown memo of the build whose head is `head`.
    func readMarkdownMemo(_ head: CachedBuild) -> StageMemo<RenderedPage> {
        let shards = Array(0..<Self.markdownShards).concurrentMap { i -> StageMemo<RenderedPage>? in read(shardFile(i)) }
        guard shards.allSatisfy({ $0?.context == head.markdownContext }) else { return StageMemo(context: head.markdownContext) }
        return StageMemo(context: head.markdownContext, merging: shards.compactMap { $0 })
    }

    /// The memos of the stages after the Markdown one, read apart from it: the Markdown stage
    /// need not wait for them.
    func readLaterMemos() -> CachedMemos.Later {
        CachedMemos.Later(search: read(searchFile), paragraphs: read(paragraphsFile), links: read(linksFile))
    }

    private func read<T: CacheCodable>(_ url: URL) -> T? {
        guard let (bytes, _) = FileBytes.read(url.path) else { return nil }
        var reader = CacheReader(bytes)
        guard let value = try? T(from: &reader), reader.isAtEnd else { return nil }
        return value
    }

    /// The memos follow from the sources alone, whatever the writer then does, so a build writes
    /// them while its output is being written. `previous` are the Markdown memos this build read:
    /// shards holding the same entries are left as they are. False when a file could not be
    /// written (the head must then not be written either).
    func writeMemos(_ memos: CachedMemos, load: StageMemo<PageLoad>, previous: StageMemo<RenderedPage>?) -> Bool {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let memo = memos.markdown
            let shards = memo.shards(Self.markdownShards)
            let old = previous?.context == memo.context ? previous?.shards(Self.markdownShards) : nil
            // The shards, and beside them the other memos: a job each, on every core. A memo the
            // build did not make (no theme, no index) leaves no file, so none is read next time.
            enum Job: Sendable { case shard(Int), load, paragraphs, links, search }
            let jobs = (0..<Self.markdownShards).map(Job.shard) + [.load, .paragraphs, .links, .search]
            let failures = jobs.concurrentMap { job -> Bool in
                switch job {
                case .load: return !write(load, to: loadFile)
                case .paragraphs: return !write(memos.later.paragraphs, to: paragraphsFile)
                case .links: return !write(memos.later.links, to: linksFile)
                case .search: return !write(memos.later.search, to: searchFile)
                case .shard(let i):
                    if let old, FileManager.default.fileExists(atPath: shardFile(i).path),
                       Set(old[i].keys) == Set(shards[i].keys) { return false }
                    return !write(shards[i], to: shardFile(i))
                }
            }
            if failures.contains(true) { throw CocoaError(.fileWriteUnknown) }
            return true
        } catch {
            remove()
            return false
        }
    }

    /// The head, written last: the shards are found through its Markdown context. `memosWritten`
    /// is what `writeMemos` returned.
    func writeHead(_ head: CachedBuild, memosWritten: Bool) {
        guard memosWritten, write(head, to: file) else { return remove() }
    }

    /// `value`, or no file at all when there is none.
    private func write(_ value: (some CacheCodable)?, to url: URL) -> Bool {
        guard let value else {
            try? FileManager.default.removeItem(at: url)
            return true
        }
        return write(value, to: url)
    }

    /// Written to a temporary file and renamed, so that a killed build leaves the old file or the new one.
    private func write(_ value: some CacheCodable, to url: URL) -> Bool {
        var writer = CacheWriter(capacity: 1 << 16)
        value.write(to: &writer)
        let temporary = url.appendingPathExtension("tmp")
        let written = writer.bytes.withUnsafeBytes { bytes in
            (try? FileBytes.write(bytes, to: temporary.path, existed: false)) != nil
        }
        guard written, rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
        return true
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The head goes before the output is swapped, and comes back with the new record: a build
    /// killed between the two leaves no record that would describe the site before the swap (a
    /// later build trusting it could link a published file it takes for an older one).
    func removeHead() { unlink(file.path) }
}

/// What the per-page stages after `load` made, by the hash of their inputs: each memo is kept in
/// files of its own beside the head, and read only by a build that has work to do.
struct CachedMemos: Sendable {
    var markdown: StageMemo<RenderedPage>
    var later: Later

    /// The link check's, the index's and the lint's.
    struct Later: Sendable {
        var search: SearchIndexMemo?
        var paragraphs: StageMemo<ParagraphHashes>?
        var links: StageMemo<CheckedLinks>?
    }
}

/// One build's record: the fingerprint of everything it read, what it reported, the files it
/// wrote and what each was made from. What its per-page stages made is in `CachedMemos`.
struct CachedBuild: CacheCodable, Sendable {
    /// The binary and this format: a cache from another build of Almanac is not read at all.
    var identity: ContentHash
    /// Of every input; set only when the output holds exactly what this build made.
    var inputs: ContentHash?
    var diagnostics: [Diagnostic]
    var pageCount: Int
    var outputPaths: [String]
    /// The context of the Markdown memo's shards: a shard made under another is not read.
    var markdownContext: ContentHash
    /// Every file of content/ and templates/ as the fingerprint found it: the next build reads
    /// only the files whose stamps changed.
    var fileHashes: FileHashes?
    /// Output path → `PageFingerprint` of the page published there.
    var pages: [String: ContentHash]
    /// Output path → `ShownFingerprint` of the content page published there, where it applies.
    var shown: [String: ContentHash]
    /// Output path → SHA-256 of each file published there from bytes (the search index, the
    /// manifest): the writer links such a file without reading it when its bytes are unchanged.
    var written: [String: ContentHash] = [:]

    init(identity: ContentHash, inputs: ContentHash?, diagnostics: [Diagnostic], pageCount: Int, outputPaths: [String],
         markdownContext: ContentHash, fileHashes: FileHashes?, pages: [String: ContentHash], shown: [String: ContentHash],
         written: [String: ContentHash]) {
        self.identity = identity
        self.inputs = inputs
        self.diagnostics = diagnostics
        self.pageCount = pageCount
        self.outputPaths = outputPaths
        self.markdownContext = markdownContext
        self.fileHashes = fileHashes
        self.pages = pages
        self.shown = shown
        self.written = written
    }

    init(from reader: inout CacheReader) throws {
        identity = try reader.read()
        inputs = try reader.readOptional()
        diagnostics = try reader.readArray()
        pageCount = try reader.readInt()
        outputPaths = try reader.readStrings()
        markdownContext = try reader.read()
        fileHashes = try reader.readOptional()
        pages = try Self.readTable(&reader)
        shown = try Self.readTable(&reader)
        written = try Self.readTable(&reader)
    }

    func write(to writer: inout CacheWriter) {
        writer.write(identity)
        writer.write(inputs)
        writer.write(diagnostics)
        writer.write(pageCount)
        writer.write(outputPaths)
        writer.write(markdownContext)
        writer.write(fileHashes)
        Self.write(pages, to: &writer)
        Self.write(shown, to: &writer)
        Self.write(written, to: &writer)
    }
    private static func readTable(_ reader: inout CacheReader) throws -> [String: ContentHash] {
        let count = try reader.readInt()
        guard count >= 0 else { throw CacheReader.Damaged() }
        var table: [String: ContentHash] = [:]
        for _ in 0..<count { table[try reader.readString()] = try reader.read() }
        return table
    }

    private static func write(_ table: [String: ContentHash], to writer: inout CacheWriter) {
        writer.write(table.count)
        for path in table.keys.sorted() {
            writer.write(path)
            writer.write(table[path]!)
        }
    }
}
