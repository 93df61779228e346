import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacLint
import AlmanacMarkdown
import AlmanacOutput
import AlmanacRender
import AlmanacSearch
import AlmanacSite

/// A build kept in memory between edits, for the preview server.
///
/// `build()` runs the stages through the same driver as `Build.run` (`Pipeline.run`) and keeps
/// what each returned. `update(changed:)` then redoes only what an edit can affect, calling the
/// same stages again over less: it re-reads the changed pages, renders their Markdown,
/// rechecks their links, and renders again only the HTML that can differ — the page itself when
/// its face (title, description, front matter) is unchanged, plus the pages whose backlinks it adds
/// or drops. Anything else (a new or deleted file, a new title, almanac.yml, templates) falls back
/// to the stages from the site graph on (`Pipeline.runFromGraph`), or to a full build. The `derive`
/// stage (search index, sitemap, lint) runs separately (`derivedSnapshot()` / `applyDerived`) so an
/// edit shows before it is done.
///
/// A page whose new text has errors in front matter or schema is held back: the site keeps its
/// last good version, and its errors are reported until the file is fixed.
/// Nothing is written: `files` is the site, for the server to answer from.
public struct BuildSession: Sendable {
    public struct Update: Sendable {
        public enum Scope: Sendable, Equatable {
            /// Every stage ran.
            case full
            /// From the site graph on, over every page (a title, tags or weight changed).
            case graph
            /// Only these pages were read and rendered again.
            case pages([String])
            /// Only files copied as they are (images, theme CSS) changed.
            case assets
            case nothing
        }
        public var scope: Scope
        /// Everything currently wrong with the sources, sorted.
        public var diagnostics: [Diagnostic]
        /// Output paths whose content may have changed; nil when any may have.
        public var changedPaths: [String]?
        public var seconds: Double
        public var pageCount: Int
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    public let options: BuildOptions
    /// The site by output path, as `Build.run` would write it.
    public internal(set) var files: [String: OutputFile] = [:]
    /// Bumped on every change to the pages, so a derived snapshot taken earlier is known to be old.
    public private(set) var generation = 0
    /// True when the search index, sitemap or lint trail the pages.
    public private(set) var derivedIsStale = false

    /// The configured stages; nil until a build got past almanac.yml.
    package var pipeline: Pipeline?
    package var config: SiteConfig? { pipeline?.config }
    package var theme: Theme? { pipeline?.theme }
    package var plan: SitePlan?
    package var planIndex: [String: Int] = [:]
    package var rendered: [String: RenderedPage] = [:]
    package var site: Site?
    package var siteIndex: [String: Int] = [:]
    package var sidebars: [SidebarBuilder.Key: String] = [:]
    /// The published anchors, the git history (read once per full build: a save is not a
    /// commit) and the day: what the graph stage reads besides the plan.
    package var surroundings = Pipeline.Surroundings()
    /// Content paths of every file found under content/ (drafts left out, as the site leaves them out).
    private var knownFiles: Set<String> = []
    /// Page id → content type, for checking references in front matter.
    private var typeById: [String: String] = [:]
    private var derivedPaths: Set<String> = []

    // Diagnostics by the stage and file they come from, so that an update replaces exactly the ones it redid.
    /// Configuration, plan, and content/'s own problems.
    private var globalDiagnostics: [Diagnostic] = []
    private var loadDiagnostics: [String: [Diagnostic]] = [:]
    private var schemaDiagnostics: [Diagnostic] = []
    private var graphDiagnostics: [Diagnostic] = []
    package var linkDiagnostics: [String: [Diagnostic]] = [:]
    package var aliasDiagnostics: [String: [Diagnostic]] = [:]
    private var lintDiagnostics: [Diagnostic] = []
    /// Source path → the errors of its latest text, while the site keeps its last good version.
    private var heldBack: [String: [Diagnostic]] = [:]

    /// `options.output` names the published site, whose anchors manifest tells which anchors
    /// readers may already have links to; the session itself writes nothing.
    public init(options: BuildOptions) {
        self.options = options
    }

    public var diagnostics: [Diagnostic] {
        var all = globalDiagnostics + schemaDiagnostics + graphDiagnostics + lintDiagnostics
        for (_, d) in loadDiagnostics { all += d }
        for (_, d) in linkDiagnostics { all += d }
        for (_, d) in aliasDiagnostics { all += d }
        for (_, d) in heldBack { all += d }
        all = all.droppingWarnings(config?.silencedCodes ?? [])
        if options.strict { all = all.promotingWarnings() }
        return all.sorted()
    }

    public var pageCount: Int { site?.pages.count ?? 0 }

    /// Source path of the page written at `outputPath` (`a/b/index.html` → `content/a/b.md`).
    public func sourcePath(ofOutput outputPath: String) -> String? {
        site?.pages.first { $0.address.outputPath == outputPath }?.source.sourcePath
    }

    // MARK: - Full build

    /// Every stage, as `Build.run` runs them, keeping each stage's value.
    public mutating func build() -> Update {
        build(derivedNow: true)
    }

