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
    /// How long before the last build a file must have changed for that build's record of it
    /// (`FileHashes`) to stand for its bytes. Tests that edit files within milliseconds of a
    /// build set it to 0.
    package var stampMargin = FileHashes.defaultMargin

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

/// `almanac build`: the stages (`Pipeline.run`), then the writer, with the build cache around them.
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
        // The loader's memo (the front matter of every page, 5 MB for 10,000 pages) and the
        // Markdown memo (the HTML and search text of every page, 190 MB) are read beside the
        // fingerprint, which mostly asks `stat`: a build that finds nothing changed throws them
        // away (a tenth of a second on 10,000 pages), one that has work waits for them the
        // least. (While the fingerprint read every file, reading the Markdown memo beside it
        // slowed it as much as it spared the Markdown stage.)
        let loadMemo = head.map { _ in Background { [cache = cache!] in cache.readLoadMemo() } }
        let markdownMemo = head.map { head in Background { [cache = cache!] in cache.readMarkdownMemo(head) } }
        var inputs = cache.map { _ in InputFingerprint.take(options, known: head?.fileHashes, margin: options.stampMargin) }
        if let head, let inputs, head.inputs == inputs.all, outputHolds(head.outputPaths, options.outputDirectory) {
            stage("reuse")
            return BuildResult(diagnostics: head.diagnostics, pageCount: head.pageCount,
                               fileCount: head.outputPaths.count, seconds: Date().timeIntervalSince(started),
                               stages: stages, site: nil, reused: true)
        }
        // Nothing read from here on serves a build that finds nothing changed. The memos of the
        // stages after the Markdown one (link check, index, lint) are read while the content
        // loads, and waited for by the stages that use them; what the graph stage reads besides
        // the pages — the anchors readers may hold links to, and git's history — meanwhile too.
        let previous = head
        let laterMemos = head.map { _ in Background { [cache = cache!] in cache.readLaterMemos() } }
        let published = Background { AnchorAliases.readManifest(output: options.anchorsFrom ?? options.outputDirectory) }
        let history = Background { GitHistory.read(siteDirectory: options.siteDirectory) }
        if cache != nil { stage("cache") }

        let (configured, configDiagnostics) = Pipeline.configure(options)
        diagnostics += configDiagnostics
        guard var pipeline = configured else { return finish() }
        let config = pipeline.config
        silenced = config.silencedCodes

        // Memos are valid only for the same configuration: its every field can change what a page becomes.
        let configHash = inputs?.config ?? ContentHash(of: "")
        let loadContext = ContentHash(combining: [BuildIdentity.current, configHash,
                                                  ContentHash(combining: [options.baseURL ?? "", options.links?.rawValue ?? ""])])
        pipeline.memos.context = loadContext
        pipeline.memos.markdown = { markdownMemo?.result }
        pipeline.memos.search = { laterMemos?.result.search }
        pipeline.memos.paragraphs = { laterMemos?.result.paragraphs }
        pipeline.memos.links = { laterMemos?.result.links }
        var loadUsed: [ContentHash: PageLoad] = [:]
        // The Markdown the fingerprint read is the loader's, and let go of once loaded.
        var preread = inputs?.sources ?? [:]
        var listing = inputs?.listing
        inputs?.sources = [:]
        inputs?.listing = nil
        // Files the fingerprint knew by their hash are read later, if at all: one that changed
        // meanwhile is noted here.
        let changed = ChangedSources()
        let produced = pipeline.run(load: {
            let (content, d, used) = ContentLoader(config: config, includeDrafts: options.includeDrafts)
                .load(siteDirectory: options.siteDirectory, reusing: loadMemo?.result?.valid(for: loadContext), preread: preread,
                      discovered: listing, changed: changed)
            preread = [:]
            listing = nil
            loadUsed = used
            return (content, d)
        }, surroundings: Pipeline.Surroundings(previousAnchors: published.result, history: history.result, today: options.today),
           stage: { stage($0, count: $1) })
        diagnostics += produced.diagnostics.all
        let site = produced.site
        // What was parsed is not what the fingerprint named: nothing of this build is published or
        // remembered. The cache goes too, so that the next build reads every file, whatever made
        // its record and the file disagree.
        let changedFiles = changed.all
        if !changedFiles.isEmpty {
            diagnostics += changedFiles.map { .error(.fileChangedDuringBuild, file: $0, code: .io, hint: .buildAgain) }
            cache?.remove()
            return finish(site)
        }
        // The memos follow from the sources, whatever the writer does: written while the pages to
        // render again are found and the output is written.
        let memosWritten = cache.map { cache in
            Background { [made = CachedMemos(markdown: produced.markdownMemo,
                                             later: .init(search: produced.derived?.searchMemo,
                                                          paragraphs: produced.derived?.paragraphMemo, links: produced.linkMemo)),
                          load = StageMemo(context: loadContext, entries: loadUsed), read = markdownMemo] in
                cache.writeMemos(made, load: load, previous: read?.result)
            }
        }
        var pages = produced.pages
        var generated = produced.generated
        // Pages whose inputs are those of the published file are linked, not rendered.
        var reuse: PageReuse?
        if let inputs, let theme = pipeline.theme, let sidebars = produced.lazySidebars {
            reuse = PageReuse(produced, sidebars: sidebars, theme: theme, previous: previous,
                              themeInputs: ContentHash(combining: [BuildIdentity.current, inputs.theme]), settings: loadContext,
                              pages: &pages, generated: &generated)
        }
        var written: [String: ContentHash]?
        func keep(outputPaths: [String]?) {
            guard let cache, let memosWritten else { return }
            let reported = finish(site).diagnostics
            // After a failed build the published site is still the last one: so are its fingerprints.
            cache.writeHead(CachedBuild(identity: BuildIdentity.current, inputs: outputPaths == nil ? nil : inputs?.all,
                                    diagnostics: reported, pageCount: site.pages.count, outputPaths: outputPaths ?? [],
                                    markdownContext: produced.markdownMemo.context, fileHashes: inputs?.hashes,
                                    pages: outputPaths == nil ? previous?.pages ?? [:] : reuse?.fingerprints ?? [:],
                                    shown: outputPaths == nil ? previous?.shown ?? [:] : reuse?.shown ?? [:],
                                    written: outputPaths == nil ? previous?.written ?? [:] : written ?? [:]),
                            memosWritten: memosWritten.result)
        }
        guard let files = produced.files else {
            keep(outputPaths: nil)
            return finish(site)
        }
        pages += generated
        let fileCount = files.count + pages.count

        let blocking = options.strict ? !diagnostics.droppingWarnings(silenced).isEmpty : diagnostics.hasErrors
        guard options.writeOutput, !blocking else {
            keep(outputPaths: nil)
            return finish(site, files: fileCount)
        }
        cache?.removeHead()
        let output = OutputWriter(output: options.outputDirectory).write(files, deferred: pages, known: previous?.written ?? [:])
        diagnostics += output.diagnostics
        written = output.hashes
        stage("write")
        if let links = produced.links { reuse?.noteRendered(site, links: links) }
        keep(outputPaths: output.diagnostics.hasErrors ? nil : files.map(\.path) + pages.map(\.path))
        stage("keep")
        return finish(site, files: fileCount)
    }

    /// Whether the output still has every file the last build wrote (someone may have deleted it).
    private static func outputHolds(_ paths: [String], _ output: URL) -> Bool {
        let root = output.standardizedFileURL.path
        return !paths.isEmpty && paths.allSatisfy { FileManager.default.fileExists(atPath: root + "/" + $0) }
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
