import Foundation
import Testing
@testable import Almanac
@testable import AlmanacCorpus

/// The benchmark's synthetic sites must be reproducible and must build: every link and anchor
/// has to resolve the way Almanac resolves them, or the build stops with errors instead of timing.
@Suite struct CorpusGeneratorTests {
    /// Small sections so a small site still has links across sections (`../section-02/…`).
    static let options = CorpusOptions(pages: 240, seed: 7, hugo: true, sectionSize: 40...80)
    static let files = CorpusGenerator(options: options).files()

    static func text(_ f: CorpusFile) -> String { String(decoding: f.bytes, as: UTF8.self) }

    @Test func sameSeedGivesByteIdenticalFiles() {
        let options = CorpusOptions(pages: 50, seed: 3)
        let a = CorpusGenerator(options: options).files()
        let b = CorpusGenerator(options: options).files()
        #expect(a.map(\.path) == b.map(\.path))
        #expect(a.map(\.bytes) == b.map(\.bytes))
        let other = CorpusGenerator(options: CorpusOptions(pages: 50, seed: 4)).files()
        #expect(a.map(\.bytes) != other.map(\.bytes))
    }

    @Test func writtenFolderMatchesTheFilesInMemory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let generator = CorpusGenerator(options: CorpusOptions(pages: 50, seed: 3, hugo: true))
        let summary = try generator.write(to: dir, jobs: 2)
        #expect(summary.pages == 50)
        for f in generator.files() {
            #expect(try Data(contentsOf: dir.appendingPathComponent(f.path)) == Data(f.bytes), "\(f.path)")
        }
        // Writing again over its own output is allowed; over someone else's folder it is not.
        _ = try generator.write(to: dir, jobs: 1)
        let foreign = dir.appendingPathComponent("content/section-01")
        #expect(throws: CorpusError.self) { try generator.write(to: foreign, jobs: 1) }
    }

    @Test func siteHasConfigSectionsAndHugoLayouts() {
        let paths = Set(Self.files.map(\.path))
        for required in ["almanac.yml", "hugo.toml", "layouts/_default/baseof.html", "layouts/_default/single.html",
                         "layouts/_default/list.html", "layouts-light/_default/baseof.html", "layouts-light/_default/single.html",
                         "layouts-light/_default/list.html", "content/_index.md", "content/section-01/_index.md",
                         "content/section-02/_index.md"] {
            #expect(paths.contains(required), "\(required)")
        }
        let config = Self.files.first { $0.path == "almanac.yml" }!
        let (parsed, diagnostics) = ConfigLoader.parse(Self.text(config))
        #expect(parsed?.language == "ru")
        #expect(diagnostics.isEmpty)
        #expect(Self.files.filter { $0.path.hasPrefix("content/") && !$0.path.hasSuffix("_index.md") }.count == 240)
    }

    @Test func frontMatterHasUniqueTitlesAndValidFields() throws {
        var titles = Set<String>()
        for f in Self.files where f.path.hasPrefix("content/") {
            let parts = FrontMatterSplitter.split(Self.text(f))
            let entries = try YAMLReader.readMapping(try #require(parts.yaml)).get()
            let title = try #require(entries["title"]?.value.string, "\(f.path)")
            #expect(titles.insert(title).inserted, "duplicate title \(title)")
            let description = entries["description"]?.value.string ?? ""
            #expect(!description.isEmpty, "\(f.path)")
            guard !f.path.hasSuffix("_index.md") else { continue }
            let tags = try #require(entries["tags"]?.value.list, "\(f.path)").compactMap(\.string)
            #expect(!tags.isEmpty && tags.allSatisfy { $0 == $0.lowercased() })
            if case .int(let weight)? = entries["weight"]?.value { #expect(weight > 0) } else { Issue.record("\(f.path): weight") }
            let date = try #require(entries["date"]?.value.string)
            #expect(date.range(of: #"^20[12][0-9]-[01][0-9]-[0-3][0-9]$"#, options: .regularExpression) != nil, "\(date)")
        }
    }

    /// Renders every page with Almanac's own Markdown stage and resolves every link as the site graph does.
    @Test func everyLinkResolvesToAPageAndEveryAnchorToAHeading() throws {
        let renderer = MarkdownRenderer()
        var anchors: [String: Set<String>] = [:]
        var links: [(from: String, destination: String)] = []
        for f in Self.files where f.path.hasPrefix("content/") {
            let contentPath = String(f.path.dropFirst("content/".count))
            let page = renderer.render(FrontMatterSplitter.split(Self.text(f)).body)
            let pageAnchors = page.headings.map(\.anchor)
            #expect(Set(pageAnchors).count == pageAnchors.count, "repeated heading in \(contentPath)")
            anchors[contentPath] = Set(pageAnchors)
            links += page.links.map { (contentPath, $0.destination) }
            if !contentPath.hasSuffix("_index.md") {
                #expect((3...8).contains(page.links.count), "\(contentPath) has \(page.links.count) links")
            }
        }
        var anchored = 0
        for link in links {
            #expect(!link.destination.contains(":"), "only relative links: \(link.destination)")
            let parts = link.destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let folder = (link.from as NSString).deletingLastPathComponent
            let target = try #require(Self.normalize(folder.isEmpty ? String(parts[0]) : folder + "/" + parts[0]))
            let targetAnchors = try #require(anchors[target], "\(link.from) → \(link.destination)")
            if parts.count == 2 {
                anchored += 1
                #expect(targetAnchors.contains(String(parts[1])), "\(link.from) → \(link.destination)")
            }
        }
        #expect(links.count > 240 * 3)
        #expect(anchored > 0)
    }

    /// Folds `..` the way the site graph does; nil when a path climbs out of content/.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    @Test func anchorsAreTheOnesAlmanacMakes() {
        let generator = CorpusGenerator(options: Self.options)
        let headings = generator.plan.pages.flatMap(\.headings)
        #expect(headings.count > 240 * 2)
        for h in headings {
            #expect(h.anchor == Slug.make(h.text), "\(h.text)")
        }
        #expect(Anchor.make("Что делать, если «всё сломалось»?") == "chto-delat-esli-vse-slomalos")
        #expect(Anchor.make("Щука и Ёж: SMM-отдел") == "shchuka-i-ezh-smm-otdel")
    }

    @Test func vocabularyIsInflectedRussianWithDomainWords() {
        let lexicon = Lexicon()
        #expect(lexicon.distinctForms.count > 8_000)
        let forms = lexicon.distinctForms
        for word in ["ошибки", "ошибок", "задачей", "решат", "клиентов", "кризисной", "коммуникации", "репутацию",
                     "отзывов", "жалоб", "негатив", "появляется", "извинившись", "небольшого", "хорошего"] {
            #expect(forms.contains(word), "\(word)")
        }
        let body = Self.files.filter { $0.path.hasPrefix("content/") }.map(Self.text).joined(separator: "\n")
        for phrase in ["кризис", "коммуникац", "репутац", "негатив", "отзыв", "жалоб", "Telegram", "SMM"] {
            #expect(body.contains(phrase), "\(phrase)")
        }
        let averageBytes = Self.files.filter { $0.path.contains("/page-") }.map(\.bytes.count).reduce(0, +) / 240
        #expect((7_000...11_000).contains(averageBytes), "average page is \(averageBytes) bytes")
    }
}
