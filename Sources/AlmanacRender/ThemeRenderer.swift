import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite

/// Turns the `Site` into HTML files through the theme's templates.
public struct ThemeRenderer: Sendable {
    public var theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    /// The pages the generator makes itself: listings of folders without a page of their own (the
    /// home page too, when content/ has no `_index.md`: a tree from another tool), tags, search,
    /// redirects, 404. With `showing`, only the listings, tag pages and redirects that show one of
    /// those pages (`BuildSession`, after a title or description changed).
    package func renderGenerated(_ site: Site, sidebars: [SidebarBuilder.Key: String], showing: Set<String>? = nil) -> [OutputFile] {
        generatedPages(site, sidebars: LazySidebars(sidebars), showing: showing)
            .concurrentMap { OutputFile(path: $0.path, text: $0.text()) }
    }

    /// The same pages as files rendered when the writer gets to them: a rebuild that links them
    /// from the last build renders none of them, nor the sidebars they show.
    package func generatedPages(_ site: Site, sidebars: LazySidebars, showing: Set<String>? = nil) -> [DeferredFile] {
        let theme = self.theme
        let ui = UIContext(theme.strings), feedURL = PageContext.feedURL(for: site)
        let context: @Sendable () -> PageContext = {
            PageContext(site: site, strings: theme.strings, sidebars: sidebars, uiContext: ui, feedURL: feedURL,
                        icons: theme.icons)
        }
        var files: [DeferredFile] = []
        func shows(_ ids: [String]) -> Bool { showing.map { only in ids.contains(where: only.contains) } ?? true }
        // A page can already stand where a folder's listing would go (`writing.md` beside `writing/`,
        // as MkDocs and Hugo trees have): the page keeps the address.
        let pageAddresses = Set(site.pages.map(\.address.directory))
        for section in site.sections.values.sorted(by: { $0.id < $1.id })
        where section.indexPage == nil && (!section.id.isEmpty || site.home == nil) && !pageAddresses.contains(section.id)
            && shows(section.pages) {
            files.append(DeferredFile(path: PageAddress(directory: section.id).outputPath) {
                theme.render(layout: "section", context().generatedSection(section))
            })
        }
        files += tagPages(site, context, showing: showing)
        if showing == nil {
            files.append(special("search", title: theme.strings["search.title"], directory: "search", context: context))
        }
        // The playbook lists every principle and reply: any retitling may show there.
        if PlaybookContext.exists(in: site) {
            files.append(DeferredFile(path: PlaybookContext.address.outputPath) {
                theme.render(layout: "playbook", PlaybookContext(site: site, context: context()).make())
            })
        }
        // Lists page titles, so a retitling may show there too; cheap, since it reads the history in memory.
        if WhatsNewContext.exists(in: site) {
            files.append(DeferredFile(path: WhatsNewContext.address.outputPath) {
                theme.render(layout: "whats-new", WhatsNewContext(site: site, context: context()).make())
            })
        }
        files += redirects(site, ui: ui, to: showing)
        if showing == nil { files.append(notFound(site, context)) }
        return files
    }

    /// The HTML of the given pages only, on every core.
    package func renderPages(_ pages: [Page], of site: Site, sidebars: [SidebarBuilder.Key: String]) -> [OutputFile] {
        let render = pageRenderer(site, sidebars: sidebars)
        return pages.concurrentMap { OutputFile(path: $0.address.outputPath, text: render($0)) }
    }

    /// Every page of the site as a file rendered when the writer gets to it (see `DeferredFile`).
    /// With `links`, each page rendered records there the pages it linked to (`LinkRecorder`).
    package func deferredPages(_ site: Site, sidebars: LazySidebars, links: LinkBook? = nil) -> [DeferredFile] {
        let render = pageRenderer(site, sidebars: sidebars, links: links)
        return site.pages.map { page in DeferredFile(path: page.address.outputPath) { render(page) } }
    }

    private func pageRenderer(_ site: Site, sidebars: [SidebarBuilder.Key: String]) -> @Sendable (Page) -> String {
        pageRenderer(site, sidebars: LazySidebars(sidebars))
    }

