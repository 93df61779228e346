import Foundation
import AlmanacContent

/// One hash of everything a build reads: its options, almanac.yml, every file under templates/
/// and content/ (path and bytes), the commit git stands on, the day deadlines are checked
/// against, and the anchors of the published site. When it equals the last successful build's,
/// that build's output is this build's output.
struct InputFingerprint {
    /// Options, almanac.yml, the day, the published anchors.
    var settings: ContentHash
    /// almanac.yml alone: the memos of per-page stages hold only under the same configuration.
    var config: ContentHash
    var templates: ContentHash
    var content: ContentHash
    /// The commit the checkout stands on: it changes page histories, which each page carries.
    var git: String
    /// The Markdown files of content/ as read for `content`, by content path: the loader's input.
    var sources: [String: SourceFile] = [:]
    /// content/'s listing as walked for `content`: the loader's too, so the two cannot disagree
    /// about which files there are.
    var listing: ([DiscoveredFile], [Diagnostic])?
    /// The hash of every file under content/ and templates/ with its stamp, for the next build.
    var hashes: FileHashes

    /// Of everything: equal to the last successful build's, the output stands as it is.
    var all: ContentHash { ContentHash(combining: [settings, templates, content, ContentHash(of: git)]) }

    /// What every page's HTML depends on besides the pages themselves.
    var theme: ContentHash { ContentHash(combining: [settings, templates]) }

    /// A file whose stamp `known` holds (the last build's `hashes`) is not read: its hash is
    /// taken from there. `margin` is `FileHashes`'s: how long before the last build a file must
    /// have changed for its stamp to be trusted.
    static func take(_ options: BuildOptions, known: FileHashes? = nil,
                     margin: Double = FileHashes.defaultMargin) -> InputFingerprint {
        var hashes = FileHashes(taken: Date())
        var hasher = ContentHasher()
        hasher.add(options.offline)
        hasher.add(options.baseURL ?? "\u{0}")
        hasher.add(options.links?.rawValue ?? "")
        hasher.add(options.strict)
        hasher.add(options.includeDrafts)
        hasher.add((options.today ?? .today()).text)
        let site = options.siteDirectory
        let config = fileHash(site.appendingPathComponent("almanac.yml").path)
        hasher.add(config)
        if let anchorsFrom = options.anchorsFrom {
            hasher.add(fileHash(anchorsFrom.appendingPathComponent(".almanac/anchors.json").path))
        }
        let content = folder(site.appendingPathComponent("content"), keepingMarkdown: true, known: known, margin: margin,
                             into: &hashes)
        let templates = folder(site.appendingPathComponent("templates"), keepingMarkdown: false, known: known, margin: margin,
                               into: &hashes)
        return InputFingerprint(settings: hasher.finish(), config: config, templates: templates.hash,
                                content: content.hash, git: GitHistory.head(siteDirectory: options.siteDirectory) ?? "",
                                sources: content.markdown, listing: content.listing, hashes: hashes)
    }

    /// Every file below `root` that a build would read, by path and bytes; with `keepingMarkdown`,
    /// the Markdown files too, read or known by their hash. Each file's hash and stamp go into `hashes`.
    private static func folder(_ root: URL, keepingMarkdown: Bool, known: FileHashes?, margin: Double,
                               into hashes: inout FileHashes)
        -> (hash: ContentHash, markdown: [String: SourceFile], listing: ([DiscoveredFile], [Diagnostic])) {
        let listing = ContentDiscovery.discover(root: root)
        let files = listing.0  // in content path order
        let read = files.concurrentMap { file -> (ContentHash, SourceFile?, FileHashes.Entry?) in
            let markdown = keepingMarkdown && file.contentPath.hasSuffix(".md")
            if let known, let stamp = FileStamp.of(file.path), let hash = known.hash(of: file.path, stamp: stamp, margin: margin) {
                let source = markdown ? SourceFile(unreadWithHash: hash, modified: stamp.modificationDate) : nil
                return (hash, source, FileHashes.Entry(stamp: stamp, hash: hash))
            }
            // The stamp is fstat's, taken before the bytes are read: a file changed while it is
            // read gets a newer one, which the next build does not find here.
            guard let (bytes, info) = FileBytes.read(file.path) else { return (missing, nil, nil) }
            let stamp = FileStamp(info)
            let source = SourceFile(bytes: bytes, modified: stamp.modificationDate)
            return (source.hash, markdown ? source : nil, FileHashes.Entry(stamp: stamp, hash: source.hash))
        }
        var hasher = ContentHasher()
        hasher.add(files.count)
        var markdown: [String: SourceFile] = [:]
        for (file, (hash, source, entry)) in zip(files, read) {
            hasher.add(file.contentPath)
            hasher.add(hash)
            if let source { markdown[file.contentPath] = source }
            if let entry { hashes.entries[file.path] = entry }
        }
        return (hasher.finish(), markdown, listing)
    }

    private static let missing = ContentHash(of: "\u{0}missing")

    /// Through `FileBytes.read`, as the Markdown files are: one open, fstat and read, no `Data`.
    private static func fileHash(_ path: String) -> ContentHash {
        guard let (bytes, _) = FileBytes.read(path) else { return missing }
        return ContentHash(of: bytes)
    }
}
