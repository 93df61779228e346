import AlmanacContent
import AlmanacCore
/// The section tree and the reading order: by `weight`, then by title in Russian collation.
package enum Navigation {
    /// Returns the sections and the page order (indices into `pages`), depth first.
    package static func build(pages: [Page], index: [String: Int]) -> ([String: Section], [Int]) {
        var sections: [String: Section] = [:]
        func ensure(_ id: String) {
            guard sections[id] == nil else { return }
            let name = id.split(separator: "/").last.map(String.init) ?? ""
            sections[id] = Section(id: id, title: name, indexPage: nil, pages: [], subsections: [], weight: 0)
            if !id.isEmpty {
                let parent = FolderPath.parent(of: id)
                ensure(parent)
                sections[parent]!.subsections.append(id)
            }
        }
        ensure("")
        for page in pages {
            if page.source.isSectionIndex {
                ensure(page.id)
                sections[page.id]!.indexPage = page.id
                sections[page.id]!.title = page.title
                sections[page.id]!.weight = page.weight
            } else {
                ensure(page.source.parentSection)
                sections[page.source.parentSection]!.pages.append(page.id)
            }
        }
        func ordered(_ ids: [String], weight: (String) -> Int, title: (String) -> String) -> [String] {
            ids.sorted { a, b in
                let wa = weight(a), wb = weight(b)
                if wa != wb { return wa < wb }
                return RussianCollation.less(title(a), title(b))
            }
        }
        for id in sections.keys {
            sections[id]!.pages = ordered(sections[id]!.pages, weight: { pages[index[$0]!].weight },
                                          title: { pages[index[$0]!].title })
            sections[id]!.subsections = ordered(sections[id]!.subsections, weight: { sections[$0]!.weight },
                                                title: { sections[$0]!.title })
        }
        for id in sections.keys {
            let s = sections[id]!
            let merged: [(Section.Entry, Int, String)] =
                s.pages.map { (.page($0), pages[index[$0]!].weight, pages[index[$0]!].title) }
                + s.subsections.map { (.section($0), sections[$0]!.weight, sections[$0]!.title) }
            sections[id]!.entries = merged.sorted { a, b in
                a.1 != b.1 ? a.1 < b.1 : RussianCollation.less(a.2, b.2)
            }.map(\.0)
        }
        var order: [Int] = []
        func visit(_ id: String) {
            let section = sections[id]!
            if let p = section.indexPage { order.append(index[p]!) }
            order += section.pages.map { index[$0]! }
            section.subsections.forEach(visit)
        }
        visit("")
        return (sections, order)
    }
}
