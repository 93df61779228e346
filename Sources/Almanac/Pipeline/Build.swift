import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacLint
import AlmanacMarkdown
import AlmanacOutput
import AlmanacRender
import AlmanacSearch
import AlmanacSite

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var siteDirectory: URL
    /// Defaults to `public/` inside the site folder.
    public var output: URL?
    public var baseURL: String?
    /// Links name `index.html` files so the site works from disk, and search loads its index as scripts.
    public var offline: Bool
    public var links: SiteConfig.LinkPolicy?
    /// Warnings count as errors.
    public var strict: Bool
    public var includeDrafts: Bool
    /// `almanac check` validates everything and writes nothing.
    public var writeOutput: Bool
    /// Told when each stage ends, with what the next one works on (pages after `load`, files after
    /// `theme`): the command line shows it as progress on a terminal.
    public var progress: (@Sendable (_ finishedStage: String, _ count: Int?) -> Void)?
    /// The published site whose anchors readers may already hold links to (its
    /// `.almanac/anchors.json`); defaults to the output. A bundle builds into a temporary folder
    /// and names the site's usual output here, so reworded headings keep their old anchors in it too.
    public var anchorsFrom: URL?
    /// The day review deadlines are checked against (`--today`); the system's date when nil.
    public var today: IsoDate?
    /// Ignore and remove the build cache beside the output (`--clean`).
    public var clean = false

    public init(siteDirectory: URL, output: URL? = nil, baseURL: String? = nil, offline: Bool = false,
                links: SiteConfig.LinkPolicy? = nil, strict: Bool = false, includeDrafts: Bool = false,
                writeOutput: Bool = true, today: IsoDate? = nil) {
        self.siteDirectory = siteDirectory
        self.output = output
        self.baseURL = baseURL
        self.offline = offline
        self.links = links
        self.strict = strict
        self.includeDrafts = includeDrafts
        self.writeOutput = writeOutput
        self.today = today
    }

    public var outputDirectory: URL { output ?? siteDirectory.appendingPathComponent("public") }
}

