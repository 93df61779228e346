import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// What a published site adds to a page: the description search engines and link previews show,
/// the Atom feed link, the «last updated» line, the way to the printable playbook.
extension PageContext {
    /// For every page: the site's description until a page supplies its own, the feed when there
    /// is one, and the printable playbook.
    package func addPublishing(to context: inout LayoutContext, at address: PageAddress) {
        context.feedURL = feedURL
        if PlaybookContext.exists(in: site) {
            context.playbookURL = address.relativeURL(to: PlaybookContext.address, offline: site.offline)
        }
        if WhatsNewContext.exists(in: site) {
            context.whatsNewURL = address.relativeURL(to: WhatsNewContext.address, offline: site.offline)
        }
        if let area = site.config.authorsArea, site.sections[area] != nil {
            context.authorsURL = address.relativeURL(to: PageAddress(directory: area), offline: site.offline)
        }
    }

    /// `updated: {iso, text}` for the page's footer, or nothing when no date is known.
    package func updatedContext(_ page: Page) -> DatedText? {
        guard let date = page.updated.flatMap(IsoDate.init) else { return nil }
        return DatedText(iso: date.text, text: DateText(strings: strings).long(date))
    }

    /// The feed's absolute address when `AtomFeed` writes one for this site.
    package static func feedURL(for site: Site) -> String? {
        AtomFeed.exists(in: site) ? site.config.baseURL + AtomFeed.path : nil
    }
}
