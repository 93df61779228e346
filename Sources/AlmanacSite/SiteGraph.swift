import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
/// Assembles the `Site` from the planned pages and their rendered bodies: titles, navigation,
/// tags, backlinks and references, and every broken link or anchor, found here once.
public enum SiteGraph {
    public static func assemble(plan: SitePlan, rendered: [RenderedPage],
                                previousAnchors: [String: AnchorAliases.Published] = [:]) -> (Site, [Diagnostic]) {
        let (site, diagnostics, _) = assemble(plan: plan, rendered: rendered, previousAnchors: previousAnchors, links: nil)
        return (site, diagnostics)
    }

    /// With `links`, a page whose Markdown and the site's anchors are as they were takes its link
    /// check from the last build's memo; returns the memo of this check.
    public static func assemble(plan: SitePlan, rendered: [RenderedPage], previousAnchors: [String: AnchorAliases.Published],
                                links: LinkMemo?) -> (Site, [Diagnostic], StageMemo<CheckedLinks>?) {
        var diagnostics: [Diagnostic] = []
        // Each page is made from its own source and body: on every core.
        var pages: [Page] = Array(plan.pages.indices).concurrentMap { i in
            makePage(plan.pages[i], rendered[i], address: plan.addresses[plan.pages[i].id]!, config: plan.config)
        }
        var index: [String: Int] = [:]
        for (i, p) in pages.enumerated() { index[p.id] = i }

        diagnostics += AnchorAliases.apply(to: &pages, previous: previousAnchors)
        let (linkDiagnostics, linkMemo) = checkLinks(pages: &pages, index: index, plan: plan, memo: links)
        diagnostics += linkDiagnostics
        let (sections, order) = Navigation.build(pages: pages, index: index)
        pages = order.map { pages[$0] }
        index = [:]
        for (i, p) in pages.enumerated() { index[p.id] = i }
        linkReferences(pages: &pages, index: index, config: plan.config)

        let tags = collectTags(pages)
        let moved = redirects(pages, severity: plan.config.links == .warn ? .warning : .error, diagnostics: &diagnostics)
        let site = Site(config: plan.config, offline: plan.offline, pages: pages, sections: sections,
                        tags: tags, assets: plan.assets, redirects: moved)
        return (site, diagnostics, linkMemo)
    }

