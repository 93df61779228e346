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

    /// Of everything: equal to the last successful build's, the output stands as it is.
    var all: ContentHash { ContentHash(combining: [settings, templates, content, ContentHash(of: git)]) }

    /// What every page's HTML depends on besides the pages themselves.
    var theme: ContentHash { ContentHash(combining: [settings, templates]) }

    static func take(_ options: BuildOptions) -> InputFingerprint {
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
        let content = folder(site.appendingPathComponent("content"), keepingMarkdown: true)
        return InputFingerprint(settings: hasher.finish(), config: config,
                                templates: folder(site.appendingPathComponent("templates"), keepingMarkdown: false).hash,
                                content: content.hash, git: GitHistory.head(siteDirectory: options.siteDirectory) ?? "",
                                sources: content.markdown, listing: content.listing)
    }

    /// Every file below `root` that a build would read, by path and bytes; with `keepingMarkdown`,
    /// the Markdown files' bytes too.
    private static func folder(_ root: URL, keepingMarkdown: Bool)
        -> (hash: ContentHash, markdown: [String: SourceFile], listing: ([DiscoveredFile], [Diagnostic])) {
        let listing = ContentDiscovery.discover(root: root)
        let files = listing.0  // in content path order
        let read = files.concurrentMap { file -> (ContentHash, SourceFile?) in
            guard keepingMarkdown, file.contentPath.hasSuffix(".md") else { return (fileHash(file.path), nil) }
            guard let source = SourceFileReader.read(path: file.path).map(SourceFile.init) else { return (missing, nil) }
            return (source.hash, source)
        }
        var hasher = ContentHasher()
        hasher.add(files.count)
        var markdown: [String: SourceFile] = [:]
        for (file, (hash, source)) in zip(files, read) {
            hasher.add(file.contentPath)
            hasher.add(hash)
            if let source { markdown[file.contentPath] = source }
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
