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

    private var file: URL { folder.appendingPathComponent("build.bin") }

    /// The Markdown memo is the bulk of the cache (the HTML of every page): it is kept in this
    /// many files by key, and a build rewrites only those whose entries changed.
    static let markdownShards = 16

    private func shardFile(_ i: Int) -> URL { folder.appendingPathComponent("markdown-\(i).bin") }
    private var searchFile: URL { folder.appendingPathComponent("search.bin") }

    /// The head alone: enough to see that nothing changed, which is then all a build reads.
    func read(identity: ContentHash) -> CachedBuild? {
        guard let cached: CachedBuild = read(file), cached.identity == identity else { return nil }
        return cached
    }

    /// `head` with the Markdown and search memos, which only a build that works needs.
    func withMemos(_ head: CachedBuild) -> CachedBuild {
        var cached = head
        let shards = Array(0..<Self.markdownShards).concurrentMap { i -> StageMemo<RenderedPage>? in read(shardFile(i)) }
        if shards.allSatisfy({ $0?.context == cached.markdown.context }) {
            cached.markdown = StageMemo(context: cached.markdown.context, merging: shards.compactMap { $0 })
        }
        cached.search = read(searchFile)
        return cached
    }

    private func read<T: CacheCodable>(_ url: URL) -> T? {
        guard let (bytes, _) = FileBytes.read(url.path) else { return nil }
        var reader = CacheReader(bytes)
        guard let value = try? T(from: &reader), reader.isAtEnd else { return nil }
        return value
    }

    /// The Markdown and search memos: they follow from the sources alone, whatever the writer
    /// then does, so a build writes them while its output is being written. `previous` is the
    /// cache this build read: Markdown shards holding the same entries are left as they are.
    /// False when a file could not be written (the head must then not be written either).
    func writeMemos(markdown memo: StageMemo<RenderedPage>, search: SearchIndexMemo?, previous: CachedBuild?) -> Bool {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let shards = memo.shards(Self.markdownShards)
            let old = previous?.markdown.context == memo.context ? previous?.markdown.shards(Self.markdownShards) : nil
            let failures = Array(0..<Self.markdownShards).concurrentMap { i -> Bool in
                if let old, FileManager.default.fileExists(atPath: shardFile(i).path),
                   Set(old[i].keys) == Set(shards[i].keys) { return false }
                return !write(shards[i], to: shardFile(i))
            }
            if failures.contains(true) { throw CocoaError(.fileWriteUnknown) }
            if let search {
                guard write(search, to: searchFile) else { throw CocoaError(.fileWriteUnknown) }
            } else {
                try? FileManager.default.removeItem(at: searchFile)
            }
            return true
        } catch {
            remove()
            return false
        }
    }

    /// The head, written last: the shards are found through its Markdown context. `memosWritten`
    /// is what `writeMemos` returned.
    func writeHead(_ cached: CachedBuild, memosWritten: Bool) {
        var head = cached
        head.markdown = StageMemo(context: cached.markdown.context)
        guard memosWritten, write(head, to: file) else { return remove() }
    }

    /// Written to a temporary file and renamed, so that a killed build leaves the old file or the new one.
    private func write(_ value: some CacheCodable, to url: URL) -> Bool {
        var writer = CacheWriter(capacity: 1 << 16)
        value.write(to: &writer)
        let temporary = url.appendingPathExtension("tmp")
        guard (try? Data(writer.bytes).write(to: temporary)) != nil, rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
        return true
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// One build's record: the fingerprint of everything it read, what it reported, the files it
/// wrote, and what its per-page stages made, by the hash of their inputs.
struct CachedBuild: CacheCodable, Sendable {
    /// The binary and this format: a cache from another build of Almanac is not read at all.
    var identity: ContentHash
    /// Of every input; set only when the output holds exactly what this build made.
    var inputs: ContentHash?
    var diagnostics: [Diagnostic]
    var pageCount: Int
    var outputPaths: [String]
    var load: StageMemo<PageLoad>
    var markdown: StageMemo<RenderedPage>
    /// Output path → `PageFingerprint` of the page published there.
    var pages: [String: ContentHash]
    /// Output path → `ShownFingerprint` of the content page published there, where it applies.
    var shown: [String: ContentHash]
    /// Kept in a file of its own (`search.bin`), read and written beside the head.
    var search: SearchIndexMemo? = nil
    var paragraphs: StageMemo<ParagraphHashes>

    init(identity: ContentHash, inputs: ContentHash?, diagnostics: [Diagnostic], pageCount: Int, outputPaths: [String],
         load: StageMemo<PageLoad>, markdown: StageMemo<RenderedPage>, pages: [String: ContentHash],
         shown: [String: ContentHash], search: SearchIndexMemo?, paragraphs: StageMemo<ParagraphHashes>) {
        self.identity = identity
        self.inputs = inputs
        self.diagnostics = diagnostics
        self.pageCount = pageCount
        self.outputPaths = outputPaths
        self.load = load
        self.markdown = markdown
        self.pages = pages
        self.shown = shown
        self.search = search
        self.paragraphs = paragraphs
    }

    init(from reader: inout CacheReader) throws {
        identity = try reader.read()
        inputs = try reader.readOptional()
        diagnostics = try reader.readArray()
        pageCount = try reader.readInt()
        outputPaths = try reader.readStrings()
        load = try reader.read()
        markdown = try reader.read()
        pages = try Self.readTable(&reader)
        shown = try Self.readTable(&reader)
        paragraphs = try reader.read()
    }

    func write(to writer: inout CacheWriter) {
        writer.write(identity)
        writer.write(inputs)
        writer.write(diagnostics)
        writer.write(pageCount)
        writer.write(outputPaths)
        writer.write(load)
        writer.write(markdown)
        Self.write(pages, to: &writer)
        Self.write(shown, to: &writer)
        writer.write(paragraphs)
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