    private func pageRenderer(_ site: Site, sidebars: LazySidebars, links: LinkBook? = nil) -> @Sendable (Page) -> String {
        let theme = self.theme
        let ui = UIContext(theme.strings)
        let feedURL = PageContext.feedURL(for: site)
        return { page in
            var context = PageContext(site: site, strings: theme.strings, sidebars: sidebars, uiContext: ui, feedURL: feedURL,
                                      icons: theme.icons)
            let recorder = links.map { _ in LinkRecorder() }
            context.recorder = recorder
            defer { if let links, let recorder { links.record(page.id, recorder.noted) } }
            return theme.render(layout: layoutName(for: page, site: site), context.page(page))
        }
    }

    /// For each page, the pages its HTML shows something of (through `PageContext.link`), found by
    /// building its context without rendering it. Correct for every page but the home page and
    /// section pages, which show their section's pages in ways that do not all go through `link`.
    package func shownPages(_ pages: [Page], of site: Site) -> [[String]] {
        let ui = UIContext(theme.strings), feedURL = PageContext.feedURL(for: site), theme = self.theme
        let noSidebars = LazySidebars(render: { _ in "" })
        return pages.concurrentMap { page in
            var context = PageContext(site: site, strings: theme.strings, sidebars: noSidebars, uiContext: ui, feedURL: feedURL,
                                      icons: theme.icons)
            let recorder = LinkRecorder()
            context.recorder = recorder
            _ = context.page(page)
            return recorder.noted
        }
    }

    /// One sidebar per folder and open section, for every page and listing the site writes.
    package func renderSidebars(_ site: Site) -> [SidebarBuilder.Key: String] {
        let builder = SidebarBuilder(site: site)
        var keys: Set<SidebarBuilder.Key> = []
        for page in site.pages { keys.insert(builder.key(for: page.address, current: page.id)) }
        var extra = ["search", "tags", "", PlaybookContext.address.directory, WhatsNewContext.address.directory] + site.sections.keys.map { $0 } + site.tags.map { $0.address.directory }
        extra.sort()
        for directory in extra { keys.insert(builder.key(for: PageAddress(directory: directory), current: nil)) }
        let ordered = keys.sorted { ($0.parent, $0.openSection, $0.isRoot ? 0 : 1) < ($1.parent, $1.openSection, $1.isRoot ? 0 : 1) }
        let render = sidebarRenderer(site)
        return Dictionary(uniqueKeysWithValues: zip(ordered, ordered.concurrentMap(render)))
    }

    /// The same sidebars, each rendered when a page first shows it.
    package func lazySidebars(_ site: Site) -> LazySidebars {
        LazySidebars(render: sidebarRenderer(site))
    }

    private func sidebarRenderer(_ site: Site) -> @Sendable (SidebarBuilder.Key) -> String {
        let builder = SidebarBuilder(site: site)
        let theme = self.theme
        let urgentPages = builder.urgentPages()
        let ui = UIContext(theme.strings)
        let icons = TextTable(values: theme.icons)
        return { key in
            let context = SidebarContext(nav: builder.items(for: key), urgent: builder.urgent(urgentPages, for: key), ui: ui, icons: icons)
            return theme.library.render(context, withTemplate: "sidebar") ?? ""
        }
    }

    private func layoutName(for page: Page, site: Site) -> String {
        let wanted: String
        if page.id.isEmpty { wanted = "home" }
        else if page.source.isSectionIndex { wanted = "section" }
        else { wanted = site.config.type(page.type).layout }
        return theme.layouts.contains(wanted) ? wanted : "article"
    }

    private func special(_ layout: String, title: String, directory: String,
                         context: @escaping @Sendable () -> PageContext) -> DeferredFile {
        let address = PageAddress(directory: directory), theme = self.theme
        return DeferredFile(path: address.outputPath) {
            var c = context().base(at: address, currentPage: nil, title: title)
            c.page = .titled(TitledPageInfo(title: title))
            return theme.render(layout: layout, c)
        }
    }

