import Mustache

/// What a layout renders a page of the site with: the site, addresses relative to the page,
/// navigation, the theme's words and icons, and `page` itself (see `PageContext`, which builds it).
/// Only the keys one kind of page adds (`console`, `tags`, `playbook`…) are optional.
struct LayoutContext: TemplateValue, ThemeLayoutValue {
    var site: Shared<SiteInfo>
    var root: String
    var offline: Bool
    var ui: UIContext
    var typeTitles: TextTable
    var homeURL: String
    var searchURL: String
    var tagsURL: String
    /// The rendered sidebar (see `SidebarBuilder`).
    var sidebar: String
    var pageTitle: String
    var canonical: String
    var hasCanonical: Bool
    /// The site's description until the page supplies its own.
    var metaDescription: String
    var hasFeed: Bool
    var feedURL: String?
    var playbookURL: String?
    var whatsNewURL: String?
    var authorsURL: String?
    var icons = TextTable()
    var page: PageValue?
    var console: ConsoleInfo?
    /// The tag cloud (tags/index.html).
    var tags: [TagEntry]?
    /// A tag's pages.
    var items: [LinkInfo]?
    /// 404.html's `<base href>`.
    var baseHref: String?
    var playbook: PlaybookInfo?
    var whatsNew: WhatsNewInfo?

    private enum Key: String, CaseIterable, Sendable {
        case site, root, offline, ui, typeTitles, homeURL, searchURL, tagsURL, sidebar, pageTitle, canonical, hasCanonical
        case metaDescription, hasFeed, feedURL, playbookURL, whatsNewURL, authorsURL, icons, page, console, tags, items
        case baseHref, playbook, whatsNew
    }
    private static let keys = TemplateKeys<Key>()

    func child(named name: String) -> Any? {
        guard let key = Self.keys[name] else { return nil }
        switch key {
        case .site: return site
        case .root: return asText(root)
        case .offline: return offline
        case .ui: return ui
        case .typeTitles: return typeTitles
        case .homeURL: return asText(homeURL)
        case .searchURL: return asText(searchURL)
        case .tagsURL: return asText(tagsURL)
        case .sidebar: return asText(sidebar)
        case .pageTitle: return asText(pageTitle)
        case .canonical: return asText(canonical)
        case .hasCanonical: return hasCanonical
        case .metaDescription: return asText(metaDescription)
        case .hasFeed: return hasFeed
        case .feedURL: return asText(feedURL)
        case .playbookURL: return asText(playbookURL)
        case .whatsNewURL: return asText(whatsNewURL)
        case .authorsURL: return asText(authorsURL)
        case .icons: return icons
        case .page: return page?.value
        case .console: return console
        case .tags: return tags
        case .items: return items
        case .baseHref: return asText(baseHref)
        case .playbook: return playbook
        case .whatsNew: return whatsNew
        }
    }
}

/// `{{site.…}}`: almanac.yml's title, description, language, base URL and `params`.
struct SiteInfo: TemplateValue {
    var title: String
    var description: String
    var language: String
    var baseURL: String
    var params: ParamsContext

    func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "description": return asText(description)
        case "hasDescription": return !description.isEmpty
        case "language": return asText(language)
        case "baseURL": return asText(baseURL)
        case "params": return params
        default: return nil
        }
    }
}

/// `page`: a page from content/, a listing the generator writes for a folder, or one of its own
/// pages (search, tags, a tag, the playbook, 404, «what's new»), which have a title and a flag at most.
enum PageValue: Sendable, Hashable {
    case content(Shared<PageInfo>)
    case listing(Shared<ListingPageInfo>)
    case titled(TitledPageInfo)

    var value: Any {
        switch self {
        case .content(let p): return p
        case .listing(let p): return p
        case .titled(let p): return p
        }
    }
}

/// A page from content/: everything its layout shows. The lists are always there (empty when
/// there is nothing), each with a `hasX` flag: templates test the flag, since a list absent
/// would make Mustache find another of the same name further down the stack.
struct PageInfo: TemplateValue {
    var id: String
    var title: String
    var description: String
    /// The body's HTML.
    var content: String
    var hasContent: Bool
    var type: String
    var typeTitle: String
    var isSection: Bool
    var params: ParamsContext
    var toc: [TocEntry]
    var wordCount: Int
    var tags: [TagLink]
    var breadcrumbs: [TitledLink]
    var backlinks: [LinkInfo]
    var referencedBy: [ReferenceGroup]
    var sourcePath: String
    var editURL: String?
    var date: String?
    var updated: DatedText?
    var approval: Shared<ApprovalInfo>?
    var history: [HistoryEntry]
    var prev: LinkInfo?
    var next: LinkInfo?
    /// A section's own page and the home page list their folder.
    var children: [LinkInfo]
    var listing: ListingInfo?
    var fields: FieldTable
    var facts: [FieldInfo]

    var isHome: Bool { id.isEmpty }

    private enum Key: String, CaseIterable, Sendable {
        case id, title, description, content, hasContent, type, typeTitle, isHome, isSection, params, toc, hasToc, wordCount
        case tags, hasTags, breadcrumbs, hasBreadcrumbs, backlinks, hasBacklinks, referencedBy, hasReferencedBy, sourcePath
        case editURL, hasEditURL, date, updated, hasUpdated, approval, hasApproval, history, hasHistory, prev, next, hasPager
        case children, hasChildren, listing, hasListing, fields, facts, hasFacts
    }
    private static let keys = TemplateKeys<Key>()