public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var fileCount: Int
    public var seconds: Double
    /// Wall time of each stage, in pipeline order (`almanac build --timings`).
    public var stages: [(name: String, seconds: Double)]
    /// The assembled site, when the build got that far; without the pages' Markdown and search
    /// text, which the build lets go of once used (`BuildSession` keeps everything).
    public var site: Site?
    /// True when nothing the build reads had changed and the last build's output was kept as it is.
    public var reused = false
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline in one function: load → render → link → index → theme → write.
public enum Build {
    public static func run(_ options: BuildOptions) -> BuildResult {
        let started = Date()
        var diagnostics: [Diagnostic] = []
        var stages: [(name: String, seconds: Double)] = []
        var stageStart = started
        func stage(_ name: String, count: Int? = nil) {
            let now = Date()
            stages.append((name, now.timeIntervalSince(stageStart)))
            stageStart = now
            options.progress?(name, count)
        }
        var silenced: Set<DiagnosticCode> = []
        func finish(_ site: Site? = nil, files: Int = 0) -> BuildResult {
            var all = diagnostics.droppingWarnings(silenced)
            if options.strict { all = all.promotingWarnings() }
            return BuildResult(diagnostics: all.sorted(), pageCount: site?.pages.count ?? 0, fileCount: files,
                               seconds: Date().timeIntervalSince(started), stages: stages, site: site)
        }

        if let problem = outputProblem(options) {
            diagnostics.append(problem)
            return finish()
        }
        // Only a build that writes keeps a cache: `check` and the approvers' export read everything.
        let cache = options.writeOutput ? BuildCache(output: options.outputDirectory) : nil
        if options.clean { cache?.remove() }
        let head = options.clean ? nil : cache?.read(identity: BuildIdentity.current)
        let inputs = cache.map { _ in InputFingerprint.take(options) }
        if let head, let inputs, head.inputs == inputs.all, outputHolds(head.outputPaths, options.outputDirectory) {
            stage("reuse")
            return BuildResult(diagnostics: head.diagnostics, pageCount: head.pageCount,
                               fileCount: head.outputPaths.count, seconds: Date().timeIntervalSince(started),
                               stages: stages, site: nil, reused: true)
        }
        let previous = head.map { cache!.withMemos($0) }
        if cache != nil { stage("cache") }

        let configured = configure(options)
        diagnostics += configured.diagnostics
        guard let config = configured.config else { return finish() }
        let theme = configured.theme
        silenced = config.silencedCodes

        // Memos are valid only for the same configuration: its every field can change what a page becomes.
        let configHash = inputs?.config ?? ContentHash(of: "")
        let loadContext = ContentHash(combining: [BuildIdentity.current, configHash,
                                                  ContentHash(combining: [options.baseURL ?? "", options.links?.rawValue ?? ""])])
        var loadMemo: [ContentHash: PageLoad] = [:]
        let produced = produce(config: config, theme: theme, offline: options.offline,
                               previousAnchors: AnchorAliases.readManifest(output: options.anchorsFrom ?? options.outputDirectory),
                               history: GitHistory.read(siteDirectory: options.siteDirectory), today: options.today,
                               markdownMemo: previous?.markdown, memoContext: loadContext, searchMemo: previous?.search,
                               paragraphMemo: previous?.paragraphs,
                               load: {
                                   let (content, d, used) = ContentLoader(config: config, includeDrafts: options.includeDrafts)
                                       .load(siteDirectory: options.siteDirectory, reusing: previous?.load.valid(for: loadContext))
                                   loadMemo = used
                                   return (content, d)
                               },
                               stage: { stage($0, count: $1) })
        diagnostics += produced.diagnostics
        let site = produced.site
        var pages = produced.pages
        // Content pages whose inputs are those of the published file are linked, not rendered.
        var fingerprints: [String: ContentHash] = [:]
        if let inputs, produced.files != nil {
            let all = PageFingerprint.all(site, context: ContentHash(combining: [BuildIdentity.current, inputs.theme]),
                                          markdown: produced.markdownKeys)
            for (i, page) in pages.enumerated() {
                fingerprints[page.path] = all[i]
                pages[i].reusable = previous?.pages[page.path] == all[i]
            }
        }
        func keep(outputPaths: [String]?) {
            guard let cache else { return }
            let reported = finish(site).diagnostics
            // After a failed build the published site is still the last one: so are its fingerprints.
            cache.write(CachedBuild(identity: BuildIdentity.current, inputs: outputPaths == nil ? nil : inputs?.all,
                                    diagnostics: reported, pageCount: site.pages.count, outputPaths: outputPaths ?? [],
                                    load: StageMemo(context: loadContext, entries: loadMemo), markdown: produced.markdownMemo,
                                    pages: outputPaths == nil ? previous?.pages ?? [:] : fingerprints,
                                    search: produced.searchMemo, paragraphs: produced.paragraphMemo),
                        previous: previous)
        }
        guard let files = produced.files else {
            keep(outputPaths: nil)
            return finish(site)
        }
        let fileCount = files.count + produced.pages.count

        let blocking = options.strict ? !diagnostics.droppingWarnings(silenced).isEmpty : diagnostics.hasErrors
        guard options.writeOutput, !blocking else {
            keep(outputPaths: nil)
            return finish(site, files: fileCount)
        }
        let written = OutputWriter(output: options.outputDirectory).write(files, deferred: pages)
        diagnostics += written
        stage("write")
        keep(outputPaths: written.hasErrors ? nil : files.map(\.path) + pages.map(\.path))
        stage("keep")
        return finish(site, files: fileCount)
    }

