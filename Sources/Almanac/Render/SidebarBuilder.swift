/// The sidebar tree: every top-level section, and the sections on the way to the current page
/// opened. Opening only that path keeps a 10,000-page site's pages small.
struct SidebarBuilder {
    let site: Site

    func items(for address: PageAddress, current: String?) -> [[String: Any]] {
        let currentSection = current.flatMap { site.page($0) }.map { p in
            p.source.isSectionIndex ? p.id : p.source.parentSection
        } ?? address.directory
        guard let root = site.sections[""] else { return [] }
        return entries(of: root, from: address, current: current, openPath: currentSection)
    }

    private func entries(of section: Section, from a: PageAddress, current: String?, openPath: String) -> [[String: Any]] {
        var items: [[String: Any]] = []
        for id in section.pages {
            guard let p = site.page(id) else { continue }
            // Every key is always present: Mustache would otherwise find the parent's `children`.
            items.append(["title": p.title, "url": a.relativeURL(to: p.address, offline: site.offline),
                          "current": id == current, "isSection": false, "hasChildren": false, "children": [Any]()])
        }
        for id in section.subsections {
            guard let sub = site.sections[id] else { continue }
            let isOpen = openPath == id || openPath.hasPrefix(id + "/")
            var item: [String: Any] = [
                "title": sub.title, "url": a.relativeURL(to: PageAddress(directory: id), offline: site.offline),
                "current": sub.indexPage != nil && sub.indexPage == current, "isSection": true, "open": isOpen,
            ]
            let children = isOpen ? entries(of: sub, from: a, current: current, openPath: openPath) : []
            item["children"] = children
            item["hasChildren"] = !children.isEmpty
            items.append(item)
        }
        return items
    }
}
