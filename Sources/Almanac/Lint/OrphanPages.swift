/// A page that no other page points to.
///
/// Every page is listed in its folder's section page and in the sidebar automatically, so
/// those listings do not count: a page is an orphan when no other page links to it in its
/// text (`backlinks`) and no page refers to it in front matter (`principles: [...]`).
/// The home page and section pages (`_index.md`) are never orphans: navigation is what they are for.
/// A writer finds such a page only by browsing its folder; a link from a related page fixes that.
enum OrphanPages {
    static func check(_ site: Site) -> [Diagnostic] {
        site.pages.compactMap { page in
            guard !page.id.isEmpty, !page.source.isSectionIndex,
                  page.backlinks.isEmpty, !page.referencedBy.contains(where: { $0.pageId != page.id }) else { return nil }
            return .warning("на страницу не ссылается ни одна другая страница", file: page.source.sourcePath,
                            line: 1, code: "orphan-page",
                            hint: "добавьте ссылку на \(page.source.contentPath) со связанной страницы или из \(sectionIndexPath(page))")
        }
    }

    private static func sectionIndexPath(_ page: Page) -> String {
        page.source.parentSection.isEmpty ? "_index.md" : page.source.parentSection + "/_index.md"
    }
}
