import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
/// Gives every page what git and its front matter say about its changes: its «last updated» date
/// (`updated:` in front matter when a writer set it, else the last commit that touched the file,
/// else `date:`) and its last few commits.
package enum LastUpdated {
    /// How many commits a page's history shows.
    package static let limit = 5

    package static func stamp(_ site: inout Site, history: SiteHistory) {
        site.history = history
        for i in site.pages.indices { stamp(&site.pages[i], history: history, config: site.config) }
    }

    /// A readers' page lists only the commits `history.readers_since` lets readers see; the
    /// authors' own pages list every commit, engine messages included.
    package static func stamp(_ page: inout Page, history: SiteHistory, config: SiteConfig) {
        page.updated = date(of: page, history: history)
        if config.isAuthorsPage(id: page.id) {
            page.history = history.recent(page.source.sourcePath, limit: limit)
        } else {
            page.history = history.recent(page.source.sourcePath, limit: limit, where: config.history.showsReaders)
        }
    }

    package static func date(of page: Page, history: SiteHistory) -> String? {
        let declared = page.source.meta("updated")?.string.flatMap(IsoDate.init)?.text
        return declared ?? history.lastChanged(page.source.sourcePath) ?? page.date.flatMap(IsoDate.init)?.text
    }
}
