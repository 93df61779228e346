import Foundation
import Testing
@testable import Almanac

/// The indexer and the browser must cut and fold text identically, or a query misses the words
/// it names. Both sides check themselves against words.expected.json (the JS side in
/// Tests/js/normalize.test.mjs). Regenerate after a deliberate rule change with
/// ALMANAC_UPDATE_FIXTURES=1 swift test --filter SharedWordList, and review the diff.
@Suite struct SharedWordListTests {
    static let folder = SharedMaterial.repositoryRoot.appendingPathComponent("Tests/AlmanacTests/Fixtures/search")

    static func analyse() -> [[String: Any]] {
        let analyzer = TermAnalyzer(languages: ["ru", "en"])
        let lines = ((try? String(contentsOf: folder.appendingPathComponent("words.txt"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
        return lines.map { line in
            let words = Tokenizer.words(line)
            return ["text": line, "fold": TextNormalizer.fold(line), "words": words,
                    "terms": words.map { analyzer.terms(ofWord: $0) }]
        }
    }

    @Test func swiftMatchesTheSharedExpectations() throws {
        let actual = Self.analyse()
        #expect(actual.count >= 30)
        let expectedURL = Self.folder.appendingPathComponent("words.expected.json")
        if ProcessInfo.processInfo.environment["ALMANAC_UPDATE_FIXTURES"] == "1" {
            // One line per text, so a rule change shows as a readable diff.
            let lines = try actual.map {
                String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
            }
            try Data(("[\n" + lines.joined(separator: ",\n") + "\n]\n").utf8).write(to: expectedURL)
        }
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [[String: Any]] ?? []
        #expect(expected.count == actual.count)
        for (e, a) in zip(expected, actual) {
            #expect(e["words"] as? [String] == a["words"] as? [String], "\(a["text"] ?? "")")
            #expect(e["terms"] as? [[String]] == a["terms"] as? [[String]], "\(a["text"] ?? "")")
            #expect(e["fold"] as? String == a["fold"] as? String, "\(a["text"] ?? "")")
        }
    }

    @Test func stopwordListIsTheOneTheJavaScriptTestsUse() throws {
        let url = Self.folder.appendingPathComponent("stopwords.json")
        let list = Stopwords.list(languages: ["ru", "en"])
        if ProcessInfo.processInfo.environment["ALMANAC_UPDATE_FIXTURES"] == "1" {
            try JSONSerialization.data(withJSONObject: list).write(to: url)
        }
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String] == list)
    }
}
