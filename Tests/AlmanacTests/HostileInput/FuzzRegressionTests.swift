import Foundation
import Testing
@testable import Almanac
@testable import AlmanacFuzzing

/// Inputs `make fuzz` once stopped on, replayed through the same pipeline and checks
/// (Fixtures/fuzz/: `leak-…` found the result buffer leak in concurrentMap, `slow-unit-…` were
/// reported as slow under load and must stay fast), plus proof that the checks can fail.
@Suite struct FuzzRegressionTests {
    static let inputs = (try? FileManager.default.contentsOfDirectory(
        at: Fixtures.root.appendingPathComponent("fuzz"), includingPropertiesForKeys: nil))?.sorted { $0.path < $1.path } ?? []

    @Test(arguments: inputs) func foundInputStaysClean(_ input: URL) throws {
        let data = try Data(contentsOf: input)
        let started = Date()
        #expect(PageFuzzer.shared.problems(data) == [])
        #expect(Date().timeIntervalSince(started) < 20, "\(input.lastPathComponent) is slow again")
    }

    @Test func theChecksCatchWhatTheyLookFor() {
        let bad: [(String, String)] = [
            ("a/index.html", "<p>x</p><script>alert(1)</script>"),
            ("a/index.html", "<img src=\"x\" onerror=\"alert(1)\">"),
            ("a/index.html", "<a href=\"JaVa&#x53;cript:alert(1)\">x</a>"),
            ("feed.xml", "<link href=\"vbscript:x\"/>"),
            ("../escape.html", "<p></p>"),
            ("search/meta.json", "{nan}"),
            ("search/meta.js", "Almanac.searchData(\"meta.json\",{});alert(1);\n"),
        ]
        for (path, text) in bad {
            #expect(PageFuzzer.problem(OutputFile(path: path, text: text)) != nil, "\(path): \(text)")
        }
        let theme = "<script defer src=\"../assets/js/almanac.js\"></script><a href=\"../x/\">x</a><img src=\"data:image/png;base64,AA\" alt=\"\">"
        #expect(PageFuzzer.problem(OutputFile(path: "a/index.html", text: theme)) == nil)
    }
}
