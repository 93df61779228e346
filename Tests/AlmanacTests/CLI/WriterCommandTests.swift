import Foundation
import Testing

/// `almanac check` and `almanac new` as a writer or CI runs them.
@Suite struct WriterCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static let enabled = CommandLineTests.executable != nil

    @Test(.enabled(if: enabled, "the almanac executable is not built"))
    func checkExitsOneOnErrorsAndWritesNothing() throws {
        let site = Fixtures.makeSite(["_index.md": "# Главная\n\n[Нет](nope.md)\n"])
        let (status, stdout, stderr) = try run(["check", site.path])
        #expect(status == 1)
        #expect(stdout.isEmpty)
        #expect(stderr.contains("content/_index.md:3:1: error:"))
        #expect(stderr.contains("Найдены ошибки: страниц 1, ошибок 1"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    @Test(.enabled(if: enabled, "the almanac executable is not built"))
    func checkFormatsForEditorsAndCI() throws {
        let site = Fixtures.makeSite(["_index.md": "# Главная\n\n[Нет](nope.md)\n"])
        let json = try run(["check", site.path, "--format", "json", "--quiet"])
        #expect(json.status == 1)
        let list = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(list?.first?["code"] as? String == "broken-link")
        #expect(list?.first?["line"] as? Int == 3)
        #expect(json.stderr.isEmpty)
        let github = try run(["check", site.path, "--format", "github"])
        #expect(github.stdout.hasPrefix("::error file=content/_index.md,line=3,col=1::"))
        let clean = try run(["check", Fixtures.makeSite(["_index.md": "# Главная\n"]).path])
        #expect(clean.status == 0)
        #expect(try run(["check", site.path, "--format", "yaml"]).status == 2)
    }

    @Test(.enabled(if: enabled, "the almanac executable is not built"))
    func newPrintsThePathAndRefusesToOverwrite() throws {
        let site = Fixtures.makeSite(["_index.md": "# Главная\n"])
        let first = try run(["new", "article", "Памятка дежурному", site.path])
        #expect(first.status == 0)
        #expect(first.stdout == site.path + "/content/pamyatka-dezhurnomu.md\n")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/pamyatka-dezhurnomu.md").path))
        let again = try run(["new", "article", "Памятка дежурному", site.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("уже существует"))
        #expect(try run(["new", "recipe", "Борщ", site.path]).status == 2)
    }
}
