import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// Builds the ready-made values templates read (see `LayoutContext`): a template never looks anything up itself.
package struct PageContext: Sendable {
    package let site: Site
    package let strings: UIStrings
    package let siteContext: Shared<SiteInfo>
    package let uiContext: UIContext
    /// Rendered sidebars by folder (see `SidebarBuilder`).
    package let sidebars: LazySidebars
    /// Absolute address of feed.xml, when the site has one (see `AtomFeed`).
    package let feedURL: String?
    /// Inline SVG icons by name (see `Theme.icons`).
    package var icons: [String: String] = [:]
    /// The content types' titles by id (`{{typeTitles.ID}}`).
    package let typeTitles: TextTable
    /// Told every page this context links to, when the build cache asks what a page shows of others.
    package var recorder: LinkRecorder?

    package init(site: Site, strings: UIStrings, sidebars: [SidebarBuilder.Key: String] = [:], uiContext: UIContext? = nil,
         feedURL: String? = nil, icons: [String: String] = [:]) {
        self.init(site: site, strings: strings, sidebars: LazySidebars(sidebars), uiContext: uiContext, feedURL: feedURL, icons: icons)
    }

    package init(site: Site, strings: UIStrings, sidebars: LazySidebars, uiContext: UIContext? = nil,
         feedURL: String? = nil, icons: [String: String] = [:]) {
        self.site = site
        self.icons = icons
        self.sidebars = sidebars
        self.feedURL = feedURL
        self.strings = strings
        self.uiContext = uiContext ?? UIContext(strings)
        siteContext = Shared(SiteInfo(title: site.config.title, description: site.config.description, language: site.config.language,
                                      baseURL: site.config.baseURL, params: ParamsContext(entries: site.config.params)))
        typeTitles = TextTable(values: site.config.contentTypes.reduce(into: [String: String]()) { $0[$1.id] = $1.title })
    }

    /// What every page gets: site, root prefix, UI strings, navigation.
    package func base(at address: PageAddress, currentPage: String?, title: String) -> LayoutContext {
        var context = LayoutContext(
            site: siteContext,
            root: address.rootPrefix,
            offline: site.offline,
            ui: uiContext,
            typeTitles: typeTitles,
            homeURL: address.relativeURL(to: PageAddress(directory: ""), offline: site.offline),
            searchURL: address.relativeURL(to: PageAddress(directory: "search"), offline: site.offline),
            tagsURL: address.relativeURL(to: PageAddress(directory: "tags"), offline: site.offline),
            sidebar: sidebar(at: address, current: currentPage),
            pageTitle: title,
            canonical: site.config.baseURL + LinkResolver.percentEncode(address.serverPath),
            hasCanonical: !site.config.baseURL.isEmpty,
            metaDescription: site.config.description,
            hasFeed: feedURL != nil
        )
        addPublishing(to: &context, at: address)
        return context
    }

    private func sidebar(at address: PageAddress, current: String?) -> String {
        let builder = SidebarBuilder(site: site)
        let key = builder.key(for: address, current: current)
        let html = sidebars[key]
        guard !html.isEmpty else { return "" }
        return current == nil ? html : builder.mark(html, key: key, current: address)
    }

    /// Every other page a page shows something of — its title, description, address or type: a
    /// neighbour, a backlink, a reference — is shown through here.
    package func link(_ id: String, from address: PageAddress) -> LinkInfo? {
        recorder?.note(id)
        guard let target = site.page(id) else { return nil }
        return LinkInfo(title: target.title, url: address.relativeURL(to: target.address, offline: site.offline),
                        description: target.description, type: target.type, isSection: target.source.isSectionIndex,
                        typeTitle: typeName(target.type))
    }

    package func page(_ page: Page) -> LayoutContext {
        let a = page.address
        var context = base(at: a, currentPage: page.id, title: page.id.isEmpty ? site.config.title : page.title)
        let toc = page.rendered.headings.filter { $0.level == 2 || $0.level == 3 }
            .map { TocEntry(anchor: $0.anchor, text: $0.text, sub: $0.level == 3) }
        let neighbours = neighbours(page)
        var children: [LinkInfo] = []
        var listing: ListingInfo?
        if page.source.isSectionIndex || page.id.isEmpty, let section = site.sections[page.id] {
            children = self.children(of: section, from: a)
            listing = TypedFieldsContext(site: site, context: self).listing(for: section)
        }
        let (fields, facts) = TypedFieldsContext(site: site, context: self).fields(of: page)
        let info = PageInfo(
            id: page.id, title: page.title, description: page.description, content: page.rendered.html,
            hasContent: page.rendered.html.contains(where: { !$0.isWhitespace }),
            type: page.type, typeTitle: typeName(page.type), isSection: page.source.isSectionIndex,
            params: ParamsContext(entries: page.source.frontMatter), toc: toc, wordCount: page.rendered.wordCount,
            tags: page.tags.compactMap { tagLink($0, from: a) },
            breadcrumbs: breadcrumbs(page),
            backlinks: page.backlinks.compactMap { link($0, from: a) },
            referencedBy: referenceGroups(page),
            sourcePath: page.source.sourcePath,
            // The source file under content/, as the forge's web editor names it; Mustache escapes it in the href.
            editURL: site.config.editURL.isEmpty ? nil : site.config.editURL + LinkResolver.percentEncode(page.source.contentPath),
            date: page.date,
            updated: updatedContext(page),
            approval: approvalContext(page).map(Shared.init),
            history: historyContext(page),
            prev: neighbours?.0.flatMap { link($0, from: a) },
            next: neighbours?.1.flatMap { link($0, from: a) },
            children: children, listing: listing, fields: fields, facts: facts
        )
        if !page.description.isEmpty { context.metaDescription = page.description }
        if page.id.isEmpty { context.console = HomeConsoleContext(site: site, context: self, icons: icons).make(from: a) }
        context.page = .content(Shared(info))
        return context
    }

    /// A listing page for a folder without its own `_index.md`.
    package func generatedSection(_ section: Section) -> LayoutContext {
        let a = PageAddress(directory: section.id)
        // The root's listing is the home page of a tree without content/_index.md.
        let title = section.id.isEmpty ? site.config.title : section.title
        var context = base(at: a, currentPage: nil, title: title)
        context.page = .listing(Shared(ListingPageInfo(
            title: title, description: section.id.isEmpty ? site.config.description : "",
            children: children(of: section, from: a),
            breadcrumbs: section.id.isEmpty ? [] : crumbs(forSection: FolderPath.parent(of: section.id), from: a))))
        return context
    }

    package func children(of section: Section, from a: PageAddress) -> [LinkInfo] {
        // A readers' section does not list the authors' area: its way in is the footer's «Для авторов».
        let readers = !site.config.isAuthorsPage(id: section.id)
        return section.entries.compactMap { entry -> LinkInfo? in
            switch entry {
            case .page(let id) where readers && site.config.isAuthorsPage(id: id), .section(let id) where readers && site.config.isAuthorsPage(id: id):
                return nil
            case .page(let id):
                return link(id, from: a)
            case .section(let id):
                guard let s = site.sections[id] else { return nil }
                return LinkInfo(title: s.title, url: a.relativeURL(to: PageAddress(directory: id), offline: site.offline),
                                description: s.indexPage.flatMap(site.page)?.description ?? "", type: "section",
                                isSection: true, typeTitle: "")
            }
        }
    }

    private func tagLink(_ name: String, from a: PageAddress) -> TagLink? {
        guard let tag = site.tag(named: name) else { return nil }
        return TagLink(name: tag.name, url: a.relativeURL(to: tag.address, offline: site.offline))
    }

    private func breadcrumbs(_ page: Page) -> [TitledLink] {
        if page.id.isEmpty { return [] }
        let parent = page.source.isSectionIndex ? FolderPath.parent(of: page.id) : page.source.parentSection
        return crumbs(forSection: parent, from: page.address)
    }

    /// Home, then each enclosing section down to `sectionId`.
    private func crumbs(forSection sectionId: String, from a: PageAddress) -> [TitledLink] {
        var ids: [String] = []
        var current = sectionId
        while !current.isEmpty {
            ids.insert(current, at: 0)
            current = FolderPath.parent(of: current)
        }
        let home = TitledLink(title: site.home?.title ?? site.config.title,
                              url: a.relativeURL(to: PageAddress(directory: ""), offline: site.offline))
        return [home] + ids.compactMap { id in
            guard let s = site.sections[id] else { return nil }
            return TitledLink(title: s.title, url: a.relativeURL(to: PageAddress(directory: id), offline: site.offline))
        }
    }

    private func neighbours(_ page: Page) -> (String?, String?)? {
        guard !page.source.isSectionIndex, let section = site.sections[page.source.parentSection],
              let i = section.pages.firstIndex(of: page.id) else { return nil }
        return (i > 0 ? section.pages[i - 1] : nil, i + 1 < section.pages.count ? section.pages[i + 1] : nil)
    }

    /// «Шаблоны ответов, которые опираются на этот принцип» and the like, grouped by the referring type.
    private func referenceGroups(_ page: Page) -> [ReferenceGroup] {
        var byType: [String: [String]] = [:]
        for ref in page.referencedBy {
            guard let p = site.page(ref.pageId) else { continue }
            if !(byType[p.type]?.contains(ref.pageId) ?? false) { byType[p.type, default: []].append(ref.pageId) }
        }
        return site.config.contentTypes.compactMap { type in
            guard let ids = byType[type.id] else { return nil }
            return ReferenceGroup(type: type.id, title: type.title, items: ids.compactMap { link($0, from: page.address) })
        }
    }
}
