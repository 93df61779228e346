import Foundation

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

    public init(siteDirectory: URL, output: URL? = nil, baseURL: String? = nil, offline: Bool = false,
                links: SiteConfig.LinkPolicy? = nil, strict: Bool = false, includeDrafts: Bool = false,
                writeOutput: Bool = true) {
        self.siteDirectory = siteDirectory
        self.output = output
        self.baseURL = baseURL
        self.offline = offline
        self.links = links
        self.strict = strict
        self.includeDrafts = includeDrafts
        self.writeOutput = writeOutput
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
    /// The assembled site, when the build got that far (the preview server and `check` use it).
    public var site: Site?
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
        func finish(_ site: Site? = nil, files: Int = 0) -> BuildResult {
            var all = diagnostics
            if options.strict { all = all.promotingWarnings() }
            return BuildResult(diagnostics: all.sorted(), pageCount: site?.pages.count ?? 0, fileCount: files,
                               seconds: Date().timeIntervalSince(started), stages: stages, site: site)
        }

        if let problem = outputProblem(options) {
            diagnostics.append(problem)
            return finish()
        }
        let (loadedConfig, configDiagnostics) = ConfigLoader.load(siteDirectory: options.siteDirectory)
        diagnostics += configDiagnostics
        guard var config = loadedConfig else { return finish() }
        if let baseURL = options.baseURL {
            let (checked, d) = ConfigLoader.parse("base_url: \"\(baseURL)\"")
            diagnostics += d
            config.baseURL = checked?.baseURL ?? config.baseURL
        }
        if let links = options.links { config.links = links }

        let (theme, themeDiagnostics) = Theme.load(siteDirectory: options.siteDirectory, language: config.language)
        diagnostics += themeDiagnostics

        let (content, contentDiagnostics) = ContentLoader(config: config, includeDrafts: options.includeDrafts)
            .load(siteDirectory: options.siteDirectory)
        diagnostics += contentDiagnostics
        diagnostics += SchemaValidator(config: config).validate(content.pages)
        diagnostics += PlaceholderRules(config: config).check(content.pages)

        stage("load", count: content.pages.count)
        let previousAnchors = AnchorAliases.readManifest(output: options.outputDirectory)
        let produced = produce(content: content, config: config, theme: theme, offline: options.offline,
                               previousAnchors: previousAnchors,
                               history: GitHistory.lastChanged(siteDirectory: options.siteDirectory),
                               stage: { stage($0, count: $1) })
        diagnostics += produced.diagnostics
        let site = produced.site
        guard let files = produced.files else { return finish(site) }

        let blocking = options.strict ? !diagnostics.isEmpty : diagnostics.hasErrors
        guard options.writeOutput, !blocking else { return finish(site, files: files.count) }
        diagnostics += OutputWriter(output: options.outputDirectory).write(files)
        stage("write")
        return finish(site, files: files.count)
    }

    /// Everything between reading the content and writing files, in memory: plan, Markdown, graph,
    /// lint, search index, theme and derived files. `files` is nil without a theme. The fuzzer
    /// drives exactly this function, so what it explores is what a build does.
    public static func produce(content: LoadedContent, config: SiteConfig, theme: Theme?, offline: Bool,
                               previousAnchors: [String: AnchorAliases.Published] = [:],
                               history: [String: String] = [:],
                               stage: (String, Int?) -> Void = { _, _ in })
        -> (site: Site, files: [OutputFile]?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (plan, planDiagnostics) = SitePlan.make(content: content, config: config, offline: offline)
        diagnostics += planDiagnostics

        let renderer = MarkdownRenderer(options: .init(
            unsafeHTML: config.unsafeHTML, smartPunctuation: config.smartPunctuation,
            permalinkLabel: theme?.strings["heading.permalink"] ?? "#"))
        let resolver = plan.resolver
        let rendered = plan.pages.concurrentMap { page in
            renderer.render(page.body, firstLine: page.bodyLine) { destination, _ in
                resolver.resolve(destination, fromContentPath: page.contentPath,
                                 address: plan.addresses[page.id]!).href
            }
        }
        stage("markdown", nil)
        let (assembled, graphDiagnostics) = SiteGraph.assemble(plan: plan, rendered: rendered, previousAnchors: previousAnchors)
        diagnostics += graphDiagnostics
        var site = assembled
        LastUpdated.stamp(&site, history: history)
        diagnostics += SiteLint.check(site)

        stage("graph", nil)
        guard let theme else { return (site, nil, diagnostics) }
        var files = SearchIndexer(settings: site.searchSettings).build(site.searchDocuments, offline: offline)
        stage("index", nil)
        files += ThemeRenderer(theme: theme).render(site)
        stage("theme", files.count)
        files += theme.assets.map { OutputFile(path: $0.path, copyFrom: $0.file) }
        files += site.assets.map { OutputFile(path: $0.contentPath, copyFrom: $0.file) }
        files += DerivedFiles.siteFiles(site)
        return (site, files, diagnostics)
    }

    /// The output folder is replaced wholesale, so it must never be the site, hold it, or sit in its sources.
    private static func outputProblem(_ options: BuildOptions) -> Diagnostic? {
        let out = options.outputDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let site = options.siteDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let sources = ["content", "templates"].map { site + "/" + $0 }
        let clash = out == "/" || out == site || site.hasPrefix(out + "/")
            || sources.contains { out == $0 || out.hasPrefix($0 + "/") }
        guard clash else { return nil }
        return .error("папка вывода \(out) совпадает с папкой сайта или лежит в его исходниках", file: "", code: "config",
                      hint: "укажите отдельную папку, например --output public")
    }
}
