import Almanac
import Foundation

/// libFuzzer's entry point: the bytes become one page file of the bundled site's configuration and
/// theme, and go through front matter, Markdown, the site graph, the search index and the theme.
/// Whatever the bytes, the pipeline must not crash, and its output must stay inside the site and
/// never carry script from the page (`PageFuzzer.check` traps when it does, which libFuzzer reports).
@_cdecl("LLVMFuzzerTestOneInput")
public func almanacFuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    PageFuzzer.shared.run(data)
    return 0
}

/// Loaded once per process: configuration and theme are trusted input, not what is fuzzed.
struct PageFuzzer: Sendable {
    static let shared = PageFuzzer()

    let config: SiteConfig
    let theme: Theme
    let neighbour: SourcePage

    init() {
        let root = PageFuzzer.siteDirectory
        guard let config = ConfigLoader.load(siteDirectory: root).0,
              let theme = Theme.load(siteDirectory: root, language: config.language).0 else {
            fatalError("almanac-fuzz needs the bundled site's almanac.yml and templates/ (set ALMANAC_SITE)")
        }
        self.config = config
        self.theme = theme
        // A second page gives links, tags and the sidebar something to point at.
        let text = "---\ntitle: Соседняя страница\ntags: [соседи]\n---\n# Соседняя\n\nСм. [страницу](fuzz.md).\n"
        neighbour = ContentLoader(config: config).loadPage(data: Data(text.utf8), contentPath: "guide/neighbour.md").0!
    }

    static var siteDirectory: URL {
        if let site = ProcessInfo.processInfo.environment["ALMANAC_SITE"] { return URL(fileURLWithPath: site) }
        // Sources/almanac-fuzz/PageFuzzer.swift → the repository root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func run(_ data: Data) {
        let loader = ContentLoader(config: config, includeDrafts: true)
        guard let page = loader.loadPage(data: data, contentPath: "guide/fuzz.md").0 else { return }
        _ = SchemaValidator(config: config).validate([page, neighbour])
        // One build per input (a whole small site is the slow part); the input's length picks the
        // mode, so that both the hosted and the offline form (with its .js index twins) are explored.
        let produced = Build.produce(content: LoadedContent(pages: [page, neighbour]), config: config,
                                     theme: theme, offline: data.count % 2 == 1)
        for file in produced.files ?? [] { PageFuzzer.check(file) }
    }

    /// Paths stay inside the output; HTML and XML carry no script (`MarkupAudit`); JSON parses.
    static func check(_ file: OutputFile) {
        guard !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains(".."), !file.path.contains("\0") else {
            fatalError("output path leaves the site: \(file.path)")
        }
        guard case .data(let bytes) = file.contents else { return }
        if file.path.hasSuffix(".html") || file.path.hasSuffix(".xml") {
            if let finding = MarkupAudit.findings(in: String(decoding: bytes, as: UTF8.self)).first {
                fatalError("\(file.path): \(finding)")
            }
        } else if file.path.hasSuffix(".json"), (try? JSONSerialization.jsonObject(with: bytes)) == nil {
            fatalError("\(file.path): not JSON")
        } else if file.path.hasPrefix("search/"), file.path.hasSuffix(".js") {
            // Offline twins: one call with a string literal and a JSON value, nothing else.
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.hasPrefix("Almanac.searchData(\""), text.hasSuffix(");\n"),
                  let comma = text.firstIndex(of: ","),
                  (try? JSONSerialization.jsonObject(with: Data(text[text.index(after: comma)...].dropLast(3).utf8),
                                                     options: .fragmentsAllowed)) != nil else {
                fatalError("\(file.path): not a single searchData call with a JSON payload")
            }
        }
    }
}
