import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// The machine-read files of a site: sitemap.xml and robots.txt.
package enum SiteFiles {
    package static func sitemap(_ site: Site) -> OutputFile? {
        guard !site.config.baseURL.isEmpty else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in site.pages {
            xml += "  <url><loc>\((site.config.baseURL + LinkResolver.percentEncode(page.address.serverPath)).htmlEscaped)</loc>"
            if let date = (page.updated ?? page.date).flatMap(IsoDate.init) { xml += "<lastmod>\(date.text)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    package static func robots(_ site: Site) -> OutputFile {
        var text = "User-agent: *\nAllow: /\n"
        if !site.config.baseURL.isEmpty { text += "Sitemap: \(site.config.baseURL)sitemap.xml\n" }
        return OutputFile(path: "robots.txt", text: text)
    }
}
