import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacLint
import AlmanacMarkdown
import AlmanacOutput
import AlmanacRender
import AlmanacSearch
import AlmanacSite

/// The driver: the one place the stages are put in order.
extension Pipeline {
    /// Whether the stage values outlive the run. A build lets go of each page's Markdown and
    /// search text once the stages that read them are done (a 50,000-page site need not carry
    /// them through rendering and writing); the preview keeps everything for the next edit.
    package enum Retention: Sendable { case release, keep }

    /// Diagnostics by the stage that found them, so that the preview can replace exactly those an
    /// update redid.
    package struct StageDiagnostics: Sendable {
        /// Reading content/ (per file, and the folder's own problems).
        package var load: [Diagnostic] = []
        /// Front matter against the types and placeholder rules.
        package var schema: [Diagnostic] = []
        package var plan: [Diagnostic] = []
        package var graph: [Diagnostic] = []
        /// The site lint, from `derive`; empty when it was not run.
        package var lint: [Diagnostic] = []
        package var all: [Diagnostic] { load + schema + plan + graph + lint }
    }

    /// What a run makes in memory, before anything is written.
    package struct Produced: Sendable {
        package var site: Site
        /// Nil without a theme: the files copied as they are, and the derived files.
        package var files: [OutputFile]?
        /// Page HTML, rendered when the writer reaches it (a page's HTML is held only until it is
        /// written), in the order of `site.pages`.
        package var pages: [DeferredFile]
        /// The generator's own pages, rendered the same way.
        package var generated: [DeferredFile] = []
        package var diagnostics: StageDiagnostics
        /// The plan and each page's Markdown, in the plan's order: kept only with `.keep`.
        package var plan: SitePlan?
        package var rendered: [RenderedPage] = []
        /// Content paths of every file read, and each page's type: what the preview compares an edit with.
        package var contentPaths: Set<String> = []
        package var typeById: [String: String] = [:]
        /// Every sidebar, with `.keep` (the preview compares them after an edit).
        package var sidebars: [SidebarBuilder.Key: String] = [:]
        /// The sidebars the pages are rendered with, each made when first needed.
        package var lazySidebars: LazySidebars?
        /// What each page rendered linked to (see `Themed.links`).
        package var links: LinkBook?
        /// Nil when `derive` was left for later (`run(…, derive: false)`).
        package var derived: DerivedFiles?
        /// What the Markdown stage made, for the next build (`BuildCache`), and page id → what
        /// each page's Markdown follows from (`Marked.keys`).
        package var markdownMemo: StageMemo<RenderedPage>
        package var markdownKeys: [String: ContentHash] = [:]
        /// What the graph stage's link check found of each page, for the next build; nil when it
        /// was not given the Markdown stage's keys.
        package var linkMemo: StageMemo<CheckedLinks>?
    }

    /// Every stage in order. `load` is called inside, so that the sources and the Markdown stage's
    /// results live only as long as the retention allows; `stage` is told when each stage ends,
    /// with the count the next works on. With `derive: false` the derived files are left for the
    /// caller (the preview makes them off the edit's path) and `files` holds none. `surroundings`
    /// is asked for when the graph stage starts, so that what it reads can be read meanwhile.
    package func run(load: () -> (LoadedContent, [Diagnostic]), surroundings: @autoclosure () -> Surroundings = Surroundings(),
                     retention: Retention = .release, derive: Bool = true,
                     stage: (String, Int?) -> Void = { _, _ in }) -> Produced {
        var diagnostics = StageDiagnostics()
        let (content, loadDiagnostics) = load()
        diagnostics.load = loadDiagnostics
        diagnostics.schema = check(content.pages)
        stage("load", content.pages.count)
        let (plan, planDiagnostics) = self.plan(content)
        diagnostics.plan = planDiagnostics
        let marked = markdown(plan)
        stage("markdown", nil)
        var produced = runFromGraph(plan, marked.rendered, surroundings(), marked: marked, retention: retention, derive: derive,
                                    stage: stage)
        produced.diagnostics.load = diagnostics.load
        produced.diagnostics.schema = diagnostics.schema
        produced.diagnostics.plan = diagnostics.plan
        produced.markdownMemo = marked.memo
        produced.markdownKeys = marked.keys
        if retention == .keep {
            produced.contentPaths = Set(content.pages.map(\.contentPath)).union(content.assets.map(\.contentPath))
            produced.typeById = Dictionary(content.pages.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
        }
        return produced
    }

    /// The stages from the site graph on, over a plan and its Markdown already made: what the
    /// preview re-runs when an edit changes what other pages show of a page.
    package func runFromGraph(_ plan: SitePlan, _ rendered: [RenderedPage], _ surroundings: Surroundings,
                              marked: Marked? = nil, retention: Retention, derive: Bool = true,
                              stage: (String, Int?) -> Void = { _, _ in }) -> Produced {
        var diagnostics = StageDiagnostics()
        var (site, graphDiagnostics, linkMemo) = graph(plan, rendered, surroundings, marked: marked)
        diagnostics.graph = graphDiagnostics
        stage("graph", nil)
        var produced = Produced(site: site, files: nil, pages: [], diagnostics: diagnostics,
                                markdownMemo: StageMemo(context: ContentHash(of: "")))
        produced.linkMemo = linkMemo
        if retention == .keep {
            produced.plan = plan
            produced.rendered = rendered
        }
        var derived: DerivedFiles?
        if derive {
            derived = self.derive(site)
            produced.diagnostics.lint = derived!.lint
        }
        if retention == .release {
            site.releaseSources()
            site.releaseSearchText()
        }
        produced.derived = derived
        produced.site = site
        stage("index", nil)
        guard let themed = theme(site, eagerSidebars: retention == .keep) else { return produced }
        produced.sidebars = themed.allSidebars
        produced.lazySidebars = themed.sidebars
        produced.links = themed.links
        produced.pages = themed.pages
        produced.generated = themed.generated
        produced.files = copies(site) + (derived?.files ?? [])
        stage("theme", themed.generated.count + themed.pages.count)
        return produced
    }
}
