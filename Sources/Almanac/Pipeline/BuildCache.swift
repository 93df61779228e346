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

    func read(identity: ContentHash) -> CachedBuild? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        var reader = CacheReader([UInt8](data))
        guard let cached = try? CachedBuild(from: &reader), reader.isAtEnd, cached.identity == identity else { return nil }
        return cached
    }

    /// Written to a temporary file and renamed, so that a killed build leaves the old cache or the new one.
    func write(_ cached: CachedBuild) {
        var writer = CacheWriter(capacity: 1 << 20)
        cached.write(to: &writer)
        let temporary = folder.appendingPathComponent("build.bin.tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(writer.bytes).write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// One build's record: the fingerprint of everything it read, what it reported, the files it
/// wrote, and what its per-page stages made, by the hash of their inputs.
struct CachedBuild: CacheCodable {
    /// The binary and this format: a cache from another build of Almanac is not read at all.
    var identity: ContentHash
    /// Of every input; set only when the output holds exactly what this build made.
    var inputs: ContentHash?
    var diagnostics: [Diagnostic]
    var pageCount: Int
    var outputPaths: [String]
    var load: StageMemo<PageLoad>
    var markdown: StageMemo<RenderedPage>

    init(identity: ContentHash, inputs: ContentHash?, diagnostics: [Diagnostic], pageCount: Int, outputPaths: [String],
         load: StageMemo<PageLoad>, markdown: StageMemo<RenderedPage>) {
        self.identity = identity
        self.inputs = inputs
        self.diagnostics = diagnostics
        self.pageCount = pageCount
        self.outputPaths = outputPaths
        self.load = load
        self.markdown = markdown
    }

    init(from reader: inout CacheReader) throws {
        identity = try reader.read()
        inputs = try reader.readOptional()
        diagnostics = try reader.readArray()
        pageCount = try reader.readInt()
        outputPaths = try reader.readStrings()
        load = try reader.read()
        markdown = try reader.read()
    }

    func write(to writer: inout CacheWriter) {
        writer.write(identity)
        writer.write(inputs)
        writer.write(diagnostics)
        writer.write(pageCount)
        writer.write(outputPaths)
        writer.write(load)
        writer.write(markdown)
    }
}
