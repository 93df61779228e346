import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacRender
import AlmanacSite

/// A finer fingerprint than `PageFingerprint` for a page that is neither the home page nor a
/// section's page: the page itself, its sidebar as rendered, the faces of exactly the pages it
/// links to in its frame (neighbours, backlinks, references, typed fields: found by building its
/// context, `ThemeRenderer.shownPages`), and what every page's frame shows (settings, sections'
/// titles for the breadcrumbs, tags, which site-wide pages exist). A new title then renders
/// again only the pages whose sidebar lists it or that link to it, not the whole site.
///
/// It is worked out only for pages whose `PageFingerprint` changed: when that did not, neither
/// did this, and the last build's value is carried over.
///
/// A page rendered in this build has what it linked to recorded as it was rendered (`LinkBook`);
/// one that may be linked from the last build has its context built without rendering it.
final class ShownFingerprint: Sendable {
    private let site: Site
    private let frame: ContentHash
    private let markdown: [String: ContentHash]
    private let sidebars: LazySidebars
    private let builder: SidebarBuilder
    /// Each sidebar's hash, made once per sidebar rather than once per page.
    private let sidebarHashes = Locked<[SidebarBuilder.Key: ContentHash]>([:])

    init(site: Site, settings: ContentHash, markdown: [String: ContentHash], sidebars: LazySidebars) {
        self.site = site
        frame = Self.frame(site, settings: settings)
        self.markdown = markdown
        self.sidebars = sidebars
        builder = SidebarBuilder(site: site)
    }

    /// `shown`: the pages this one links to, as `PageContext` recorded them.
    func of(_ page: Page, shown: [String]) -> ContentHash {
        var writer = CacheWriter(capacity: 1024)
        PageFingerprint.writeOwn(page, markdown: markdown[page.id], to: &writer)
        writer.write(sidebarHash(builder.key(for: page.address, current: page.id)))
        for id in shown {
            writer.write(id)
            guard let other = site.page(id) else { continue }
            writer.write(other.title)
            writer.write(other.description)
            writer.write(other.address.directory)
            writer.write(other.type)
            writer.write(other.source.isSectionIndex)
        }
        var hasher = ContentHasher()
        hasher.add(frame)
        hasher.add(writer.bytes)
        return hasher.finish()
    }

    /// For pages not rendered yet: their contexts are built to see what they link to.
    func of(_ pages: [Page], theme: ThemeRenderer) -> [ContentHash] {
        Array(zip(pages, theme.shownPages(pages, of: site))).concurrentMap { of($0, shown: $1) }
    }

    private func sidebarHash(_ key: SidebarBuilder.Key) -> ContentHash {
        if let hash = sidebarHashes.withLock({ $0[key] }) { return hash }
        let hash = ContentHash(of: sidebars[key])
        sidebarHashes.withLock { $0[key] = hash }
        return hash
    }

    /// Whether `shown` covers everything the page shows of other pages (see `ThemeRenderer.shownPages`).
    static func applies(to page: Page) -> Bool {
        !page.id.isEmpty && !page.source.isSectionIndex
    }

    /// What the frame of every page shows: the settings and theme (`settings`), the day, the
    /// sections and home page the breadcrumbs name, the tags, and the site-wide pages linked from
    /// the header and footer.
    private static func frame(_ site: Site, settings: ContentHash) -> ContentHash {
        var writer = CacheWriter(capacity: 1 << 14)
        writer.write(settings)
        writer.write(site.offline)
        writer.write(site.today.text)
        writer.write(site.history.isAvailable)
        writer.write(site.home?.title ?? "")
        for id in site.sections.keys.sorted() {
            writer.write(id)
            writer.write(site.sections[id]!.title)
        }
        for tag in site.tags {
            writer.write(tag.name)
            writer.write(tag.address.directory)
        }
        writer.write(PageContext.feedURL(for: site) ?? "")
        writer.write(PlaybookContext.exists(in: site))
        writer.write(WhatsNewContext.exists(in: site))
        var hasher = ContentHasher()
        hasher.add(writer.bytes)
        return hasher.finish()
    }
}
