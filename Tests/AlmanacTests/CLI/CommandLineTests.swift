import Foundation
import Testing

/// The `almanac` executable as a writer runs it: exit codes and what it prints.
@Suite struct CommandLineTests {
    /// SwiftPM puts the executable beside the test bundle when it builds the tests.
    static let executable: URL? = {
        let dir = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [dir.appendingPathComponent("almanac"), dir.deletingLastPathComponent().appendingPathComponent("almanac"),
                          SharedMaterial.repositoryRoot.appendingPathComponent(".build/debug/almanac")] {
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let result = try TestProcess.run(Self.executable, arguments, environment: ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"],
                                         reading: .standardError)
        return (result.status, result.output)
    }

    @Test(.enabled(if: executable != nil, "the almanac executable is not built"))
    func brokenContentExitsOneAndNamesEveryProblem() throws {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let (ok, _) = try run(["build", Fixtures.site("basic").path, "--output", out.path, "--quiet"])
        #expect(ok == 0)
        let (status, stderr) = try run(["build", Fixtures.site("broken").path, "--output", out.path])
        #expect(status == 1)
        #expect(stderr.contains("content/_index.md:4:11: error:"))
        #expect(stderr.contains("content/_index.md:4:63: error:"))
        #expect(stderr.contains("content/page.md:3:1: error:"))
        #expect(stderr.contains("Прежний сайт"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("guide/first-step/index.html").path))
    }

    @Test(.enabled(if: executable != nil, "the almanac executable is not built"))
    func configurationErrorsExitTwo() throws {
        let site = Fixtures.makeSite(["a.md": "# A\n"], config: "title: [не закрыто\n")
        let (status, stderr) = try run(["build", site.path])
        #expect(status == 2)
        #expect(stderr.contains("almanac.yml:"))
    }

    @Test(.enabled(if: executable != nil, "the almanac executable is not built"))
    func usageErrorsExitTwo() throws {
        let (status, _) = try run(["build", "--links", "maybe"])
        #expect(status == 2)
    }

    @Test(.enabled(if: executable != nil, "the almanac executable is not built"))
    func aLongReportIsShortenedByCodeUnlessVerbose() throws {
        // 30 pages, each with two broken links: 60 warnings in import mode, over a screenful.
        var files: [String: String] = ["_index.md": "# Главная\n"]
        for i in 1...30 { files["p\(i).md"] = "# Страница \(i)\n\n[а](missing-\(i).md) и [б](gone-\(i).md)\n" }
        let site = Fixtures.makeSite(files)
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let (status, short) = try run(["build", site.path, "--output", out.path, "--links", "warn"])
        #expect(status == 0)
        #expect(short.contains("— broken-link: 60") && short.contains("… и ещё 57 [broken-link]"), "\(short)")
        #expect(short.split(separator: "\n").count < 20)
        let (_, all) = try run(["build", site.path, "--output", out.path, "--links", "warn", "--verbose"])
        #expect(all.components(separatedBy: "[broken-link]").count - 1 == 60)
    }
}
