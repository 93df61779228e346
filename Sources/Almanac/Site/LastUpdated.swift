/// Gives every page its «last updated» date: `updated:` in front matter when a writer set it,
/// else the last commit that touched the file, else `date:`.
enum LastUpdated {
    static func stamp(_ site: inout Site, history: [String: String]) {
        for i in site.pages.indices {
            let source = site.pages[i].source
            let declared = source.meta("updated")?.string.flatMap(IsoDate.init)?.text
            site.pages[i].updated = declared ?? history[source.sourcePath] ?? site.pages[i].date.flatMap(IsoDate.init)?.text
        }
    }
}
