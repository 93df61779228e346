import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacLint
import AlmanacMarkdown
import AlmanacOutput
import AlmanacRender
import AlmanacSearch
import AlmanacSite

/// The build's stages as values, for one configuration and theme:
///
///     configure → load → plan → markdown → graph → derive → theme → (write)
///
/// Each stage is a function from the typed value of the one before to its own typed value and the
/// diagnostics it found. `run` is the only code that sequences them: `Build.run` calls it and
/// writes what it returns; `BuildSession` calls it for a full build, keeps every stage's value,
/// and after an edit calls single stages again over what the edit changed (`markdown` for the
/// edited pages, `graph` onwards through `runFromGraph`, `derive` off the edit's path).
package struct Pipeline: Sendable {
    package let config: SiteConfig
    package let theme: Theme?
    package let offline: Bool
    /// What the last build's stages made, by the hash of their inputs (`BuildCache`); the preview
    /// keeps its stage values in memory instead and has none.
    package var memos = Memos()

    package struct Memos: Sendable {
        /// What the memos were made under (binary, configuration, options): part of every key.
        package var context: ContentHash?
        /// The Markdown, search and paragraph memos hold the HTML and index of every page, and may
        /// still be being read when the run starts: each is asked for when its stage begins.
        package var markdown: @Sendable () -> StageMemo<RenderedPage>? = { nil }
        package var search: @Sendable () -> SearchIndexMemo? = { nil }
        package var paragraphs: @Sendable () -> StageMemo<ParagraphHashes>? = { nil }
        package var links: @Sendable () -> StageMemo<CheckedLinks>? = { nil }
        package init() {}
    }

    package init(config: SiteConfig, theme: Theme?, offline: Bool) {
        self.config = config
        self.theme = theme
        self.offline = offline
    }

    // MARK: - configure

    /// The first stage of every build, the preview's included: almanac.yml with the command
    /// line's overrides (`--base-url`, `--links`), and the theme checked against it.
    package static func configure(_ options: BuildOptions) -> (Pipeline?, [Diagnostic]) {
        var (loaded, diagnostics) = ConfigLoader.load(siteDirectory: options.siteDirectory)
        guard var config = loaded else { return (nil, diagnostics) }
        if let baseURL = options.baseURL {
            let (checked, d) = ConfigLoader.baseURL(commandLine: baseURL)
            diagnostics += d
            if let checked { config.baseURL = checked }
        }
        if let links = options.links { config.links = links }
        let (theme, themeDiagnostics) = Theme.load(siteDirectory: options.siteDirectory, language: config.language)
        diagnostics += themeDiagnostics
        if let theme { diagnostics += IconReferences.check(config, theme: theme) }
        return (Pipeline(config: config, theme: theme, offline: options.offline), diagnostics)
    }

    // MARK: - load

    /// The front matter of loaded pages against the site's types and placeholder rules (the end of `load`).
    package func check(_ pages: [SourcePage], typeById: [String: String]? = nil) -> [Diagnostic] {
        let schema = SchemaValidator(config: config)
        return (typeById.map { schema.validate(pages, typeById: $0) } ?? schema.validate(pages))
            + PlaceholderRules(config: config).check(pages)
    }

    // MARK: - plan

    package func plan(_ content: LoadedContent) -> (SitePlan, [Diagnostic]) {
        SitePlan.make(content: content, config: config, offline: offline)
    }

    // MARK: - markdown

    /// The Markdown stage's value: each page's HTML, outline and search text, in the order asked.
    package struct Marked: Sendable {
        package var rendered: [RenderedPage]
        /// For the next build (`BuildCache`).
        package var memo: StageMemo<RenderedPage>
        /// Page id → what its rendered Markdown follows from (memo context and key): a stand-in
        /// for the rendered page in `PageFingerprint`, which would otherwise hash every page's HTML.
        package var keys: [String: ContentHash]
    }

    package var markdownRenderer: MarkdownRenderer {
        MarkdownRenderer(options: .init(
            unsafeHTML: config.unsafeHTML, smartPunctuation: config.smartPunctuation,
            permalinkLabel: theme?.strings["heading.permalink"] ?? "#", extensions: config.markdownExtensions,
            labels: ExtensionLabels(strings: theme?.strings.values ?? [:])))
    }

    /// Renders `pages` (every page of the plan when nil), on every core, reusing the memo's entries.
    package func markdown(_ plan: SitePlan, pages: [SourcePage]? = nil) -> Marked {
        let renderer = markdownRenderer, resolver = plan.resolver
        let context = MarkdownMemoKey.context(plan: plan, theme: theme?.strings.values ?? [:], base: memos.context)
        let reusable = memos.markdown()?.valid(for: context)
        let keyed = (pages ?? plan.pages).concurrentMap { page -> (ContentHash, RenderedPage) in
            let key = MarkdownMemoKey.page(page, address: plan.addresses[page.id]!)
            if let reused = reusable?[key] { return (key, reused) }
            return (key, renderer.render(page.body, firstLine: page.bodyLine) { destination, _ in
                resolver.resolve(destination, fromContentPath: page.contentPath, address: plan.addresses[page.id]!).href
            })
        }
        var keys: [String: ContentHash] = [:]
        for (page, (key, _)) in zip(pages ?? plan.pages, keyed) { keys[page.id] = ContentHash(combining: [context, key]) }
        return Marked(rendered: keyed.map(\.1), memo: StageMemo(context: context, entries: Dictionary(keyed, uniquingKeysWith: { a, _ in a })),
                      keys: keys)
    }

    // MARK: - graph

    /// What the graph stage reads besides the plan and the Markdown: which anchors readers may
    /// hold links to, each page's commits, and the day deadlines are checked against.
    package struct Surroundings: Sendable {
        package var previousAnchors: [String: AnchorAliases.Published] = [:]
        package var history: SiteHistory = .unavailable
        package var today: IsoDate?
        package init(previousAnchors: [String: AnchorAliases.Published] = [:], history: SiteHistory = .unavailable,
                     today: IsoDate? = nil) {
            self.previousAnchors = previousAnchors
            self.history = history
            self.today = today
        }
    }

    /// The site assembled: pages with their addresses, links checked, backlinks, sections, tags, history.
    /// With `marked` (the Markdown stage's value), pages whose Markdown is as it was take their
    /// link check from the memo; the memo of this check is returned.
    package func graph(_ plan: SitePlan, _ rendered: [RenderedPage], _ surroundings: Surroundings, marked: Marked? = nil)
        -> (Site, [Diagnostic], StageMemo<CheckedLinks>?) {
        let links = marked.map { LinkMemo(previous: memos.links(), markdownContext: $0.memo.context, keys: $0.keys) }
        var (site, diagnostics, linkMemo) = SiteGraph.assemble(plan: plan, rendered: rendered,
                                                               previousAnchors: surroundings.previousAnchors, links: links)
        LastUpdated.stamp(&site, history: surroundings.history)
        if let today = surroundings.today { site.today = today }
        return (site, diagnostics, linkMemo)
    }

    // MARK: - derive

    /// The files and checks that read every page but that the reader of one page does not need at
    /// once: the search index, robots, sitemap, feed and anchors manifest, and the site lint.
    package func derive(_ site: Site) -> DerivedFiles {
        DerivedFiles.make(site, searchMemo: memos.search(), paragraphMemo: memos.paragraphs())
    }

    // MARK: - theme

    /// The theme stage's value: every page, and the pages the generator makes itself (listings,
    /// tags, search, playbook, redirects, 404), as HTML rendered when written.
    package struct Themed: Sendable {
        /// Every sidebar, rendered now with `eagerSidebars`; otherwise empty, and each sidebar is
        /// rendered when the first page showing it is (a rebuild that links a page renders neither).
        package var allSidebars: [SidebarBuilder.Key: String]
        /// The sidebars the pages are rendered with.
        package var sidebars: LazySidebars
        package var pages: [DeferredFile]
        package var generated: [DeferredFile]
        /// What each page rendered linked to, for the build cache (`ShownFingerprint`).
        package var links = LinkBook()
    }

    package func theme(_ site: Site, eagerSidebars: Bool = false) -> Themed? {
        guard let theme else { return nil }
        let renderer = ThemeRenderer(theme: theme)
        let sidebars = eagerSidebars ? renderer.renderSidebars(site) : [:]
        let lazy = eagerSidebars ? LazySidebars(sidebars) : renderer.lazySidebars(site)
        let links = LinkBook()
        return Themed(allSidebars: sidebars, sidebars: lazy, pages: renderer.deferredPages(site, sidebars: lazy, links: links),
                      generated: renderer.generatedPages(site, sidebars: lazy), links: links)
    }

    /// Files copied as they are: the theme's assets and the content's images and attachments.
    package func copies(_ site: Site) -> [OutputFile] {
        (theme?.assets.map { OutputFile(path: $0.path, copyFrom: $0.file) } ?? [])
            + site.assets.map { OutputFile(path: $0.contentPath, copyFrom: $0.file) }
    }
}
