import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacLint
import AlmanacMarkdown
import AlmanacOutput
import AlmanacRender
import AlmanacSearch
import AlmanacSite

/// The value of the `derive` stage: the parts of a build that read every page but that the reader
/// of one page does not need at once — the search index, the sitemap and feed, robots.txt, the
/// anchors manifest, and the site lint. A build makes them before the theme; the preview server
/// makes them from a snapshot of the site after it has shown an edit (`Pipeline.derive`).
public struct DerivedFiles: Sendable {
    public var files: [OutputFile]
    public var lint: [Diagnostic]
    /// What the index and the repeated-paragraph check made of each page, for the next build.
    package var searchMemo: SearchIndexMemo
    package var paragraphMemo: StageMemo<ParagraphHashes>

    /// With the last build's memos, the index and the lint redo only the pages that changed.
    package static func make(_ site: Site, searchMemo: SearchIndexMemo? = nil,
                             paragraphMemo: StageMemo<ParagraphHashes>? = nil) -> DerivedFiles {
        // Three independent readers of the whole site: the lint and the small files are made
        // while the index is, which leaves a core idle in stretches (merging the vocabulary,
        // laying out postings).
        let linted = Background { SiteLint.check(site, paragraphs: paragraphMemo) }
        let small = Background { siteFiles(site) }
        let indexed = SearchIndexer(settings: site.searchSettings).build(site.searchDocuments, offline: site.offline,
                                                                         memo: searchMemo)
        return DerivedFiles(files: indexed.files + small.result, lint: linted.result.diagnostics,
                            searchMemo: indexed.memo, paragraphMemo: linted.result.paragraphs)
    }

    /// robots.txt, the anchors manifest, and the sitemap and feed when the site has a base URL.
    private static func siteFiles(_ site: Site) -> [OutputFile] {
        var files = [SiteFiles.robots(site), AnchorAliases.manifest(site.pages)]
        if let sitemap = SiteFiles.sitemap(site) { files.append(sitemap) }
        if let feed = AtomFeed.make(site) { files.append(feed) }
        return files
    }
}