    /// The first stage of every build, the preview's included: almanac.yml with the command
    /// line's overrides (`--base-url`, `--links`), and the theme checked against it.
    static func configure(_ options: BuildOptions) -> (config: SiteConfig?, theme: Theme?, diagnostics: [Diagnostic]) {
        var (loaded, diagnostics) = ConfigLoader.load(siteDirectory: options.siteDirectory)
        guard var config = loaded else { return (nil, nil, diagnostics) }
        if let baseURL = options.baseURL {
            let (checked, d) = ConfigLoader.parse("base_url: \"\(baseURL)\"")
            diagnostics += d
            config.baseURL = checked?.baseURL ?? config.baseURL
        }
        if let links = options.links { config.links = links }
        let (theme, themeDiagnostics) = Theme.load(siteDirectory: options.siteDirectory, language: config.language)
        diagnostics += themeDiagnostics
        if let theme { diagnostics += IconReferences.check(config, theme: theme) }
        return (config, theme, diagnostics)
    }

    /// The Markdown stage's renderer for a site and its theme's words.
    static func markdownRenderer(_ config: SiteConfig, theme: Theme?) -> MarkdownRenderer {
        MarkdownRenderer(options: .init(
            unsafeHTML: config.unsafeHTML, smartPunctuation: config.smartPunctuation,
            permalinkLabel: theme?.strings["heading.permalink"] ?? "#", extensions: config.markdownExtensions,
            labels: ExtensionLabels(strings: theme?.strings.values ?? [:])))
    }

    /// Whether the output still has every file the last build wrote (someone may have deleted it).
    private static func outputHolds(_ paths: [String], _ output: URL) -> Bool {
        let root = output.standardizedFileURL.path
        return !paths.isEmpty && paths.allSatisfy { FileManager.default.fileExists(atPath: root + "/" + $0) }
    }

    /// What a build makes in memory, before anything is written.
    public struct Produced {
        public var site: Site
        /// Nil without a theme.
        public var files: [OutputFile]?
        /// Page HTML, rendered when the writer reaches it (a page's HTML is held only until it is written).
        public var pages: [DeferredFile]
        public var diagnostics: [Diagnostic]
        /// What the Markdown stage made of each page, for the next build (`BuildCache`).
        var markdownMemo: StageMemo<RenderedPage>
        /// What the index stage made of each page and piece, for the next build; nil without a theme.
        var searchMemo: SearchIndexMemo? = nil
        /// Page id → what its rendered Markdown follows from (memo context and key): a stand-in
        /// for the rendered page in `PageFingerprint`, which would otherwise hash every page's HTML.
        var markdownKeys: [String: ContentHash] = [:]
        /// What the repeated-paragraph check made of each page's body.
        var paragraphMemo = StageMemo<ParagraphHashes>(context: ContentHash(of: ""))
    }

