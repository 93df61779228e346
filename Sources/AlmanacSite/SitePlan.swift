import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
/// Addresses for every page, decided before any Markdown is rendered, so that links can be
/// rewritten while rendering. Also where two pages claiming one URL are caught.
public struct SitePlan: Sendable {
    public var config: SiteConfig
    public var offline: Bool
    public var pages: [SourcePage]
    public var assets: [ContentAsset]
    public var addresses: [String: PageAddress]
    public var resolver: LinkResolver

    /// Top-level folders the generator writes itself.
    package static let reservedDirectories: Set<String> = ["assets", "search", "tags"]

    public static func make(content: LoadedContent, config: SiteConfig, offline: Bool) -> (SitePlan, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var addresses: [String: PageAddress] = [:]
        // Case and Unicode form are folded: on macOS and Windows `Кейс.md` and `кейс.md` are one file.
        var claimed: [String: SourcePage] = [:]
        var pages: [SourcePage] = []
        // Under `links: warn` (importing a tree) a clash is a warning: the first file keeps the
        // address, the other is left out, and the output is still unambiguous. Every clash is named.
        let severity: Diagnostic.Severity = config.links == .warn ? .warning : .error
        for page in content.pages {
            let address = PageAddress(directory: directory(for: page, diagnostics: &diagnostics))
            let key = FolderPath.folded(address.directory)
            if let other = claimed[key] {
                diagnostics.append(Diagnostic(
                    file: page.sourcePath, line: page.metaLine("slug"), severity: severity, code: .duplicateURL,
                    .addressTaken(address: address.serverPath, other: other.sourcePath, skipped: severity == .warning),
                    hint: .renameOrSlug))
                continue
            }
            if let top = address.directory.split(separator: "/").first, reservedDirectories.contains(String(top)) {
                diagnostics.append(Diagnostic(file: page.sourcePath, severity: severity, code: .duplicateURL,
                                              .addressReserved(address: address.serverPath), hint: .reservedFolders))
                continue
            }
            claimed[key] = page
            addresses[page.id] = address
            pages.append(page)
        }
        let assets = keptAssets(content.assets, pages: pages, addresses: addresses, severity: severity,
                                diagnostics: &diagnostics)
        let resolver = LinkResolver(
            pages: pages.map { ($0.id, $0.contentPath, addresses[$0.id]!) },
            assets: Set(assets.map(\.contentPath)), offline: offline)
        return (SitePlan(config: config, offline: offline, pages: pages, assets: assets,
                         addresses: addresses, resolver: resolver), diagnostics)
    }

    /// A file under content/ written where a page or a folder's listing goes (a demo `index.html`
    /// beside a folder's `index.md`) would make two files claim one path: the page keeps it.
    private static func keptAssets(_ assets: [ContentAsset], pages: [SourcePage], addresses: [String: PageAddress],
                                   severity: Diagnostic.Severity, diagnostics: inout [Diagnostic]) -> [ContentAsset] {
        enum Writer { case page(String), listing(folder: String) }
        var taken: [String: Writer] = [:]  // output path (folded) → what writes it
        for page in pages {
            taken[addresses[page.id]!.outputPath.lowercased()] = .page(page.sourcePath)
            var folder = FolderPath.parent(of: page.id)
            while true {
                let path = PageAddress(directory: folder).outputPath.lowercased()
                if taken[path] == nil { taken[path] = .listing(folder: folder) }
                if folder.isEmpty { break }
                folder = FolderPath.parent(of: folder)
            }
        }
        return assets.filter { asset in
            guard let owner = taken[FolderPath.folded(asset.contentPath)] else { return true }
            let (path, skipped) = (asset.contentPath, severity == .warning)
            let message: DiagnosticMessage
            switch owner {
            case .page(let page): message = .filePathTakenByPage(path: path, page: page, skipped: skipped)
            case .listing(let folder): message = .filePathTakenByListing(path: path, folder: folder, skipped: skipped)
            }
            diagnostics.append(Diagnostic(
                file: "content/" + asset.contentPath, severity: severity, code: .duplicateURL, message, hint: .renameFile))
            return false
        }
    }

    private static func directory(for page: SourcePage, diagnostics: inout [Diagnostic]) -> String {
        var parts = page.id.split(separator: "/").map(String.init)
        if let slugEntry = page.frontMatter["slug"], let slug = slugEntry.value.string, !parts.isEmpty {
            let clean = Slug.make(slug)
            if clean.isEmpty || clean != slug {
                diagnostics.append(.warning(.slugReplaced(slug: slug, clean: clean), file: page.sourcePath,
                                            line: slugEntry.line, code: .slug, hint: .slugCharacters))
            }
            if !clean.isEmpty { parts[parts.count - 1] = clean }
        }
        return parts.joined(separator: "/")
    }
}
