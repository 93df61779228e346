import Foundation
import AlmanacCore
import AlmanacRender
import AlmanacSite

/// Which of a build's pages are those already published, so that the writer links the published
/// file instead of rendering it: a page whose fingerprint (`PageFingerprint`) is the one the last
/// build recorded for its path, or, when only another page's face changed, whose finer fingerprint
/// (`ShownFingerprint`) is. Holds the fingerprints the next build compares with.
struct PageReuse {
    /// Output path → `PageFingerprint` (content pages) or `PageFingerprint.generated` (the generator's pages).
    private(set) var fingerprints: [String: ContentHash] = [:]
    /// Output path → `ShownFingerprint`, for the content pages it applies to.
    private(set) var shown: [String: ContentHash] = [:]
    private let finer: ShownFingerprint

    /// Marks `pages` (in the order of `site.pages`) and `generated` reusable where they are.
    /// `theme` names the theme's inputs, `settings` the configuration's.
    init(_ produced: Pipeline.Produced, sidebars: LazySidebars, theme: Theme, previous: CachedBuild?,
         themeInputs: ContentHash, settings: ContentHash, pages: inout [DeferredFile], generated: inout [DeferredFile]) {
        let site = produced.site
        let faces = PageFingerprint.faces(site, context: themeInputs)
        let all = PageFingerprint.all(site, faces: faces, markdown: produced.markdownKeys)
        finer = ShownFingerprint(site: site, settings: ContentHash(combining: [themeInputs, settings]),
                                 markdown: produced.markdownKeys, sidebars: sidebars)
        var candidates: [Int] = []
        for (i, page) in pages.enumerated() {
            fingerprints[page.path] = all[i]
            if previous?.pages[page.path] == all[i] {
                pages[i].reusable = true
                // The same inputs: what the page shows of others is as it was too.
                shown[page.path] = previous?.shown[page.path]
            } else if previous?.shown[page.path] != nil, ShownFingerprint.applies(to: site.pages[i]) {
                candidates.append(i)
            }
        }
        // A changed face (a new title) changes every page's fingerprint: the finer one tells which
        // pages show it.
        if !candidates.isEmpty {
            let prints = finer.of(candidates.map { site.pages[$0] }, theme: ThemeRenderer(theme: theme))
            for (i, print) in zip(candidates, prints) {
                shown[pages[i].path] = print
                pages[i].reusable = previous?.shown[pages[i].path] == print
            }
        }
        let shared = PageFingerprint.generated(site, faces: faces, settings: settings)
        for (i, file) in generated.enumerated() {
            let print = PageFingerprint.generated(shared, path: file.path)
            fingerprints[file.path] = print
            generated[i].reusable = previous?.pages[file.path] == print
        }
    }

    /// After writing: the pages rendered just now recorded what they link to (`LinkBook`), which
    /// gives their finer fingerprints for the next build.
    mutating func noteRendered(_ site: Site, links: LinkBook) {
        for page in site.pages where shown[page.address.outputPath] == nil && ShownFingerprint.applies(to: page) {
            if let linked = links[page.id] { shown[page.address.outputPath] = finer.of(page, shown: linked) }
        }
    }
}
