import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// feed.xml: an Atom feed of new and updated pages for readers who follow the wiki in a feed
/// reader or a messenger bot. Only for a hosted site (Atom needs absolute addresses) whose pages
/// have dates; newest first, at most `limit` entries. It is stamped with its newest entry's date,
/// never the build time, so rebuilding the same sources gives the same file.
package enum AtomFeed {
    package static let path = "feed.xml"
    package static let limit = 50

    /// The pages the feed lists: dated, not the home page or a section's own page.
    package static func entries(_ site: Site) -> [Page] {
        guard !site.config.baseURL.isEmpty else { return [] }
        let dated = site.pages.filter(isEntry)
        // Navigation order breaks ties, so the order never depends on the sort's stability.
        let order = Dictionary(uniqueKeysWithValues: dated.enumerated().map { ($1.id, $0) })
        return Array(dated.sorted { a, b in
            a.updated! != b.updated! ? a.updated! > b.updated! : order[a.id]! < order[b.id]!
        }.prefix(limit))
    }

    /// Whether the site has a feed: every page's header links to it. Asked once per rendering
    /// and per fingerprint, so it looks for one entry rather than sorting them all.
    package static func exists(in site: Site) -> Bool {
        !site.config.baseURL.isEmpty && site.pages.contains(where: isEntry)
    }

    private static func isEntry(_ page: Page) -> Bool {
        page.updated != nil && !page.id.isEmpty && !page.source.isSectionIndex
    }

    package static func make(_ site: Site) -> OutputFile? {
        let pages = entries(site)
        guard let newest = pages.first?.updated else { return nil }
        let base = site.config.baseURL
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.config.language.xmlEscaped)">
              <title>\(site.config.title.xmlEscaped)</title>

            """
        if !site.config.description.isEmpty { xml += "  <subtitle>\(site.config.description.xmlEscaped)</subtitle>\n" }
        xml += """
              <id>\(base.xmlEscaped)</id>
              <link rel="alternate" type="text/html" href="\(base.xmlEscaped)"/>
              <link rel="self" type="application/atom+xml" href="\((base + path).xmlEscaped)"/>
              <updated>\(newest)T00:00:00Z</updated>
              <author><name>\(site.config.title.xmlEscaped)</name></author>
              <generator>Almanac</generator>

            """
        for page in pages {
            let url = base + LinkResolver.percentEncode(page.address.serverPath)
            xml += "  <entry>\n"
            xml += "    <title>\(page.title.xmlEscaped)</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url.xmlEscaped)\"/>\n"
            xml += "    <id>\(url.xmlEscaped)</id>\n"
            if let published = page.date.flatMap(IsoDate.init)?.text { xml += "    <published>\(published)T00:00:00Z</published>\n" }
            xml += "    <updated>\(page.updated!)T00:00:00Z</updated>\n"
            // A label only for declared types: the built-in article's name is the theme's, in the site's language.
            if let type = site.config.contentTypes.first(where: { $0.id == page.type }) {
                xml += "    <category term=\"\(page.type.xmlEscaped)\" label=\"\(type.singular.xmlEscaped)\"/>\n"
            } else {
                xml += "    <category term=\"\(page.type.xmlEscaped)\"/>\n"
            }
            if !page.description.isEmpty { xml += "    <summary>\(page.description.xmlEscaped)</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: path, text: xml)
    }
}

private extension String {
    /// Escaped for XML text and attributes, without the control characters XML 1.0 forbids
    /// (a stray one in a title would make the whole feed unreadable).
    var xmlEscaped: String {
        String(String.UnicodeScalarView(htmlEscaped.unicodeScalars.filter {
            $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r"
        }))
    }
}