    private func tagPages(_ site: Site, _ context: @escaping @Sendable () -> PageContext, showing: Set<String>? = nil) -> [DeferredFile] {
        let all = PageAddress(directory: "tags"), theme = self.theme
        var files: [DeferredFile] = []
        if showing == nil {
            files.append(DeferredFile(path: all.outputPath) {
                var c = context().base(at: all, currentPage: nil, title: theme.strings["tags.title"])
                c.page = .titled(TitledPageInfo(title: theme.strings["tags.title"]))
                // A tag only the authors' pages carry (`документация`) is theirs: its page exists, the readers' cloud skips it.
                c.tags = site.tags.filter { !$0.pages.allSatisfy(site.config.isAuthorsPage) }.map { tag in
                    TagEntry(name: tag.name, count: tag.pages.count, url: all.relativeURL(to: tag.address, offline: site.offline))
                }
                return theme.render(layout: "tags", c)
            })
        }
        let shown = site.tags.filter { tag in showing.map { only in tag.pages.contains(where: only.contains) } ?? true }
        return files + shown.map { tag in
            DeferredFile(path: tag.address.outputPath) {
                let a = tag.address, context = context()
                var t = context.base(at: a, currentPage: nil, title: tag.name)
                t.page = .titled(TitledPageInfo(title: tag.name, isTag: true))
                t.items = tag.pages.compactMap { context.link($0, from: a) }
                return theme.render(layout: "tag", t)
            }
        }
    }

    /// Old addresses from `aliases`: a page that forwards the reader, from disk as well as from a server.
    private func redirects(_ site: Site, ui: UIContext, to pages: Set<String>? = nil) -> [DeferredFile] {
        let theme = self.theme
        return site.redirects.compactMap { redirect in
            guard pages?.contains(redirect.to) ?? true, let target = site.page(redirect.to) else { return nil }
            return DeferredFile(path: redirect.from.outputPath) {
                let url = redirect.from.relativeURL(to: target.address, offline: site.offline)
                let c = RedirectContext(url: url, title: target.title, ui: ui, root: redirect.from.rootPrefix,
                                        language: site.config.language)
                return theme.render(layout: "redirect", c)
            }
        }
    }

    private func notFound(_ site: Site, _ context: @escaping @Sendable () -> PageContext) -> DeferredFile {
        let theme = self.theme
        return DeferredFile(path: "404.html") {
            let context = context()
            var c = context.base(at: PageAddress(directory: ""), currentPage: nil, title: theme.strings["notfound.title"])
            c.page = .titled(TitledPageInfo(title: theme.strings["notfound.title"]))
            // A server answers a missing address of any depth with this file, so its links, written
            // relative to the root, need a <base>: the published address when base_url says it, else
            // the server's root `/` (a site served under a sub-path needs base_url). A build for disk
            // keeps plain relative links: there no server answers with it, the file is opened itself.
            let base = !site.config.baseURL.isEmpty ? site.config.baseURL : site.offline ? "" : "/"
            if !base.isEmpty { c.baseHref = base }
            c.console = HomeConsoleContext(site: site, context: context, icons: theme.icons)
                .make(from: PageAddress(directory: ""), title: theme.strings["notfound.situations"])
            return theme.render(layout: "404", c)
        }
    }
}

extension Theme {
    /// Every layout also gets `icons` (see `ThemeIcons`), so no context builder has to remember them.
    package func render<Context: ThemeLayoutValue>(layout: String, _ context: Context) -> String {
        var context = context
        context.icons = TextTable(values: icons)
        return library.render(context, withTemplate: layouts.contains(layout) ? layout : "article") ?? ""
    }
}

/// A page that forwards the reader from an old address (`aliases`).
package struct RedirectContext: TemplateValue, ThemeLayoutValue {
    package var url: String
    package var title: String
    package var ui: UIContext
    package var root: String
    /// `{{site.language}}`: the only key of `site` a redirect has.
    package var language: String
    package var icons = TextTable()

    package struct SiteLanguage: TemplateValue {
        package var language: String

        package func child(named name: String) -> Any? { name == "language" ? asText(language) : nil }
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "url": return asText(url)
        case "title": return asText(title)
        case "ui": return ui
        case "root": return asText(root)
        case "site": return SiteLanguage(language: language)
        case "icons": return icons
        default: return nil
        }
    }

    package init(url: String, title: String, ui: UIContext, root: String, language: String) {
        self.url = url
        self.title = title
        self.ui = ui
        self.root = root
        self.language = language
    }
}
