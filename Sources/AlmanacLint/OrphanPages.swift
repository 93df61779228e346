import AlmanacContent
import AlmanacCore
import AlmanacSite
/// A page nothing leads to.
///
/// A page is an orphan when no other page links to it in its text (`backlinks`), no page refers
/// to it in front matter (`principles: [...]`), and no listing shows it. Every folder has a page
/// that lists what is in it: the writer's own (`_index.md`, `index.md`, `README.md`, see
/// `index_files`) or the one the generator makes, the home page included, and both count as
/// linking their children, as a reader reaches the page through them (an imported tree without
/// any `_index.md` is not a storm of orphans). What a listing leaves out is the authors' area
/// seen from a readers' folder: a page of the authors' area (`authors_area: docs`, a page
/// `docs.md`) in a readers' folder is listed nowhere and needs a link. The sidebar does not count:
/// it lists everything, so counting it would find nothing. The home page and folder pages
/// themselves are never orphans.
package enum OrphanPages {
    package static func check(_ site: Site) -> [Diagnostic] {
        site.pages.compactMap { page in
            guard !page.id.isEmpty, !page.source.isSectionIndex, !isListed(page, in: site),
                  page.backlinks.isEmpty, !page.referencedBy.contains(where: { $0.pageId != page.id }) else { return nil }
            return .warning(.orphanPage, file: page.source.sourcePath, line: 1, code: .orphanPage,
                            hint: .linkToOrphan(path: page.source.contentPath))
        }
    }

    /// The same rule as the listings (`PageContext.children`): a readers' folder hides the authors' pages.
    package static func isListed(_ page: Page, in site: Site) -> Bool {
        let folder = page.source.parentSection
        return !(site.config.isAuthorsPage(id: page.id) && !site.config.isAuthorsPage(id: folder))
    }
}
