import Foundation
import Almanac

/// Loaded once per process: configuration and theme are trusted input, not what is fuzzed.
/// One page file through the whole pipeline, with the bundled site's configuration and theme:
/// `almanac-fuzz` calls it for every input libFuzzer makes, and FuzzRegressionTests for every input
/// it once found. Whatever the bytes, nothing may crash, and `problems` must come back empty.
public struct PageFuzzer: Sendable {
    public static let shared = PageFuzzer()

    package let config: SiteConfig
    package let theme: Theme
    package let neighbour: SourcePage

    public init() {
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

    package static var siteDirectory: URL {
        if let site = ProcessInfo.processInfo.environment["ALMANAC_SITE"] { return URL(fileURLWithPath: site) }
        // Sources/AlmanacFuzzing/PageFuzzer.swift → the repository root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// What is wrong with the output for these bytes; empty when all is well.
    public func problems(_ data: Data) -> [String] {
        let loader = ContentLoader(config: config, includeDrafts: true)
        guard let page = loader.loadPage(data: data, contentPath: "guide/fuzz.md").0 else { return [] }
        _ = SchemaValidator(config: config).validate([page, neighbour])
        // One build per input (a whole small site is the slow part); the input's length picks the
        // mode, so that both the hosted and the offline form (with its .js index twins) are explored.
        let content = LoadedContent(pages: [page, neighbour])
        let produced = Pipeline(config: config, theme: theme, offline: data.count % 2 == 1).run(load: { (content, []) })
        let pages = produced.pages.map { OutputFile(path: $0.path, text: $0.text()) }
        return ((produced.files ?? []) + pages).compactMap(PageFuzzer.problem)
    }

    /// Paths stay inside the output; HTML and XML carry no script (`MarkupAudit`); JSON parses.
    package static func problem(_ file: OutputFile) -> String? {
        guard !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains(".."), !file.path.contains("\0") else {
            return "output path leaves the site: \(file.path)"
        }
        guard case .data(let bytes) = file.contents else { return nil }
        if file.path.hasSuffix(".html") || file.path.hasSuffix(".xml") {
            if let finding = MarkupAudit.findings(in: String(decoding: bytes, as: UTF8.self)).first {
                return "\(file.path): \(finding)"
            }
        } else if file.path.hasSuffix(".json"), (try? JSONSerialization.jsonObject(with: bytes)) == nil {
            return "\(file.path): not JSON"
        } else if file.path.hasPrefix("search/"), file.path.hasSuffix(".js") {
            // Offline twins: one call with a string literal and a JSON value, nothing else.
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.hasPrefix("Almanac.searchData(\""), text.hasSuffix(");\n"),
                  let comma = text.firstIndex(of: ","),
                  (try? JSONSerialization.jsonObject(with: Data(text[text.index(after: comma)...].dropLast(3).utf8),
                                                     options: .fragmentsAllowed)) != nil else {
                return "\(file.path): not a single searchData call with a JSON payload"
            }
        }
        return nil
    }
}