    /// With `derivedNow: false` the `derive` stage is left stale for `applyDerived`.
    private mutating func build(derivedNow: Bool) -> Update {
        let started = Date()
        // Start afresh, but keep serving the last search index until a new one is made.
        let previousDerived = derivedPaths.compactMap { files[$0] }, previousLint = lintDiagnostics
        let nextGeneration = generation + 1
        self = BuildSession(options: options)
        generation = nextGeneration
        files = Dictionary(previousDerived.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        derivedPaths = Set(files.keys)
        lintDiagnostics = previousLint
        // The preview serves over http: `offline` is a build's, never the session's.
        var options = options
        options.offline = false
        let (configured, configDiagnostics) = Pipeline.configure(options)
        globalDiagnostics += configDiagnostics
        guard let pipeline = configured else { return finish(.full, changed: nil, started: started) }
        self.pipeline = pipeline
        surroundings = Pipeline.Surroundings(previousAnchors: AnchorAliases.readManifest(output: options.outputDirectory),
                                             history: GitHistory.read(siteDirectory: options.siteDirectory),
                                             today: options.today)
        let produced = pipeline.run(load: {
            ContentLoader(config: pipeline.config, includeDrafts: options.includeDrafts).load(siteDirectory: options.siteDirectory)
        }, surroundings: surroundings, retention: .keep, derive: derivedNow)
        for d in produced.diagnostics.load {
            if d.file.hasSuffix(".md") { loadDiagnostics[d.file, default: []].append(d) } else { globalDiagnostics.append(d) }
        }
        schemaDiagnostics = produced.diagnostics.schema
        globalDiagnostics += produced.diagnostics.plan
        knownFiles = produced.contentPaths
        typeById = produced.typeById
        plan = produced.plan
        for (i, page) in produced.plan!.pages.enumerated() {
            planIndex[page.id] = i
            rendered[page.id] = produced.rendered[i]
        }
        keep(produced)
        return finish(.full, changed: nil, started: started)
    }

    /// The site graph, every page's HTML and the derived files, from the current plan and Markdown.
    package mutating func rebuildFromGraph(derivedNow: Bool) {
        guard let plan, let pipeline else { return }
        keep(pipeline.runFromGraph(plan, plan.pages.map { rendered[$0.id]! }, surroundings, retention: .keep,
                                   derive: derivedNow))
    }

    /// Takes the values of the stages from the graph on, with every page's HTML made now (the
    /// server answers from memory).
    private mutating func keep(_ produced: Pipeline.Produced) {
        generation += 1
        graphDiagnostics = []
        linkDiagnostics = [:]
        aliasDiagnostics = [:]
        for d in produced.diagnostics.graph {
            if d.code.isLinkProblem { linkDiagnostics[d.file, default: []].append(d) }
            else if d.code.isAnchorAliasProblem { aliasDiagnostics[d.file, default: []].append(d) }
            else { graphDiagnostics.append(d) }
        }
        site = produced.site
        siteIndex = [:]
        for (i, page) in produced.site.pages.enumerated() { siteIndex[page.id] = i }
        sidebars = produced.sidebars
        var output = (produced.pages + produced.generated).concurrentMap { OutputFile(path: $0.path, text: $0.text()) }
            + (produced.files ?? [])
        if let derived = produced.derived {
            lintDiagnostics = derived.lint
            derivedPaths = Set(derived.files.map(\.path))
            derivedIsStale = false
        } else {
            // The previous index stays served until the refreshed one replaces it.
            output += derivedPaths.compactMap { files[$0] }
            derivedIsStale = true
        }
        files = Dictionary(output.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func renderMarkdown(_ pages: [SourcePage]) -> [RenderedPage] {
        guard let plan, let pipeline else { return [] }
        return pipeline.markdown(plan, pages: pages).rendered
    }

    private func finish(_ scope: Update.Scope, changed: [String]?, started: Date) -> Update {
        Update(scope: scope, diagnostics: diagnostics, changedPaths: changed,
               seconds: Date().timeIntervalSince(started), pageCount: pageCount)
    }

    // MARK: - Updates

    /// Redoes what changes to these files can affect; paths are relative to the site folder
    /// (`content/a.md`, `templates/layouts/base.mustache`, `almanac.yml`).
    public mutating func update(changed paths: Set<String>) -> Update {
        let started = Date()
        guard let config, theme != nil, site != nil else { return build(derivedNow: false) }
        switch SourceChange.classify(paths, siteDirectory: options.siteDirectory, knownFiles: knownFiles,
                                     themeAssets: Set(files.keys.filter { $0.hasPrefix("assets/") })) {
        case .everything:
            return build(derivedNow: false)
        case .files(let pages, let assets, let drafts):
            // A draft that stays a draft changes nothing; one that stops being one is a new page.
            let loader = ContentLoader(config: config, includeDrafts: options.includeDrafts)
            for path in drafts {
                let (page, _) = loader.loadPage(DiscoveredFile(contentPath: path, url: contentURL(path)))
                if page.map({ options.includeDrafts || !$0.isDraft }) ?? true { return build(derivedNow: false) }
            }
            let retry = heldBack.keys.map { String($0.dropFirst("content/".count)) }
            let toRead = Set(pages).union(retry)
            if toRead.isEmpty {
                return finish(assets.isEmpty ? .nothing : .assets, changed: assets, started: started)
            }
            guard var changed = updatePages(toRead.sorted(), loader: loader) else { return build(derivedNow: false) }
            changed += assets
            return finish(changed.contains("*") ? .graph : .pages(toRead.sorted()),
                          changed: changed.contains("*") ? nil : changed, started: started)
        }
    }

    private func contentURL(_ contentPath: String) -> URL {
        options.siteDirectory.appendingPathComponent("content").appendingPathComponent(contentPath)
    }

    /// Re-reads and re-renders the given pages. Returns the output paths that changed (`["*"]`
    /// when the graph had to be rebuilt), or nil when only a full build can be right.
    private mutating func updatePages(_ contentPaths: [String], loader: ContentLoader) -> [String]? {
        // No local copy of `site` is kept: swapping a page in must not copy 10,000 pages.
        guard let config, let theme, self.site != nil else { return nil }
        var fresh: [SourcePage] = []
        var freshLoad: [String: [Diagnostic]] = [:]
        for path in contentPaths {
            let (loaded, diagnostics) = loader.loadPage(DiscoveredFile(contentPath: path, url: contentURL(path)))
            guard let page = loaded, planIndex[page.id] != nil, let old = self.site!.page(page.id) else { return nil }
            // Leaving the site, a new address or type: the plan changes.
            if page.isDraft && !options.includeDrafts { return nil }
            if page.type != old.source.type || page.meta("slug") != old.source.meta("slug")
                || page.meta("aliases") != old.source.meta("aliases") { return nil }
            fresh.append(page)
            freshLoad[page.sourcePath] = diagnostics
        }
        // Ids and types are as before (or we returned above), so other pages' references stay as they were.
        let schema = pipeline!.check(fresh, typeById: typeById)

        // Pages whose new text has errors before the graph keep their last good version.
        var applied: [SourcePage] = []
        for page in fresh {
            let own = freshLoad[page.sourcePath]! + schema.filter { $0.file == page.sourcePath }
            if own.hasErrors {
                heldBack[page.sourcePath] = own
            } else {
                heldBack[page.sourcePath] = nil
                loadDiagnostics[page.sourcePath] = freshLoad[page.sourcePath]!.isEmpty ? nil : freshLoad[page.sourcePath]
                applied.append(page)
            }
        }
        let appliedFiles = Set(applied.map(\.sourcePath))
        schemaDiagnostics = schemaDiagnostics.filter { !appliedFiles.contains($0.file) }
            + schema.filter { appliedFiles.contains($0.file) }
        guard !applied.isEmpty else { return [] }
        generation += 1
        derivedIsStale = true
        for page in applied { self.plan!.pages[planIndex[page.id]!] = page }
        let plan = self.plan!

        let bodies = renderMarkdown(applied)
        var faceChanged = false
        var updated: [Page] = []
        for (source, body) in zip(applied, bodies) {
            rendered[source.id] = body
            let old = self.site!.pages[siteIndex[source.id]!]
            var page = SiteGraph.makePage(source, body, address: old.address, config: config)
            var one = [page]
            aliasDiagnostics[source.sourcePath] = AnchorAliases.apply(to: &one, previous: surroundings.previousAnchors)
            page = one[0]
            LastUpdated.stamp(&page, history: surroundings.history, config: config)
            page.backlinks = old.backlinks
            page.referencedBy = old.referencedBy
            if PageFace(page) != PageFace(old) { faceChanged = true }
            updated.append(page)
        }
        if faceChanged {
            if let changed = updateFaces(updated, plan: plan, theme: theme) { return changed }
            rebuildFromGraph(derivedNow: false)
            return ["*"]
        }
        var current = self.site!
        self.site = nil
        let rerender = swapIn(updated, site: &current, plan: plan)
        self.site = current
        let pages = rerender.sorted().compactMap { siteIndex[$0].map { current.pages[$0] } }
        let output = ThemeRenderer(theme: theme).renderPages(pages, of: current, sidebars: sidebars)
        for file in output { files[file.path] = file }
        return output.map(\.path)
    }

    // MARK: - Derived files

    /// The site as it is now and the stages that made it, for the `derive` stage off the update path.
    package struct DerivedSnapshot: Sendable {
        package var site: Site
        package var pipeline: Pipeline
        package var generation: Int
        package func derive() -> DerivedFiles { pipeline.derive(site) }
    }

    package func derivedSnapshot() -> DerivedSnapshot? {
        guard let site, let pipeline else { return nil }
        return DerivedSnapshot(site: site, pipeline: pipeline, generation: generation)
    }

    /// Puts refreshed derived files in place; they stay marked stale if the pages changed meanwhile.
    public mutating func applyDerived(_ derived: DerivedFiles, generation: Int) {
        for path in derivedPaths { files[path] = nil }
        for file in derived.files { files[file.path] = file }
        derivedPaths = Set(derived.files.map(\.path))
        lintDiagnostics = derived.lint
        derivedIsStale = generation != self.generation
    }
}