    package static func makePage(_ source: SourcePage, _ body: RenderedPage, address: PageAddress, config: SiteConfig) -> Page {
        let fileName = source.id.split(separator: "/").last.map(String.init) ?? ""
        let title = source.meta("title")?.string ?? body.leadingTitle ?? (source.id.isEmpty ? config.title : fileName)
        let description = source.meta("description")?.string ?? body.summary
        // Foundation's trimming converts every tag; most have nothing to trim, which the ends tell.
        let tags = (source.meta("tags")?.list ?? []).compactMap(\.string)
            .map { $0.first?.isWhitespace == false && $0.last?.isWhitespace == false ? $0 : $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var weight = 0
        if case .int(let w)? = source.meta("weight") { weight = w }
        if source.meta("weight") == nil, case .int(let order)? = source.meta("order") { weight = order }
        return Page(source: source, rendered: body, title: title, description: description, address: address,
                    tags: tags, weight: weight, date: source.meta("date")?.string)
    }

    /// Re-resolves each outgoing link (cheap and pure) to report problems with their lines,
    /// checks anchors against the target's headings, and records backlinks.
    private static func checkLinks(pages: inout [Page], index: [String: Int], plan: SitePlan, memo: LinkMemo?)
        -> ([Diagnostic], StageMemo<CheckedLinks>?) {
        var diagnostics: [Diagnostic] = []
        var backlinks: [String: [String]] = [:]
        let context = memo.map { CheckedLinks.anchorContext(pages, markdown: $0.markdownContext) }
        let reusable = context.flatMap { memo?.previous?.valid(for: $0) }
        // Each page's check is pure; on 10,000 pages doing them one after another held the other core idle.
        let all = pages
        let checked = Array(all.indices).concurrentMap { i -> (key: ContentHash?, result: CheckedLinks) in
            let key = memo?.keys[all[i].id]
            if let key, let done = reusable?[key] { return (key, done) }
            let (found, linked) = checkLinks(of: all[i], pages: all, index: index, plan: plan)
            return (key, CheckedLinks(diagnostics: found, linked: linked.sorted()))
        }
        var entries: [ContentHash: CheckedLinks] = [:]
        for (i, (key, result)) in checked.enumerated() {
            diagnostics += result.diagnostics
            for id in result.linked { backlinks[id, default: []].append(all[i].id) }
            if let key { entries[key] = result }
        }
        for (id, from) in backlinks {
            if let i = index[id] { pages[i].backlinks = from.sorted() }
        }
        return (diagnostics, context.map { StageMemo(context: $0, entries: entries) })
    }

    /// The link problems of one page, and the pages it links to. Also used by `BuildSession`
    /// to recheck only the pages an edit can affect.
    package static func checkLinks(of page: Page, pages: [Page], index: [String: Int], plan: SitePlan)
        -> (diagnostics: [Diagnostic], linked: Set<String>) {
        let severity: Diagnostic.Severity = plan.config.links == .error ? .error : .warning
        var diagnostics: [Diagnostic] = []
        var linked: Set<String> = []
        for problem in page.rendered.problems {
            diagnostics.append(Diagnostic(file: page.source.sourcePath, line: problem.line, column: 0, severity: .warning,
                                          code: problem.code, message: problem.message, hint: problem.hint))
        }
        for link in page.rendered.links {
            let r = plan.resolver.resolve(link.destination, fromContentPath: page.source.contentPath, address: page.address)
            func report(_ message: DiagnosticMessage, code: DiagnosticCode, hint: DiagnosticHint? = nil) {
                diagnostics.append(Diagnostic(file: page.source.sourcePath, line: link.line, column: link.column,
                                              severity: severity, code: code, message, hint: hint))
            }
            if link.isImage && !link.hasText {
                diagnostics.append(.warning(.imageWithoutAlt, file: page.source.sourcePath,
                                            line: link.line, column: link.column, code: .imageAlt,
                                            hint: .describeImage(destination: link.destination)))
            }
            switch r.problem {
            case .missingPage(let path, let suggestion)?:
                report(.linkToMissingPage(path: path), code: .brokenLink, hint: suggestion.map { .maybe(suggestion: $0) })
            case .missingFile(let path, let suggestion)?:
                report(link.isImage ? .missingImage(path: path) : .missingFile(path: path),
                       code: link.isImage ? .missingImage : .brokenLink, hint: suggestion.map { .maybe(suggestion: $0) })
            case .leavesContent(let path)?:
                report(.linkLeavesContent(path: path), code: .brokenLink, hint: .linkInsideContent)
            case .ambiguous(let path, let chosen, let other)?:
                diagnostics.append(.warning(.ambiguousLink(path: path, chosen: chosen, other: other),
                                            file: page.source.sourcePath, line: link.line, column: link.column, code: .linkStyle,
                                            hint: .nameThePageFile(chosen: chosen)))
            case .hidden(let path)?:
                report(.linkToHiddenFolder(path: path), code: link.isImage ? .missingImage : .brokenLink,
                       hint: .moveOutOfHiddenFolder)
            case nil:
                break
            }
            guard case .page(let id, let anchor)? = r.target, let targetIndex = index[id] else { continue }
            if id != page.id { linked.insert(id) }
            if let anchor, !anchor.isEmpty {
                let target = pages[targetIndex]
                if !target.rendered.headings.contains(where: { $0.anchor == anchor }) && target.anchorAliases[anchor] == nil {
                    let suggestion = EditDistance.suggestion(for: anchor, among: target.rendered.headings.map(\.anchor))
                    report(.missingAnchor(page: target.source.sourcePath, anchor: anchor),
                           code: .brokenAnchor, hint: suggestion.map { .maybeAnchor(anchor: $0) })
                }
            }
        }
        return (diagnostics, linked)
    }

    /// Every front-matter field declared as a reference gives the referenced page a back-reference,
    /// so a principle page can list the templates and cases that rely on it.
    private static func linkReferences(pages: inout [Page], index: [String: Int], config: SiteConfig) {
        var incoming: [Int: [Page.Reference]] = [:]
        for page in pages {
            for field in config.type(page.type).fields where field.kind == .ref || field.itemKind == .ref {
                let values = page.source.meta(field.name).map { $0.list ?? [$0] } ?? []
                for value in values {
                    guard let id = value.string, let target = index[id] else { continue }
                    incoming[target, default: []].append(Page.Reference(field: field.name, pageId: page.id))
                }
            }
        }
        for (i, refs) in incoming { pages[i].referencedBy = refs }
    }

    private static func collectTags(_ pages: [Page]) -> [Tag] {
        var byName: [String: [String]] = [:]
        // A site has a few hundred tags on tens of thousands of pages: each is lowered once.
        var lowered: [String: String] = [:]
        for i in pages.indices {
            for tag in Set(pages[i].tags) {
                let name = lowered[tag] ?? tag.lowercased()
                lowered[tag] = name
                byName[name, default: []].append(pages[i].id)
            }
        }
        var used: Set<String> = []
        return byName.keys.sorted(by: RussianCollation.less).map { name in
            var slug = Slug.make(name).isEmpty ? "tag" : Slug.make(name)
            var n = 2
            while used.contains(slug) { slug = Slug.make(name) + "-\(n)"; n += 1 }
            used.insert(slug)
            return Tag(name: name, slug: slug, pages: byName[name]!)
        }
    }

    /// Under `links: warn` a bad or colliding alias is a warning and is left out: the page keeps its address.
    private static func redirects(_ pages: [Page], severity: Diagnostic.Severity,
                                  diagnostics: inout [Diagnostic]) -> [(from: PageAddress, to: String)] {
        var taken = Set(pages.map { $0.address.directory.lowercased() })
        // Folders without a page of their own get a generated listing at their address.
        for page in pages {
            var folder = FolderPath.parent(of: page.address.directory)
            while !folder.isEmpty, taken.insert(folder.lowercased()).inserted { folder = FolderPath.parent(of: folder) }
        }
        taken.insert("")
        var result: [(from: PageAddress, to: String)] = []
        for page in pages {
            guard let entry = page.source.frontMatter["aliases"] else { continue }
            for alias in entry.value.list ?? [entry.value] {
                guard let raw = alias.string, let path = LinkResolver.normalize(raw.replacingOccurrences(of: ".md", with: "")),
                      !path.isEmpty else {
                    diagnostics.append(Diagnostic(file: page.source.sourcePath, line: entry.line, severity: severity,
                                                  code: .alias, .aliasNotAPath))
                    continue
                }
                let key = path.lowercased()
                if taken.contains(key) {
                    diagnostics.append(Diagnostic(file: page.source.sourcePath, line: entry.line, severity: severity, code: .alias,
                                                  .aliasTaken(path: path), hint: severity == .warning ? .redirectNotCreated : nil))
                    continue
                }
                taken.insert(key)
                result.append((from: PageAddress(directory: path), to: page.id))
            }
        }
        return result
    }
}
