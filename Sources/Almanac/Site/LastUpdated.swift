/// Gives every page its «last updated» date: `updated:` in front matter when a writer set it,
/// else the last commit that touched the file, else `date:`.
enum LastUpdated {
    static func stamp(_ site: inout Site, history: [String: String]) {
        for i in site.pages.indices { site.pages[i].updated = date(of: site.pages[i], history: history) }
    }

    static func date(of page: Page, history: [String: String]) -> String? {
        let declared = page.source.meta("updated")?.string.flatMap(IsoDate.init)?.text
        return declared ?? history[page.source.sourcePath] ?? page.date.flatMap(IsoDate.init)?.text
    }
}