    func child(named name: String) -> Any? {
        guard let key = Self.keys[name] else { return nil }
        switch key {
        case .id: return asText(id)
        case .title: return asText(title)
        case .description: return asText(description)
        case .content: return asText(content)
        case .hasContent: return hasContent
        case .type: return asText(type)
        case .typeTitle: return asText(typeTitle)
        case .isHome: return isHome
        case .isSection: return isSection
        case .params: return params
        case .toc: return toc
        case .hasToc: return toc.count > 1
        case .wordCount: return wordCount
        case .tags: return tags
        case .hasTags: return !tags.isEmpty
        case .breadcrumbs: return breadcrumbs
        case .hasBreadcrumbs: return !breadcrumbs.isEmpty
        case .backlinks: return backlinks
        case .hasBacklinks: return !backlinks.isEmpty
        case .referencedBy: return referencedBy
        case .hasReferencedBy: return !referencedBy.isEmpty
        case .sourcePath: return asText(sourcePath)
        case .editURL: return asText(editURL)
        case .hasEditURL: return editURL != nil
        case .date: return asText(date)
        case .updated: return updated
        case .hasUpdated: return updated != nil
        case .approval: return approval
        case .hasApproval: return approval != nil
        case .history: return history
        case .hasHistory: return !history.isEmpty
        case .prev: return prev
        case .next: return next
        case .hasPager: return prev != nil || next != nil
        case .children: return children
        case .hasChildren: return !children.isEmpty
        case .listing: return listing
        case .hasListing: return listing != nil
        case .fields: return fields
        case .facts: return facts
        case .hasFacts: return !facts.isEmpty
        }
    }
}

/// The listing the generator writes for a folder without a page of its own (and the home page
/// of a tree without content/_index.md): its title, its children, the way up.
struct ListingPageInfo: TemplateValue {
    var title: String
    var description: String
    var children: [LinkInfo]
    var breadcrumbs: [TitledLink]

    func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "description": return asText(description)
        case "content": return asText("")
        case "isSection": return true
        case "children": return children
        case "hasChildren": return !children.isEmpty
        case "breadcrumbs": return breadcrumbs
        case "hasBreadcrumbs": return !breadcrumbs.isEmpty
        case "tags", "backlinks", "referencedBy", "history": return [LinkInfo]()
        case "hasTags", "hasBacklinks", "hasReferencedBy", "hasHistory": return false
        case "isHome", "hasToc", "hasPager", "hasListing", "hasFacts", "hasApproval", "hasContent": return false
        default: return nil
        }
    }
}

/// A page the generator makes whose layout needs only its title (search, tags, 404…); a tag's
/// page and the playbook say which they are.
struct TitledPageInfo: TemplateValue {
    var title: String
    var isTag: Bool?
    var isPlaybook: Bool?

    func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "isTag": return isTag
        case "isPlaybook": return isPlaybook
        default: return nil
        }
    }
}

/// A link to a page (or a folder, in a listing): backlinks, children, the pager, references.
struct LinkInfo: TemplateValue {
    var title: String
    var url: String
    var description: String
    var type: String
    var isSection: Bool
    var typeTitle: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "url": return asText(url)
        case "description": return asText(description)
        case "type": return asText(type)
        case "isSection": return isSection
        case "typeTitle": return asText(typeTitle)
        default: return nil
        }
    }
}

/// A tag the page carries, or one of the tag cloud (which also says how many pages carry it).
struct TagLink: TemplateValue {
    var name: String
    var url: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": return asText(self.name)
        case "url": return asText(url)
        default: return nil
        }
    }
}

struct TagEntry: TemplateValue {
    var name: String
    var count: Int
    var url: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": return asText(self.name)
        case "count": return count
        case "url": return asText(url)
        default: return nil
        }
    }
}

/// A heading of the table of contents; `sub` for a third-level one.
struct TocEntry: TemplateValue {
    var anchor: String
    var text: String
    var sub: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return asText(anchor)
        case "text": return asText(text)
        case "sub": return sub
        default: return nil
        }
    }
}

/// The pages of one type whose front matter refers to this page.
struct ReferenceGroup: TemplateValue {
    var type: String
    var title: String
    var items: [LinkInfo]

    func child(named name: String) -> Any? {
        switch name {
        case "type": return asText(type)
        case "title": return asText(title)
        case "items": return items
        default: return nil
        }
    }
}

/// A commit that changed the page.
struct HistoryEntry: TemplateValue {
    var iso: String
    var text: String
    var subject: String

    func child(named name: String) -> Any? {
        switch name {
        case "iso": return asText(iso)
        case "text": return asText(text)
        case "subject": return asText(subject)
        default: return nil
        }
    }
}

/// The approval badge: status, owner, who approved and when, the review deadline.
struct ApprovalInfo: TemplateValue {
    var status: String?
    var owner: String?
    var approvedBy: String?
    var approvedOn: DatedText?
    var reviewBy: DatedText?

    func child(named name: String) -> Any? {
        switch name {
        case "hasStatus": return status != nil
        case "status": return asText(status ?? "")
        case "statusSlug": return asText(Slug.make(status ?? ""))
        case "hasOwner": return owner != nil
        case "owner": return asText(owner ?? "")
        case "hasApprovedBy": return approvedBy != nil
        case "approvedBy": return asText(approvedBy ?? "")
        case "hasApprovedOn": return approvedOn != nil
        case "hasReviewBy": return reviewBy != nil
        case "approvedOn": return approvedOn
        case "reviewBy": return reviewBy
        default: return nil
        }
    }
}

/// A layout's root context: `Theme.render` gives it the icons.
protocol ThemeLayoutValue: MustacheParent {
    var icons: TextTable { get set }
}
