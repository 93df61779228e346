import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacLint
import AlmanacMarkdown
import AlmanacOutput
import AlmanacRender
import AlmanacSearch
import AlmanacSite

/// The parts of a build that read every page but that the reader of one page does not need at
/// once: the search index, the sitemap and feed, the anchors manifest, and the site lint. The preview
/// server refreshes them from a snapshot of the site after it has shown an edit.
public struct DerivedFiles: Sendable {
    public var files: [OutputFile]
    public var lint: [Diagnostic]

    public static func make(_ site: Site) -> DerivedFiles {
        var files = SearchIndexer(settings: site.searchSettings).build(site.searchDocuments, offline: site.offline)
        files += siteFiles(site)
        return DerivedFiles(files: files, lint: SiteLint.check(site))
    }

    /// robots.txt, the anchors manifest, and the sitemap and feed when the site has a base URL.
    package static func siteFiles(_ site: Site) -> [OutputFile] {
        var files = [SiteFiles.robots(site), AnchorAliases.manifest(site.pages)]
        if let sitemap = SiteFiles.sitemap(site) { files.append(sitemap) }
        if let feed = AtomFeed.make(site) { files.append(feed) }
        return files
    }
}
