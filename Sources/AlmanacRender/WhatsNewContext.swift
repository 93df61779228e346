import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// The «what's new» page (whats-new/index.html): the latest commits that changed readers' pages
/// (see `HistorySettings`), newest first, each with its date, subject and the pages it touched. It reads the one
/// history the build already has; without git it says so instead of listing nothing.
package struct WhatsNewContext {
    package static let address = PageAddress(directory: "whats-new")
    /// Commits shown, and pages named per commit before «and N more» (an import touches hundreds).
    package static let commitLimit = 20
    package static let pagesPerCommit = 12

    package let site: Site
    package let context: PageContext

    /// Always, unless a page of the writers' stands at its address.
    package static func exists(in site: Site) -> Bool {
        site.page(address.directory) == nil && site.sections[address.directory] == nil
    }

    package func make() -> [String: Any] {
        let title = context.strings["whatsnew.title"]
        var c = context.base(at: Self.address, currentPage: nil, title: title)
        c["page"] = ["title": title] as [String: Any]
        let commits = entries()
        c["whatsNew"] = ["available": site.history.isAvailable, "commits": commits, "hasCommits": !commits.isEmpty,
                         "empty": site.history.isAvailable && commits.isEmpty] as [String: Any]
        return c
    }

    private func entries() -> [[String: Any]] {
        var bySource: [String: Page] = [:]
        for page in site.pages { bySource[page.source.sourcePath] = page }
        let dates = DateText(strings: context.strings)
        var out: [[String: Any]] = []
        // Readers' history: commits `history.readers_since` lets them see, and of each only the
        // readers' pages; a commit that changed nothing but the authors' area is not news to them.
        for commit in site.history.commits where site.config.history.showsReaders(commit) {
            // Drafts, deleted pages and images are not pages a reader can open.
            let pages = commit.files.compactMap { bySource[$0.path] }.filter { !site.config.isAuthorsPage(id: $0.id) }
            guard !pages.isEmpty, let date = IsoDate(commit.date) else { continue }
            let links = pages.prefix(Self.pagesPerCommit).compactMap { context.link($0.id, from: Self.address) }
            let more = pages.count - links.count
            out.append(["iso": date.text, "text": dates.long(date), "subject": commit.subject,
                        "pages": links, "more": more, "hasMore": more > 0])
            if out.count == Self.commitLimit { break }
        }
        return out
    }
}
