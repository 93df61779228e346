import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
/// Where a page is written and how other pages link to it.
///
/// `content/a/b.md` is written as `a/b/index.html`. Links name it `a/b/` for a web server;
/// an offline build names the file itself, since a browser shows a folder listing, not its
/// index.html, when a folder is opened from disk. Every link is relative, so the same
/// output works under any base path and from file://.
public struct PageAddress: Sendable, Hashable {
    /// Folder of the page relative to the site root, without slashes at the ends; `""` for the home page.
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var outputPath: String { directory.isEmpty ? "index.html" : directory + "/index.html" }

    /// The path a server URL uses (`a/b/`), relative to the site root.
    public var serverPath: String { directory.isEmpty ? "" : directory + "/" }

    public func path(offline: Bool) -> String { offline ? outputPath : serverPath }

    /// `../../` from this page to the site root (`""` on the home page).
    public var rootPrefix: String {
        directory.isEmpty ? "" : String(repeating: "../", count: directory.split(separator: "/").count)
    }

    /// A relative URL from this page to `target` (another page's folder or a file path).
    public func relativeURL(to targetPath: String) -> String {
        // On UTF-8 bytes: every page links to dozens of others, and Character-level splitting
        // and comparing of Cyrillic folder names was a few percent of a build.
        let from = directory.utf8.split(separator: 0x2F)
        let to = targetPath.utf8.split(separator: 0x2F, omittingEmptySubsequences: false)
        var common = 0
        while common < from.count, common < to.count - 1, from[common].elementsEqual(to[common]) { common += 1 }
        var url = String(repeating: "../", count: from.count - common)
        for (i, part) in to[common...].enumerated() {
            if i > 0 { url += "/" }
            url += Substring(part)
        }
        return url.isEmpty ? "./" : url
    }

    public func relativeURL(to page: PageAddress, offline: Bool) -> String {
        relativeURL(to: LinkResolver.percentEncode(page.path(offline: offline)))
    }
}
