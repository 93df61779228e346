import Foundation
import Testing
@testable import Almanac

/// What trees from other tools bring: TOML front matter, folder pages named index.md or
/// README.md, values written for another generator, and more diagnostics than a screen holds.
@Suite struct ForeignFormatTests {
    @Test func tomlSubsetReadsWhatHugoWrites() throws {
        let text = """
            title = "Заголовок \\"в кавычках\\""
            path = 'C:\\dir'
            weight = 1_000
            ratio = 0.5
            draft = false
            date = 2024-03-15T10:00:00+03:00
            day = 2024-03-15
            tags = ["a", 'b',
              "c", ] # comment
            hero = { image = "x.png", size = { w = 3 } }
            site.name = "dotted"
            body = \"\"\"
            two
            lines\"\"\"
            [params]
            color = "red"
            [[menu.main]]
            name = "one"
            [[menu.main]]
            name = "two"
            """
        let entries = try TOMLReader.readMapping(text, lineOffset: 1).get()
        #expect(entries["title"]?.value == .string("Заголовок \"в кавычках\""))
        #expect(entries["path"]?.value == .string("C:\\dir"))
        #expect(entries["weight"]?.value == .int(1000) && entries["weight"]?.line == 4)
        #expect(entries["ratio"]?.value == .double(0.5) && entries["draft"]?.value == .bool(false))
        #expect(entries["date"]?.value == .string("2024-03-15T10:00:00+03:00") && entries["day"]?.value == .string("2024-03-15"))
        #expect(entries["tags"]?.value == .list([.string("a"), .string("b"), .string("c")]))
        #expect(entries["hero"]?.value.entries?["size"]?.value.entries?["w"]?.value == .int(3))
        #expect(entries["site"]?.value.entries?["name"]?.value == .string("dotted"))
        #expect(entries["body"]?.value == .string("two\nlines"))
        #expect(entries["params"]?.value.entries?["color"]?.value == .string("red"))
        let menu = entries["menu"]?.value.entries?["main"]?.value.list
        #expect(menu?.compactMap { $0.entries?["name"]?.value.string } == ["one", "two"])
    }

    @Test func tomlMistakesNameTheirLine() {
        for (text, line) in [("a = 1\nb = hello\n", 3), ("a = 1\na = 2\n", 3), ("a = \"open\n", 2), ("[t\n", 2)] {
            guard case .failure(let f) = TOMLReader.readMapping(text, lineOffset: 1) else {
                Issue.record("accepted \(text)"); continue
            }
            #expect(f.line == line, "\(text): \(f)")
        }
    }

    @Test func plusFencesAreTOMLFrontMatterNotBody() throws {
        let loader = ContentLoader(config: SiteConfig())
        let (page, d) = loader.loadPage(data: Data("+++\ntitle = \"T\"\ntags = [\"x\"]\n+++\n\nText\n".utf8), contentPath: "a.md")
        #expect(d.isEmpty)
        #expect(page?.meta("title") == .string("T") && page?.body == "\nText\n" && page?.bodyLine == 5)
        let (_, broken) = loader.loadPage(data: Data("+++\ntitle = \"T\"\n".utf8), contentPath: "a.md")
        #expect(broken.first?.message.contains("+++") == true)
    }

    @Test func firstIndexFileFoundIsTheFoldersPageTheOthersAreOrdinaryPages() {
        let files: Set<String> = ["index.md", "README.md", "a/README.md", "b/_index.md", "b/index.md", "c/page.md"]
        #expect(ContentLoader.folderPages(files, indexFiles: ["_index.md", "index.md", "README.md"])
                == ["index.md", "a/README.md", "b/_index.md"])
        #expect(ContentLoader.folderPages(files, indexFiles: ["_index.md"]) == ["b/_index.md"])
        let (config, d) = ConfigLoader.parse("title: T\nindex_files: [_index.md, README.md]\n")
        #expect(d.isEmpty && config?.indexFiles == ["_index.md", "README.md"])
        #expect(ConfigLoader.parse("index_files: [docs/index.md]\n").1.contains { $0.code == .config })
    }

    @Test func foreignValuesHaveOneReadingOrNone() {
        let int = FieldSchema(name: "weight", kind: .int), bool = FieldSchema(name: "draft", kind: .bool)
        let list = FieldSchema(name: "tags", kind: .list)
        #expect(ForeignFrontMatter.convert(.string("3"), to: int) == .int(3))
        #expect(ForeignFrontMatter.convert(.string("three"), to: int) == nil)
        #expect(ForeignFrontMatter.convert(.string("yes"), to: bool) == .bool(true))
        #expect(ForeignFrontMatter.convert(.string("no"), to: bool) == .bool(false))
        #expect(ForeignFrontMatter.convert(.string("maybe"), to: bool) == nil)
        #expect(ForeignFrontMatter.convert(.string("setup"), to: list) == .list([.string("setup")]))
        #expect(ForeignFrontMatter.convert(.int(3), to: int) == nil, "already right")
        #expect(ForeignFrontMatter.convert(.string("2024-03-15T10:00:00Z"), to: FieldSchema(name: "date", kind: .date)) == nil,
                "a date with its time is a date already")
    }

    @Test func moreThanAScreenfulIsSummarisedByCodeErrorsFirstAndJSONKeepsAll() {
        var diagnostics = (1...30).map { Diagnostic(file: "content/p\($0).md", severity: .warning, code: .orphanPage, message: "сирота \($0)") }
        diagnostics += (1...20).map { Diagnostic(file: "content/q\($0).md", severity: .warning, code: .brokenLink, message: "ссылка \($0)") }
        diagnostics.append(Diagnostic(file: "content/z.md", severity: .error, code: .schema, message: "плохо"))
        let text = DiagnosticPrinter().summarized(diagnostics)
        let lines = text.split(separator: "\n")
        #expect(lines.count < DiagnosticPrinter.screenful, "\(text)")
        #expect(lines.first?.contains("error: плохо") == true, "errors first, in full")
        #expect(text.contains("— orphan-page: 30") && text.contains("… и ещё 27 [orphan-page]"))
        #expect(text.contains("… и ещё 17 [broken-link]") && text.contains("--verbose"))
        #expect(text.range(of: "orphan-page: 30")!.lowerBound < text.range(of: "broken-link: 20")!.lowerBound)
        let few = Array(diagnostics.prefix(5))
        #expect(DiagnosticPrinter().summarized(few) == DiagnosticPrinter().render(few))
        let json = DiagnosticPrinter(format: .json).summarized(diagnostics)
        #expect(json.components(separatedBy: "\"code\"").count - 1 == diagnostics.count)
    }
}
