import Foundation

/// What a page's rendered Markdown depends on, for the build cache. Besides its own body (by
/// `SourcePage.bodyHash`: a page whose file changed only in its front matter is rendered again), only
/// the link targets of the whole site (a link's URL is computed from where its target lives) and
/// the renderer's settings and words; all of those go into the memo's context, so adding,
/// moving or deleting a page renders every page again, while an edit renders only the edited one.
enum MarkdownMemoKey {
    static func context(plan: SitePlan, theme strings: [String: String], base: ContentHash?) -> ContentHash {
        var hasher = ContentHasher()
        hasher.add(base ?? ContentHash(of: ""))
        hasher.add(plan.offline)
        for key in strings.keys.sorted() {
            hasher.add(key)
            hasher.add(strings[key]!)
        }
        for page in plan.pages.sorted(by: { $0.id < $1.id }) {
            hasher.add(page.id)
            hasher.add(page.contentPath)
            hasher.add(plan.addresses[page.id]?.directory ?? "")
        }
        for asset in plan.assets.map(\.contentPath).sorted() { hasher.add(asset) }
        return hasher.finish()
    }

    static func page(_ page: SourcePage, address: PageAddress) -> ContentHash {
        var hasher = ContentHasher()
        hasher.add(page.id)
        hasher.add(page.contentPath)
        hasher.add(address.directory)
        hasher.add(page.bodyLine)
        hasher.add(page.bodyHash)
        return hasher.finish()
    }
}
