/// A page nothing leads to.
///
/// A page is an orphan when no other page links to it in its text (`backlinks`), no page refers
/// to it in front matter (`principles: [...]`), and no section page lists it — a section page
/// being a writer's own `_index.md`, whose layout lists every page of its folder. So a page in a
/// folder with `_index.md` is never an orphan; one in a folder without it (the generator makes a
/// bare listing there, which no writer introduced) is, unless something links to it. The sidebar
/// does not count: it lists everything, so counting it would find nothing. The home page and
/// section pages themselves are never orphans.
enum OrphanPages {
    static func check(_ site: Site) -> [Diagnostic] {
        site.pages.compactMap { page in
            guard !page.id.isEmpty, !page.source.isSectionIndex,
                  site.sections[page.source.parentSection]?.indexPage == nil,
                  page.backlinks.isEmpty, !page.referencedBy.contains(where: { $0.pageId != page.id }) else { return nil }
            let folder = page.source.parentSection.isEmpty ? "" : page.source.parentSection + "/"
            return .warning("на страницу не ведёт ни одна ссылка, и её раздел не описан страницей _index.md",
                            file: page.source.sourcePath, line: 1, code: "orphan-page",
                            hint: "поставьте ссылку на \(page.source.contentPath) со связанной страницы или создайте \(folder)_index.md")
        }
    }
}
