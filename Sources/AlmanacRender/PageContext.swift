import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// Builds the ready-made dictionaries templates read: a template never looks anything up itself.
package struct PageContext {
    package let site: Site
    package let strings: UIStrings
    package let siteContext: [String: Any]
    package let uiContext: [String: Any]
    /// Rendered sidebars by folder (see `SidebarBuilder`).
    package let sidebars: [SidebarBuilder.Key: String]
    /// Absolute address of feed.xml, when the site has one (see `AtomFeed`).
    package let feedURL: String?
    /// Inline SVG icons by name (see `Theme.icons`).
    package var icons: [String: String] = [:]

    package init(site: Site, strings: UIStrings, sidebars: [SidebarBuilder.Key: String] = [:], uiContext: [String: Any]? = nil,
         feedURL: String? = nil, icons: [String: String] = [:]) {
        self.site = site
        self.icons = icons
        self.sidebars = sidebars
        self.feedURL = feedURL
        self.strings = strings
        self.uiContext = uiContext ?? strings.templateValue
        var params: [String: Any] = [:]
        for e in site.config.params { params[e.key] = e.value.templateValue }
        siteContext = [
            "title": site.config.title, "description": site.config.description, "hasDescription": !site.config.description.isEmpty,
            "language": site.config.language, "baseURL": site.config.baseURL, "params": params,
        ]
    }

    /// What every page gets: site, root prefix, UI strings, navigation.
    package func base(at address: PageAddress, currentPage: String?, title: String) -> [String: Any] {
        let sectionTitles = site.config.contentTypes.reduce(into: [String: Any]()) { $0[$1.id] = $1.title }
        return [
            "site": siteContext,
            "root": address.rootPrefix,
            "offline": site.offline,
            "ui": uiContext,
            "typeTitles": sectionTitles,
            "homeURL": address.relativeURL(to: PageAddress(directory: ""), offline: site.offline),
            "searchURL": address.relativeURL(to: PageAddress(directory: "search"), offline: site.offline),
            "tagsURL": address.relativeURL(to: PageAddress(directory: "tags"), offline: site.offline),
            "sidebar": sidebar(at: address, current: currentPage),
            "pageTitle": title,
            "canonical": site.config.baseURL + LinkResolver.percentEncode(address.serverPath),
            "hasCanonical": !site.config.baseURL.isEmpty,
        ].merging(publishingContext(at: address)) { _, publishing in publishing }
    }

    private func sidebar(at address: PageAddress, current: String?) -> String {
        let builder = SidebarBuilder(site: site)
        let key = builder.key(for: address, current: current)
        guard let html = sidebars[key] else { return "" }
        return current == nil ? html : builder.mark(html, key: key, current: address)
    }

    package func link(_ id: String, from address: PageAddress) -> [String: Any]? {
        guard let target = site.page(id) else { return nil }
        return [
            "title": target.title, "url": address.relativeURL(to: target.address, offline: site.offline),
            "description": target.description, "type": target.type, "isSection": target.source.isSectionIndex,
            "typeTitle": typeName(target.type),
        ]
    }

    package func page(_ page: Page) -> [String: Any] {
        let a = page.address
        var context = base(at: a, currentPage: page.id, title: page.id.isEmpty ? site.config.title : page.title)
        var params: [String: Any] = [:]
        for e in page.source.frontMatter { params[e.key] = e.value.templateValue }
        let toc = page.rendered.headings.filter { $0.level == 2 || $0.level == 3 }
            .map { ["anchor": $0.anchor, "text": $0.text, "sub": $0.level == 3] as [String: Any] }
        var info: [String: Any] = [
            "id": page.id, "title": page.title, "description": page.description, "content": page.rendered.html,
            "hasContent": page.rendered.html.contains(where: { !$0.isWhitespace }),
            "type": page.type, "typeTitle": typeName(page.type),
            "isHome": page.id.isEmpty, "isSection": page.source.isSectionIndex,
            "params": params, "toc": toc, "hasToc": toc.count > 1, "wordCount": page.rendered.wordCount,
            "tags": page.tags.compactMap { tagLink($0, from: a) },
            "breadcrumbs": breadcrumbs(page),
            "backlinks": page.backlinks.compactMap { link($0, from: a) },
            "referencedBy": referenceGroups(page),
            "sourcePath": page.source.sourcePath,
        ]
        if !site.config.editURL.isEmpty {
            // The source file under content/, as the forge's web editor names it; Mustache escapes it in the href.
            info["editURL"] = site.config.editURL + LinkResolver.percentEncode(page.source.contentPath)
        }
        info["hasEditURL"] = info["editURL"] != nil
        if let date = page.date { info["date"] = date }
        if let updated = updatedContext(page) { info["updated"] = updated }
        info["hasUpdated"] = info["updated"] != nil
        if let approval = approvalContext(page) { info["approval"] = approval }
        info["hasApproval"] = info["approval"] != nil
        info["history"] = historyContext(page)
        if !page.description.isEmpty { context["metaDescription"] = page.description }
        if let (prev, next) = neighbours(page) {
            if let prev { info["prev"] = link(prev, from: a) }
            if let next { info["next"] = link(next, from: a) }
        }
        if page.source.isSectionIndex || page.id.isEmpty, let section = site.sections[page.id] {
            info["children"] = children(of: section, from: a)
            if let listing = TypedFieldsContext(site: site, context: self).listing(for: section) {
                info["listing"] = listing
                info["hasListing"] = true
            }
        }
        let (fields, facts) = TypedFieldsContext(site: site, context: self).fields(of: page)
        info["fields"] = fields
        info["facts"] = facts
        info["hasFacts"] = !facts.isEmpty
        info["hasPager"] = info["prev"] != nil || info["next"] != nil
        if page.id.isEmpty, let console = HomeConsoleContext(site: site, context: self, icons: icons).make(from: a) {
            context["console"] = console
        }
        context["page"] = Self.withFlags(info)
        return context
    }

    /// Templates test `hasX` rather than the lists themselves: an absent key would make Mustache
    /// look it up in the enclosing context and find the wrong list.
    package static func withFlags(_ info: [String: Any]) -> [String: Any] {
        var info = info
        for key in ["breadcrumbs", "tags", "backlinks", "children", "referencedBy", "history"] {
            let list = info[key] as? [[String: Any]] ?? []
            info[key] = list
            info["has" + key.prefix(1).uppercased() + key.dropFirst()] = !list.isEmpty
        }
        for key in ["isHome", "isSection", "hasToc", "hasPager", "hasListing", "hasFacts", "hasApproval", "hasContent"] where info[key] == nil { info[key] = false }
        return info
    }

    /// A listing page for a folder without its own `_index.md`.
    package func generatedSection(_ section: Section) -> [String: Any] {
        let a = PageAddress(directory: section.id)
        // The root's listing is the home page of a tree without content/_index.md.
        let title = section.id.isEmpty ? site.config.title : section.title
        var context = base(at: a, currentPage: nil, title: title)
        context["page"] = Self.withFlags([
            "title": title, "description": section.id.isEmpty ? site.config.description : "", "content": "", "isSection": true,
            "children": children(of: section, from: a),
            "breadcrumbs": section.id.isEmpty ? [] : crumbs(forSection: FolderPath.parent(of: section.id), from: a),
        ])
        return context
    }

    package func children(of section: Section, from a: PageAddress) -> [[String: Any]] {
        // A readers' section does not list the authors' area: its way in is the footer's «Для авторов».
        let readers = !site.config.isAuthorsPage(id: section.id)
        return section.entries.compactMap { entry -> [String: Any]? in
            switch entry {
            case .page(let id) where readers && site.config.isAuthorsPage(id: id), .section(let id) where readers && site.config.isAuthorsPage(id: id):
                return nil
            case .page(let id):
                return link(id, from: a)
            case .section(let id):
                guard let s = site.sections[id] else { return nil }
                return ["title": s.title, "isSection": true, "type": "section", "typeTitle": "",
                        "url": a.relativeURL(to: PageAddress(directory: id), offline: site.offline),
                        "description": s.indexPage.flatMap(site.page)?.description ?? ""]
            }
        }
    }

    private func tagLink(_ name: String, from a: PageAddress) -> [String: Any]? {
        guard let tag = site.tag(named: name) else { return nil }
        return ["name": tag.name, "url": a.relativeURL(to: tag.address, offline: site.offline)]
    }

    private func breadcrumbs(_ page: Page) -> [[String: Any]] {
        if page.id.isEmpty { return [] }
        let parent = page.source.isSectionIndex ? FolderPath.parent(of: page.id) : page.source.parentSection
        return crumbs(forSection: parent, from: page.address)
    }

    /// Home, then each enclosing section down to `sectionId`.
    private func crumbs(forSection sectionId: String, from a: PageAddress) -> [[String: Any]] {
        var ids: [String] = []
        var current = sectionId
        while !current.isEmpty {
            ids.insert(current, at: 0)
            current = FolderPath.parent(of: current)
        }
        let home: [String: Any] = ["title": site.home?.title ?? site.config.title,
                                   "url": a.relativeURL(to: PageAddress(directory: ""), offline: site.offline)]
        return [home] + ids.compactMap { id in
            guard let s = site.sections[id] else { return nil }
            return ["title": s.title, "url": a.relativeURL(to: PageAddress(directory: id), offline: site.offline)]
        }
    }

    private func neighbours(_ page: Page) -> (String?, String?)? {
        guard !page.source.isSectionIndex, let section = site.sections[page.source.parentSection],
              let i = section.pages.firstIndex(of: page.id) else { return nil }
        return (i > 0 ? section.pages[i - 1] : nil, i + 1 < section.pages.count ? section.pages[i + 1] : nil)
    }

    /// «Шаблоны ответов, которые опираются на этот принцип» and the like, grouped by the referring type.
    private func referenceGroups(_ page: Page) -> [[String: Any]] {
        var byType: [String: [String]] = [:]
        for ref in page.referencedBy {
            guard let p = site.page(ref.pageId) else { continue }
            if !(byType[p.type]?.contains(ref.pageId) ?? false) { byType[p.type, default: []].append(ref.pageId) }
        }
        return site.config.contentTypes.compactMap { type in
            guard let ids = byType[type.id] else { return nil }
            return ["type": type.id, "title": type.title, "items": ids.compactMap { link($0, from: page.address) }]
        }
    }
}
