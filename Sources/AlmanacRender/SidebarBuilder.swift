import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// The sidebar tree: every top-level section, and the sections on the way to the current page
/// opened.
///
/// Pages in one folder see every other page through the same relative URLs, so the sidebar is
/// rendered once per folder and open section, not once per page: on a 10,000-page site that is
/// a few dozen renders instead of ten thousand. The current page is then marked by adding
/// `aria-current="page"` after its link's `href` — the theme's nav links are written as
/// `<a href="{{url}}"` for that reason.
package struct SidebarBuilder {
    package let site: Site

    package struct Key: Hashable, Sendable {
        /// The folder the page sits in, and whether it is the home page (which sits at the root itself).
        package var parent: String
        package var isRoot: Bool
        package var openSection: String
        /// Inside the authors' area (`authors_area:`): the sidebar shows that area alone.
        package var authors = false
    }

    package func key(for address: PageAddress, current: String?) -> Key {
        // Listings the generator writes (tags, search) open nothing; a folder without _index.md opens itself.
        let openSection = current.flatMap { site.page($0) }.map { p in
            p.source.isSectionIndex ? p.id : p.source.parentSection
        } ?? (site.sections[address.directory] != nil ? address.directory : "")
        return Key(parent: FolderPath.parent(of: address.directory), isRoot: address.directory.isEmpty, openSection: openSection,
                   authors: site.config.isAuthorsPage(id: address.directory))
    }

    /// A page that does not exist, in the given folder: links from it are the links of every page there.
    package func viewpoint(_ key: Key) -> PageAddress {
        if key.isRoot { return PageAddress(directory: "") }
        return PageAddress(directory: key.parent.isEmpty ? "\u{0}" : key.parent + "/\u{0}")
    }

    /// Readers see every section but the authors' area; inside the area, the sidebar is the area's
    /// own navigation (its pages, opened) with a way back to the readers' home page first.
    package func items(for key: Key) -> [NavItem] {
        let from = viewpoint(key)
        if key.authors, let area = site.config.authorsArea, let section = site.sections[area] {
            let home = NavItem(title: site.home?.title ?? site.config.title,
                               url: from.relativeURL(to: PageAddress(directory: ""), offline: site.offline), isBack: true)
            let children = entries(of: section, from: from, openPath: key.openSection)
            return [home, NavItem(title: section.title, url: from.relativeURL(to: PageAddress(directory: area), offline: site.offline),
                                  isSection: true, open: true, children: children)]
        }
        guard let root = site.sections[""] else { return [] }
        return entries(of: root, from: from, openPath: key.openSection)
    }

    /// Pages with `urgent: true` in front matter («Первый час кризиса», the decision guide): the
    /// sidebar lists them above everything else, for the reader who arrives mid-crisis. Shallower
    /// first, then by weight and title; a top-level one is not repeated in the tree below.
    package func urgentPages() -> [Page] {
        site.pages.filter(Self.isUrgent)
            .sorted { (Self.depth($0), $0.weight, $0.title) < (Self.depth($1), $1.weight, $1.title) }
    }

    package static func isUrgent(_ page: Page) -> Bool { page.source.meta("urgent") == .bool(true) }
    private static func depth(_ page: Page) -> Int { page.id.split(separator: "/").count }

    package func urgent(_ pages: [Page], for key: Key) -> [TitledLink] {
        // The writers' own area is read before a crisis, not during one: its sidebar is its own.
        guard !key.authors else { return [] }
        let a = viewpoint(key)
        return pages.map { TitledLink(title: $0.title, url: a.relativeURL(to: $0.address, offline: site.offline)) }
    }

    /// Marks the current page's link in a sidebar rendered for its folder.
    package func mark(_ html: String, key: Key, current: PageAddress) -> String {
        let href = Array(("<a href=\"" + viewpoint(key).relativeURL(to: current, offline: site.offline) + "\"").utf8)
        var html = html
        let offset = html.withUTF8 { ByteSearch.firstIndex(of: href, in: $0) }
        guard let offset else { return html }
        // The cut falls after an ASCII quote, so both halves are whole UTF-8 and are copied, not re-validated.
        let cut = html.utf8.index(html.utf8.startIndex, offsetBy: offset + href.count)
        return String(html[..<cut]) + " aria-current=\"page\"" + html[cut...]
    }

    /// The authors' area, seen from outside it.
    private func isHiddenFromReaders(_ entry: Section.Entry, in section: Section) -> Bool {
        guard !site.config.isAuthorsPage(id: section.id) else { return false }
        switch entry {
        case .page(let id), .section(let id): return site.config.isAuthorsPage(id: id)
        }
    }

    private func entries(of section: Section, from a: PageAddress, openPath: String) -> [NavItem] {
        var items: [NavItem] = []
        for entry in section.entries where !isHiddenFromReaders(entry, in: section) {
            switch entry {
            case .page(let id):
                guard let p = site.page(id), !(section.id.isEmpty && Self.isUrgent(p)) else { continue }
                items.append(NavItem(title: p.title, url: a.relativeURL(to: p.address, offline: site.offline)))
            case .section(let id):
                guard let sub = site.sections[id] else { continue }
                let isOpen = openPath == id || openPath.hasPrefix(id + "/")
                let children = isOpen ? entries(of: sub, from: a, openPath: openPath) : []
                items.append(NavItem(title: sub.title, url: a.relativeURL(to: PageAddress(directory: id), offline: site.offline),
                                     isSection: true, open: isOpen, children: children))
            }
        }
        return items
    }

    package init(site: Site) {
        self.site = site
    }
}

/// The sidebar template's context: the tree, the urgent pages above it, the theme's words and icons.
package struct SidebarContext: TemplateValue {
    package var nav: [NavItem]
    package var urgent: [TitledLink]
    package var ui: UIContext
    package var icons: TextTable

    package func child(named name: String) -> Any? {
        switch name {
        case "nav": return nav
        case "urgent": return urgent
        case "hasUrgent": return !urgent.isEmpty
        case "ui": return ui
        case "icons": return icons
        default: return nil
        }
    }
}

/// A link of the sidebar tree: a page, or a section with its entries when it is open.
package struct NavItem: TemplateValue {
    package var title: String
    package var url: String
    package var isSection = false
    package var isBack = false
    /// A page's link has no `open`, a section's always has.
    package var open: Bool?
    /// Always answered, if empty: Mustache would otherwise find the parent's `children`.
    package var children: [NavItem] = []

    package func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "url": return asText(url)
        case "isSection": return isSection
        case "isBack": return isBack
        case "open": return open
        case "children": return children
        case "hasChildren": return !children.isEmpty
        default: return nil
        }
    }
}

/// Substring search on UTF-8 bytes: Foundation's `range(of:)` compares Unicode-aware and is
/// far slower on Cyrillic HTML, where only exact bytes matter.
package enum ByteSearch {
    package static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.withUnsafeBufferPointer { firstIndex(of: needle, in: $0) }
    }

    package static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            guard let next = haystack[i...last].firstIndex(of: first) else { return nil }
            if haystack[next..<next + needle.count].elementsEqual(needle) { return next }
            i = next + 1
        }
        return nil
    }
}
