import AlmanacCore
import AlmanacContent
import AlmanacMarkdown
import AlmanacSite

/// What a layout renders a page of the site with: the site, addresses relative to the page,
/// navigation, the theme's words and icons, and `page` itself (see `PageContext`, which builds it).
/// Only the keys one kind of page adds (`console`, `tags`, `playbook`…) are optional.
package struct LayoutContext: TemplateValue, ThemeLayoutValue {
    package var site: Shared<SiteInfo>
    package var root: String
    package var offline: Bool
    package var ui: UIContext
    package var typeTitles: TextTable
    package var homeURL: String
    package var searchURL: String
    package var tagsURL: String
    /// The rendered sidebar (see `SidebarBuilder`).
    package var sidebar: String
    package var pageTitle: String
    package var canonical: String
    package var hasCanonical: Bool
    /// The site's description until the page supplies its own.
    package var metaDescription: String
    package var hasFeed: Bool
    package var feedURL: String?
    package var playbookURL: String?
    package var whatsNewURL: String?
    package var authorsURL: String?
    package var icons = TextTable()
    package var page: PageValue?
    package var console: ConsoleInfo?
    /// The tag cloud (tags/index.html).
    package var tags: [TagEntry]?
    /// A tag's pages.
    package var items: [LinkInfo]?
    /// 404.html's `<base href>`.
    package var baseHref: String?
    package var playbook: PlaybookInfo?
    package var whatsNew: WhatsNewInfo?

    private enum Key: String, CaseIterable, Sendable {
        case site, root, offline, ui, typeTitles, homeURL, searchURL, tagsURL, sidebar, pageTitle, canonical, hasCanonical
        case metaDescription, hasFeed, feedURL, playbookURL, whatsNewURL, authorsURL, icons, page, console, tags, items
        case baseHref, playbook, whatsNew
    }
    private static let keys = TemplateKeys<Key>()

    package func child(named name: String) -> Any? {
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
package struct SiteInfo: TemplateValue {
    package var title: String
    package var description: String
    package var language: String
    package var baseURL: String
    package var params: ParamsContext

    package func child(named name: String) -> Any? {
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
package enum PageValue: Sendable, Hashable {
    case content(Shared<PageInfo>)
    case listing(Shared<ListingPageInfo>)
    case titled(TitledPageInfo)

    package var value: Any {
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
package struct PageInfo: TemplateValue {
    package var id: String
    package var title: String
    package var description: String
    /// The body's HTML.
    package var content: String
    package var hasContent: Bool
    package var type: String
    package var typeTitle: String
    package var isSection: Bool
    package var params: ParamsContext
    package var toc: [TocEntry]
    package var wordCount: Int
    package var tags: [TagLink]
    package var breadcrumbs: [TitledLink]
    package var backlinks: [LinkInfo]
    package var referencedBy: [ReferenceGroup]
    package var sourcePath: String
    package var editURL: String?
    package var date: String?
    package var updated: DatedText?
    package var approval: Shared<ApprovalInfo>?
    package var history: [HistoryEntry]
    package var prev: LinkInfo?
    package var next: LinkInfo?
    /// A section's own page and the home page list their folder.
    package var children: [LinkInfo]
    package var listing: ListingInfo?
    package var fields: FieldTable
    package var facts: [FieldInfo]

    package var isHome: Bool { id.isEmpty }

    private enum Key: String, CaseIterable, Sendable {
        case id, title, description, content, hasContent, type, typeTitle, isHome, isSection, params, toc, hasToc, wordCount
        case tags, hasTags, breadcrumbs, hasBreadcrumbs, backlinks, hasBacklinks, referencedBy, hasReferencedBy, sourcePath
        case editURL, hasEditURL, date, updated, hasUpdated, approval, hasApproval, history, hasHistory, prev, next, hasPager
        case children, hasChildren, listing, hasListing, fields, facts, hasFacts
    }
    private static let keys = TemplateKeys<Key>()

    package func child(named name: String) -> Any? {
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
package struct ListingPageInfo: TemplateValue {
    package var title: String
    package var description: String
    package var children: [LinkInfo]
    package var breadcrumbs: [TitledLink]

    package func child(named name: String) -> Any? {
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
package struct TitledPageInfo: TemplateValue {
    package var title: String
    package var isTag: Bool?
    package var isPlaybook: Bool?

    package func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "isTag": return isTag
        case "isPlaybook": return isPlaybook
        default: return nil
        }
    }
}

/// A link to a page (or a folder, in a listing): backlinks, children, the pager, references.
package struct LinkInfo: TemplateValue {
    package var title: String
    package var url: String
    package var description: String
    package var type: String
    package var isSection: Bool
    package var typeTitle: String

    package func child(named name: String) -> Any? {
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
package struct TagLink: TemplateValue {
    package var name: String
    package var url: String

    package func child(named name: String) -> Any? {
        switch name {
        case "name": return asText(self.name)
        case "url": return asText(url)
        default: return nil
        }
    }
}

package struct TagEntry: TemplateValue {
    package var name: String
    package var count: Int
    package var url: String

    package func child(named name: String) -> Any? {
        switch name {
        case "name": return asText(self.name)
        case "count": return count
        case "url": return asText(url)
        default: return nil
        }
    }
}

/// A heading of the table of contents; `sub` for a third-level one.
package struct TocEntry: TemplateValue {
    package var anchor: String
    package var text: String
    package var sub: Bool

    package func child(named name: String) -> Any? {
        switch name {
        case "anchor": return asText(anchor)
        case "text": return asText(text)
        case "sub": return sub
        default: return nil
        }
    }
}

/// The pages of one type whose front matter refers to this page.
package struct ReferenceGroup: TemplateValue {
    package var type: String
    package var title: String
    package var items: [LinkInfo]

    package func child(named name: String) -> Any? {
        switch name {
        case "type": return asText(type)
        case "title": return asText(title)
        case "items": return items
        default: return nil
        }
    }
}

/// A commit that changed the page.
package struct HistoryEntry: TemplateValue {
    package var iso: String
    package var text: String
    package var subject: String

    package func child(named name: String) -> Any? {
        switch name {
        case "iso": return asText(iso)
        case "text": return asText(text)
        case "subject": return asText(subject)
        default: return nil
        }
    }
}

/// The approval badge: status, owner, who approved and when, the review deadline.
package struct ApprovalInfo: TemplateValue {
    package var status: String?
    package var owner: String?
    package var approvedBy: String?
    package var approvedOn: DatedText?
    package var reviewBy: DatedText?

    package func child(named name: String) -> Any? {
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
package protocol ThemeLayoutValue: TemplateObject {
    var icons: TextTable { get set }
}
