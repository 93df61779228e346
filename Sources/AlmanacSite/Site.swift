import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
/// The whole site after the graph is built: what the indexer and the theme work from.
public struct Site: Sendable {
    public var config: SiteConfig
    public var offline: Bool
    /// In navigation order: a section's own page first, then its pages, depth first.
    public var pages: [Page]
    public var sections: [String: Section]
    public var tags: [Tag]
    public var assets: [ContentAsset]
    /// Old paths (from `aliases`) that redirect to a page id.
    public var redirects: [(from: PageAddress, to: String)]
    /// What git knows about `content/` (see `GitHistory`): page histories and the «what's new» page.
    public var history: SiteHistory = .unavailable
    /// The day review deadlines are checked against (`--today`); it never reaches the output.
    public var today: IsoDate = .today()

    private var indexById: [String: Int]
    private var tagIndexByName: [String: Int]

    public init(config: SiteConfig, offline: Bool, pages: [Page], sections: [String: Section], tags: [Tag],
                assets: [ContentAsset], redirects: [(from: PageAddress, to: String)]) {
        self.config = config
        self.offline = offline
        self.pages = pages
        self.sections = sections
        self.tags = tags
        self.assets = assets
        self.redirects = redirects
        var index: [String: Int] = [:]
        for (i, p) in pages.enumerated() { index[p.id] = i }
        self.indexById = index
        var tagIndex: [String: Int] = [:]
        for (i, t) in tags.enumerated() { tagIndex[t.name] = i }
        self.tagIndexByName = tagIndex
    }

    /// Tags are matched case-insensitively: `Основы` and `основы` are one tag.
    public func tag(named name: String) -> Tag? { tagIndexByName[name.lowercased()].map { tags[$0] } }

    public func page(_ id: String) -> Page? { indexById[id].map { pages[$0] } }

    public var home: Page? { page("") }
}

/// One page with everything the later stages need, resolved once.
public struct Page: Sendable {
    public var source: SourcePage
    public var rendered: RenderedPage
    public var title: String
    /// From front matter, else the first paragraph, shortened.
    public var description: String
    public var address: PageAddress
    public var tags: [String]
    public var weight: Int
    public var date: String?
    /// Ids of the pages that link here, in navigation order.
    public var backlinks: [String] = []
    /// Pages whose front matter refers to this one (`principles: [principles/speed]`).
    public var referencedBy: [Reference] = []
    /// Old anchor → current heading anchor, from `anchors:` and from the previous build.
    public var anchorAliases: [String: String] = [:]
    /// `YYYY-MM-DD` the page last changed: `updated:`, else its last commit, else `date:` (see `LastUpdated`).
    public var updated: String?
    /// The newest commits that touched the file, at most `PageHistory.limit`, when the site is a git checkout.
    public var history: [SiteHistory.Commit] = []

    public var id: String { source.id }
    public var type: String { source.type }

    public struct Reference: Sendable, Hashable {
        public var field: String
        public var pageId: String
    }
}

/// A folder under content/.
public struct Section: Sendable {
    public var id: String
    public var title: String
    /// The section's own page (`_index.md`), when it has one.
    public var indexPage: String?
    /// Pages directly inside, ordered by weight, then title.
    public var pages: [String]
    /// Sub-folders, ordered the same way.
    public var subsections: [String]
    public var weight: Int
    /// Pages and sub-folders together, as readers see them listed: by weight, then title.
    public var entries: [Entry] = []

    public enum Entry: Sendable, Hashable {
        case page(String)
        case section(String)
    }
}

public struct Tag: Sendable {
    public var name: String
    public var slug: String
    public var pages: [String]
    public var address: PageAddress { PageAddress(directory: "tags/" + slug) }
}
