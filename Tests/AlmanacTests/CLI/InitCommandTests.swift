import Foundation
import Testing
@testable import Almanac
@testable import AlmanacProducts

/// `almanac init` as a team starting its own wiki runs it: the built executable, found beside the tests,
/// takes its theme and bundled base from the checkout it was built in.
@Suite struct InitCommandTests {
    static let enabled = CommandLineTests.executable != nil
    let cli = WriterCommandTests()

    func newFolder() -> URL { Fixtures.temporaryDirectory().appendingPathComponent("wiki") }

    @Test(.enabled(if: enabled, "the almanac executable is not built"))
    func starterSiteBuildsAndChecksWithoutWarnings() throws {
        let site = newFolder()
        let created = try cli.run(["init", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        let files = Fixtures.files(in: site)
        #expect(files.contains("almanac.yml"))
        #expect(files.contains("content/_index.md"))
        #expect(files.contains("templates/layouts/base.mustache"))
        #expect(files.contains("templates/archetypes/reply.md"))
        // One example page per content type, in the type's folder.
        for folder in ["principles", "replies", "cases", "documents"] {
            #expect(files.contains { $0.hasPrefix("content/\(folder)/") && !$0.hasSuffix("_index.md") }, "no example in \(folder)")
        }
        #expect(files.contains("content/primer-stati.md"))
        let config = Fixtures.read(site, "almanac.yml")
        #expect(!config.contains("approvals_are_examples"))
        for type in ["principle:", "reply:", "case:", "document:", "article:"] { #expect(config.contains("  " + type)) }
        #expect(config.contains("# edit_url:"))

        let build = try cli.run(["build", site.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect((build.stdout + build.stderr).contains("предупреждений 0"), "\(build.stdout)\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/replies/index.html").path))
        let check = try cli.run(["check", site.path])
        #expect(check.status == 0)
        #expect(check.stderr.contains("ошибок 0, предупреждений 0"), "\(check.stderr)")
        #expect(!check.stderr.contains("warning:"), "\(check.stderr)")
    }

    @Test(.enabled(if: enabled, "the almanac executable is not built"))
    func refusesAFolderThatIsNotEmpty() throws {
        let site = Fixtures.temporaryDirectory()
        try "мой файл".write(to: site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try cli.run(["init", site.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("не пуста"))
        #expect(Fixtures.files(in: site) == ["notes.txt"])
        // An existing empty folder is fine.
        let empty = Fixtures.temporaryDirectory()
        #expect(try cli.run(["init", empty.path]).status == 0)
    }

    @Test(.enabled(if: enabled, "the almanac executable is not built"))
    func knowledgeBaseStartsWithEveryApprovalReset() throws {
        let site = newFolder()
        let created = try cli.run(["init", site.path, "--with-knowledge-base"])
        #expect(created.status == 0, "\(created.stderr)")
        let repository = SharedMaterial.repositoryRoot
        let config = Fixtures.read(site, "almanac.yml")
        #expect(!config.contains("approvals_are_examples"))
        #expect(config.contains("authors_area: docs"))

        let originals = Fixtures.files(in: repository.appendingPathComponent("content"))
        var governed = 0
        for path in originals where path.hasSuffix(".md") && path != "_index.md" {
            let original = Fixtures.read(repository, "content/" + path)
            let copy = Fixtures.read(site, "content/" + path)
            // Byte for byte what the reset makes of the original: nothing else changed.
            #expect(copy == ApprovalReset.reset(original), "\(path)")
            let originalLines = original.components(separatedBy: "\n"), copyLines = copy.components(separatedBy: "\n")
            let changed = copyLines.filter { !originalLines.contains($0) }
            for line in changed {
                #expect(line == "status: черновик" || ApprovalReset.clearedKeys.contains { line == $0 + ":" }, "\(path): \(line)")
            }
            // The front matter alone: pages about approval show these keys in their body too.
            let frontMatter = copy.components(separatedBy: "\n---\n").first ?? ""
            if frontMatter.contains("\nstatus:") {
                governed += 1
                #expect(frontMatter.contains("\nstatus: черновик\n"), "\(path)")
                for key in ApprovalReset.clearedKeys where frontMatter.contains("\n\(key):") {
                    #expect(frontMatter.contains("\n\(key):\n"), "\(path): \(key) keeps a value")
                }
            }
        }
        #expect(governed > 50)
        let start = Fixtures.read(site, "content/start-here.md")
        #expect(start.contains("(replies/holding-statement.md)"))
        #expect(start.contains("(replies/data-leak.md)"))
        #expect(Fixtures.read(site, "content/_index.md").contains("(start-here.md)"))

        let build = try cli.run(["build", site.path])
        #expect(build.status == 0, "\(build.stderr)")
        let output = build.stdout + build.stderr
        // The only warnings are the texts without an owner: the team's to-do list.
        let codes = Set(output.matches(of: /\[([a-z-]+)\]/).map { String($0.1) })
        #expect(codes.isSubset(of: ["no-owner"]), "\(codes)")
        let page = Fixtures.read(site, "public/replies/data-leak/index.html")
        #expect(!page.contains("approval-example"))
        #expect(page.contains("черновик"))
        #expect(try cli.run(["init", site.path, "--with-knowledge-base"]).status == 2)
    }
}
