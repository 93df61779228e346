import Foundation

/// One hash of everything a build reads: its options, almanac.yml, every file under templates/
/// and content/ (path and bytes), the commit git stands on, the day deadlines are checked
/// against, and the anchors of the published site. When it equals the last successful build's,
/// that build's output is this build's output.
enum InputFingerprint {
    static func take(_ options: BuildOptions) -> ContentHash {
        var hasher = ContentHasher()
        hasher.add(options.offline)
        hasher.add(options.baseURL ?? "\u{0}")
        hasher.add(options.links?.rawValue ?? "")
        hasher.add(options.strict)
        hasher.add(options.includeDrafts)
        hasher.add((options.today ?? .today()).text)
        hasher.add(GitHistory.head(siteDirectory: options.siteDirectory) ?? "")
        let site = options.siteDirectory
        hasher.add(fileHash(site.appendingPathComponent("almanac.yml")))
        if let anchorsFrom = options.anchorsFrom {
            hasher.add(fileHash(anchorsFrom.appendingPathComponent(".almanac/anchors.json")))
        }
        for folder in ["templates", "content"] {
            let (files, _) = ContentDiscovery.discover(root: site.appendingPathComponent(folder))
            let hashes = files.concurrentMap { file in fileHash(file.url) }
            hasher.add(folder)
            hasher.add(files.count)
            for (file, hash) in zip(files, hashes) {
                hasher.add(file.contentPath)
                hasher.add(hash)
            }
        }
        return hasher.finish()
    }

    private static func fileHash(_ url: URL) -> ContentHash {
        guard let data = FileManager.default.contents(atPath: url.path) else { return ContentHash(of: "\u{0}missing") }
        return ContentHash(of: data)
    }
}