    /// Everything between reading the content and writing files: schema, plan, Markdown, graph,
    /// lint, search index, theme and derived files. The fuzzer drives exactly this function, so
    /// what it explores is what a build does. `load` is called inside, so that the sources and
    /// the Markdown stage's results live only until the site is assembled and linted (450 MB on
    /// 50,000 pages); `stage` is told when each stage ends, with the count the next works on.
    public static func produce(config: SiteConfig, theme: Theme?, offline: Bool,
                               previousAnchors: [String: AnchorAliases.Published] = [:],
                               history: SiteHistory = .unavailable, today: IsoDate? = nil,
                               markdownMemo: StageMemo<RenderedPage>? = nil, memoContext: ContentHash? = nil,
                               searchMemo: SearchIndexMemo? = nil, paragraphMemo: StageMemo<ParagraphHashes>? = nil,
                               load: () -> (LoadedContent, [Diagnostic]),
                               stage: (String, Int?) -> Void = { _, _ in }) -> Produced {
        var diagnostics: [Diagnostic] = []
        var site: Site
        var memo = StageMemo<RenderedPage>(context: ContentHash(of: ""))
        var paragraphs = StageMemo<ParagraphHashes>(context: ContentHash(of: ""))
        var markdownKeys: [String: ContentHash] = [:]
        do {
            let (content, contentDiagnostics) = load()
            diagnostics += contentDiagnostics
            diagnostics += SchemaValidator(config: config).validate(content.pages)
            diagnostics += PlaceholderRules(config: config).check(content.pages)
            stage("load", content.pages.count)
            let (plan, planDiagnostics) = SitePlan.make(content: content, config: config, offline: offline)
            diagnostics += planDiagnostics

            let renderer = markdownRenderer(config, theme: theme)
            let resolver = plan.resolver
            let context = MarkdownMemoKey.context(plan: plan, theme: theme?.strings.values ?? [:], base: memoContext)
            let reusable = markdownMemo?.valid(for: context)
            let keyed = plan.pages.concurrentMap { page -> (ContentHash, RenderedPage) in
                let key = MarkdownMemoKey.page(page, address: plan.addresses[page.id]!)
                if let reused = reusable?[key] { return (key, reused) }
                return (key, renderer.render(page.body, firstLine: page.bodyLine) { destination, _ in
                    resolver.resolve(destination, fromContentPath: page.contentPath,
                                     address: plan.addresses[page.id]!).href
                })
            }
            let rendered = keyed.map(\.1)
            memo = StageMemo(context: context, entries: Dictionary(keyed, uniquingKeysWith: { a, _ in a }))
            for (page, (key, _)) in zip(plan.pages, keyed) { markdownKeys[page.id] = ContentHash(combining: [context, key]) }
            stage("markdown", nil)
            let (assembled, graphDiagnostics) = SiteGraph.assemble(plan: plan, rendered: rendered, previousAnchors: previousAnchors)
            diagnostics += graphDiagnostics
            site = assembled
            LastUpdated.stamp(&site, history: history)
            if let today { site.today = today }
            let linted = SiteLint.check(site, paragraphs: paragraphMemo)
            diagnostics += linted.diagnostics
            paragraphs = linted.paragraphs
            site.releaseSources()
        }
        stage("graph", nil)
        guard let theme else { return Produced(site: site, files: nil, pages: [], diagnostics: diagnostics, markdownMemo: memo,
                                            paragraphMemo: paragraphs) }
        let indexed = SearchIndexer(settings: site.searchSettings).build(site.searchDocuments, offline: offline, memo: searchMemo)
        var files = indexed.files
        site.releaseSearchText()
        stage("index", nil)
        // "theme" is the sidebars and the generated listings; pages render during "write".
        let themeRenderer = ThemeRenderer(theme: theme)
        let sidebars = themeRenderer.renderSidebars(site)
        let pages = themeRenderer.deferredPages(site, sidebars: sidebars)
        files += themeRenderer.renderGenerated(site, sidebars: sidebars)
        stage("theme", files.count + pages.count)
        files += theme.assets.map { OutputFile(path: $0.path, copyFrom: $0.file) }
        files += site.assets.map { OutputFile(path: $0.contentPath, copyFrom: $0.file) }
        files += DerivedFiles.siteFiles(site)
        return Produced(site: site, files: files, pages: pages, diagnostics: diagnostics, markdownMemo: memo,
                        searchMemo: indexed.memo, markdownKeys: markdownKeys, paragraphMemo: paragraphs)
    }

    /// The output folder is replaced wholesale, so it must never be the site, hold it, or sit in its sources.
    private static func outputProblem(_ options: BuildOptions) -> Diagnostic? {
        let out = options.outputDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let site = options.siteDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let sources = ["content", "templates"].map { site + "/" + $0 }
        let clash = out == "/" || out == site || site.hasPrefix(out + "/")
            || sources.contains { out == $0 || out.hasPrefix($0 + "/") }
        guard clash else { return nil }
        return .error(.outputInsideSite(output: out), file: "", code: .config, hint: .separateOutputFolder)
    }
}
