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
    static let reservedDirectories: Set<String> = ["assets", "search", "tags"]

    public static func make(content: LoadedContent, config: SiteConfig, offline: Bool) -> (SitePlan, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var addresses: [String: PageAddress] = [:]
        // Case and Unicode form are folded: on macOS and Windows `Кейс.md` and `кейс.md` are one file.
        var claimed: [String: SourcePage] = [:]
        var pages: [SourcePage] = []
        for page in content.pages {
            let address = PageAddress(directory: directory(for: page, diagnostics: &diagnostics))
            let key = address.directory.precomposedStringWithCanonicalMapping.lowercased()
            if let other = claimed[key] {
                diagnostics.append(.error(
                    "страница получает тот же адрес «\(address.serverPath)», что и \(other.sourcePath)",
                    file: page.sourcePath, line: page.metaLine("slug"), code: "duplicate-url",
                    hint: "переименуйте файл или задайте другой slug"))
                continue
            }
            if let top = address.directory.split(separator: "/").first, reservedDirectories.contains(String(top)) {
                diagnostics.append(.error("адрес «\(address.serverPath)» занят самим сайтом", file: page.sourcePath,
                                          code: "duplicate-url", hint: "папки assets, search и tags зарезервированы"))
                continue
            }
            claimed[key] = page
            addresses[page.id] = address
            pages.append(page)
        }
        let resolver = LinkResolver(
            pages: pages.map { ($0.id, $0.contentPath, addresses[$0.id]!) },
            assets: Set(content.assets.map(\.contentPath)), offline: offline)
        return (SitePlan(config: config, offline: offline, pages: pages, assets: content.assets,
                         addresses: addresses, resolver: resolver), diagnostics)
    }

    private static func directory(for page: SourcePage, diagnostics: inout [Diagnostic]) -> String {
        var parts = page.id.split(separator: "/").map(String.init)
        if let slugEntry = page.frontMatter["slug"], let slug = slugEntry.value.string, !parts.isEmpty {
            let clean = Slug.make(slug)
            if clean.isEmpty || clean != slug {
                diagnostics.append(.warning("slug «\(slug)» заменён на «\(clean)»", file: page.sourcePath,
                                            line: slugEntry.line, code: "slug",
                                            hint: "slug состоит из латинских букв, цифр и дефисов"))
            }
            if !clean.isEmpty { parts[parts.count - 1] = clean }
        }
        return parts.joined(separator: "/")
    }
}
