import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Almanac
import AlmanacFuzzing

/// A throwaway site of raw bytes (so that a test can write invalid UTF-8, NUL and BOMs), built in
/// process, with every output file held to the rules hostile content must never break.
struct HostileSite {
    static let config = "title: Тест\nlanguage: ru\nbase_url: https://example.org/kb/\n"

    let directory: URL
    var content: URL { directory.appendingPathComponent("content") }
    var output: URL { directory.appendingPathComponent("public") }

    init(_ files: [String: Data], config: String = HostileSite.config) {
        directory = Fixtures.makeSite([:], config: config)
        for (path, bytes) in files { write(path, bytes) }
    }

    init(text files: [String: String], config: String = HostileSite.config) {
        self.init(files.mapValues { Data($0.utf8) }, config: config)
    }

    func write(_ path: String, _ bytes: Data) {
        let url = content.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? bytes.write(to: url)
    }

    func build(offline: Bool = false, output: URL? = nil) -> BuildResult {
        Build.run(BuildOptions(siteDirectory: directory, output: output ?? self.output, offline: offline))
    }

    /// The printed diagnostics, as a writer reads them.
    static func printed(_ result: BuildResult) -> String { DiagnosticPrinter().render(result.diagnostics) }

    func read(_ path: String) -> String { Fixtures.read(output, path) }

    /// Every rule over every file of the built site: no script from content in any HTML or XML
    /// page (pages, sidebar, tag pages, sitemap, feed, redirects), JSON that parses, offline index
    /// twins that are one data call each, no file outside the output and nothing that is a link.
    func auditOutput(sourceLocation: SourceLocation = #_sourceLocation) {
        let files = Fixtures.files(in: output)
        #expect(!files.isEmpty, "nothing was written", sourceLocation: sourceLocation)
        for file in files {
            let url = output.appendingPathComponent(file)
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) == nil,
                    "\(file) is a symbolic link", sourceLocation: sourceLocation)
            guard let data = try? Data(contentsOf: url) else { continue }
            if file.hasSuffix(".html") || file.hasSuffix(".xml") {
                let text = String(decoding: data, as: UTF8.self)
                #expect(MarkupAudit.findings(in: text) == [], "\(file)", sourceLocation: sourceLocation)
                if file.hasSuffix(".xml") {
                    // Feed titles and summaries are plain text: a reader shows escaped markup as text,
                    // and only `type="html"` would make it render them as HTML.
                    #expect(!text.contains("type=\"html\"") && !text.contains("type=\"xhtml\""), "\(file)", sourceLocation: sourceLocation)
                    #expect(XMLParsing.isWellFormed(data), "\(file) is not well-formed XML", sourceLocation: sourceLocation)
                }
            } else if file.hasSuffix(".json") {
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is not JSON", sourceLocation: sourceLocation)
            } else if file.hasPrefix("search/"), file.hasSuffix(".js") {
                let text = String(decoding: data, as: UTF8.self)
                let payload = text.firstIndex(of: ",").map { text[text.index(after: $0)...].dropLast(3) } ?? ""
                #expect(text.hasPrefix("Almanac.searchData(\"") && text.hasSuffix(");\n")
                        && (try? JSONSerialization.jsonObject(with: Data(payload.utf8), options: .fragmentsAllowed)) != nil,
                        "\(file) is not a single data call", sourceLocation: sourceLocation)
            }
        }
        // Nothing beside the output folder but the writer's own staging folder and the build cache,
        // which holds only its own files.
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        #expect(Set(siblings).isSubset(of: ["almanac.yml", "templates", "content", "public", ".public.staging", ".public.cache"]),
                "unexpected files beside the site: \(siblings.sorted())", sourceLocation: sourceLocation)
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(".public.cache").path)) ?? []
        #expect(cached.allSatisfy(BuildCacheFiles.isCacheFile), "unexpected files in the build cache: \(cached.sorted())",
                sourceLocation: sourceLocation)
    }
}

enum XMLParsing {
    static func isWellFormed(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        return parser.parse()
    }
}

/// The names the build cache gives its files (see `BuildCache`).
enum BuildCacheFiles {
    static func isCacheFile(_ name: String) -> Bool {
        ["build.bin", "search.bin", "load.bin", "paragraphs.bin", "links.bin"].contains(name)
            || (name.hasPrefix("markdown-") && name.hasSuffix(".bin") && Int(name.dropFirst(9).dropLast(4)) != nil)
    }
}
