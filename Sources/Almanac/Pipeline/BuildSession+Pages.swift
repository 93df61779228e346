/// How `BuildSession` puts re-rendered pages into the site it keeps.
extension BuildSession {
    /// Swaps the pages in, rechecks their links, moves backlinks, and rechecks links into a page
    /// whose anchors changed. Returns the ids of the pages whose HTML may differ.
    package mutating func swapIn(_ updated: [Page], site: inout Site, plan: SitePlan) -> Set<String> {
        var rerender: Set<String> = []
        for var page in updated {
            let i = siteIndex[page.id]!
            let old = site.pages[i]
            page.backlinks = old.backlinks  // an earlier page of this update may have changed them
            let before = SiteGraph.checkLinks(of: old, pages: site.pages, index: siteIndex, plan: plan).linked
            site.pages[i] = page
            let (problems, after) = SiteGraph.checkLinks(of: page, pages: site.pages, index: siteIndex, plan: plan)
            linkDiagnostics[page.source.sourcePath] = problems.isEmpty ? nil : problems
            rerender.insert(page.id)
            for id in after.symmetricDifference(before) {
                guard let t = siteIndex[id] else { continue }
                var backlinks = Set(site.pages[t].backlinks)
                if after.contains(id) { backlinks.insert(page.id) } else { backlinks.remove(page.id) }
                site.pages[t].backlinks = backlinks.sorted()
                rerender.insert(id)
            }
            // Links into this page may now point at anchors it no longer has, or has again.
            if Set(old.rendered.headings.map(\.anchor)) != Set(page.rendered.headings.map(\.anchor))
                || old.anchorAliases != page.anchorAliases {
                for id in page.backlinks {
                    guard let b = siteIndex[id] else { continue }
                    let other = site.pages[b]
                    let problems = SiteGraph.checkLinks(of: other, pages: site.pages, index: siteIndex, plan: plan).diagnostics
                    linkDiagnostics[other.source.sourcePath] = problems.isEmpty ? nil : problems
                }
            }
        }
        return rerender
    }

    /// A new title or description (the first paragraph, when front matter has none) shows on more
    /// pages than its own: the neighbours' pager, the section page's listing, the backlinks of the
    /// pages it links to, the references of the pages it refers to and of those that refer to it,
    /// tag pages and — for a title — every sidebar that lists it. When nothing else about the page
    /// changed and its title keeps its place in the reading order, only those are rendered again.
    /// Returns the changed output paths, or nil when the graph has to be rebuilt.
    package mutating func updateFaces(_ updated: [Page], plan: SitePlan, theme: Theme) -> [String]? {
        guard var site = self.site, let config else { return nil }
        var titleChanged = false
        for page in updated {
            let old = site.pages[siteIndex[page.id]!]
            guard !page.id.isEmpty, !page.source.isSectionIndex, PageFace(page).sameExceptWording(PageFace(old)),
                  let section = site.sections[page.source.parentSection] else { return nil }
            if page.title != old.title {
                titleChanged = true
                guard Self.keepsPlace(page, in: section, site: site) else { return nil }
            }
        }
        self.site = nil  // so that `site` is the only reference and swapping in copies nothing
        var rerender = swapIn(updated, site: &site, plan: plan)
        for page in updated {
            let section = site.sections[page.source.parentSection]!
            if let index = section.indexPage { rerender.insert(index) }
            if let i = section.pages.firstIndex(of: page.id) {
                if i > 0 { rerender.insert(section.pages[i - 1]) }
                if i + 1 < section.pages.count { rerender.insert(section.pages[i + 1]) }
            }
            rerender.formUnion(SiteGraph.checkLinks(of: page, pages: site.pages, index: siteIndex, plan: plan).linked)
            rerender.formUnion(page.referencedBy.map(\.pageId))
            for field in config.type(page.type).fields where field.kind == .ref || field.itemKind == .ref {
                for value in page.source.meta(field.name).map({ $0.list ?? [$0] }) ?? [] {
                    if let id = value.string, siteIndex[id] != nil { rerender.insert(id) }
                }
            }
        }
        let renderer = ThemeRenderer(theme: theme)
        // The generator's own pages: only those listing these pages, unless their sidebars changed too.
        var showing: Set<String>? = Set(updated.map(\.id))
        if titleChanged {
            let fresh = renderer.renderSidebars(site)
            let changedKeys = Set(fresh.keys.filter { fresh[$0] != sidebars[$0] })
            let builder = SidebarBuilder(site: site)
            for page in site.pages where changedKeys.contains(builder.key(for: page.address, current: page.id)) {
                rerender.insert(page.id)
            }
            let generated = ["", "search", "tags"] + site.tags.map(\.address.directory)
                + site.sections.values.filter { $0.indexPage == nil && !$0.id.isEmpty }.map(\.id)
            if generated.contains(where: { changedKeys.contains(builder.key(for: PageAddress(directory: $0), current: nil)) }) {
                showing = nil
            }
            sidebars = fresh
        }
        self.site = site
        let pages = rerender.sorted().compactMap { siteIndex[$0].map { site.pages[$0] } }
        let output = renderer.renderPages(pages, of: site, sidebars: sidebars)
            + renderer.renderGenerated(site, sidebars: sidebars, showing: showing)
        var changed: [String] = []
        for file in output {
            if case .data(let new) = file.contents, case .data(let old)? = files[file.path]?.contents, new == old { continue }
            files[file.path] = file
            changed.append(file.path)
        }
        return changed
    }

    /// Whether a page with a new title stays between its neighbours in its section's order
    /// (by weight, then title in Russian collation, as `Navigation` sorts).
    package static func keepsPlace(_ page: Page, in section: Section, site: Site) -> Bool {
        func key(_ id: String) -> (Int, String)? {
            if id == page.id { return (page.weight, page.title) }
            return site.page(id).map { ($0.weight, $0.title) }
        }
        func sectionKey(_ id: String) -> (Int, String)? { site.sections[id].map { ($0.weight, $0.title) } }
        func before(_ a: (Int, String), _ b: (Int, String)) -> Bool {
            a.0 != b.0 ? a.0 < b.0 : RussianCollation.less(a.1, b.1)
        }
        func sorted(_ keys: [(Int, String)?]) -> Bool {
            let all = keys.compactMap { $0 }
            guard all.count == keys.count else { return false }
            return zip(all, all.dropFirst()).allSatisfy { before($0, $1) }
        }
        let entryKeys = section.entries.map { entry -> (Int, String)? in
            switch entry {
            case .page(let id): return key(id)
            case .section(let id): return sectionKey(id)
            }
        }
        return sorted(section.pages.map(key)) && sorted(entryKeys)
    }
}

extension PageFace {
    /// The same apart from title and description.
    package func sameExceptWording(_ other: PageFace) -> Bool {
        var a = self, b = other
        for face in [0, 1] {
            var f = face == 0 ? a : b
            f.title = ""
            f.description = ""
            let kept = zip(f.frontMatter, f.frontMatterValues).filter { $0.0 != "title" && $0.0 != "description" }
            f.frontMatter = kept.map(\.0)
            f.frontMatterValues = kept.map(\.1)
            if face == 0 { a = f } else { b = f }
        }
        return a == b
    }
}
