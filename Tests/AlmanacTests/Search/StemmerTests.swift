import Foundation
import Testing
import Almanac

/// The repository root: this file is Tests/AlmanacTests/Search/StemmerTests.swift.
private let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Snowball's official test vocabularies are shared next to the repository (`<repo root>/../shared`),
/// not committed to it, so machines without them skip the tests that need them.
private let snowballData = repoRoot.appendingPathComponent("../shared/snowball").standardizedFileURL

private let vocabularyAvailable = ["russian", "english"].allSatisfy { language in
    ["voc.txt", "output.txt"].allSatisfy { file in
        FileManager.default.fileExists(atPath: snowballData.appendingPathComponent("\(language)/\(file)").path)
    }
}

/// `node` from PATH, for running the browser's stemmers against the Swift ones.
private let node: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
    .split(separator: ":")
    .map { URL(fileURLWithPath: String($0)).appendingPathComponent("node") }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// Inputs beyond the vocabularies: empty, other scripts, a surrogate pair, mixed and odd forms.
private let edgeCases = [
    "", "a", "ya", "hello", "2024", "naïve", "x-ray", "covid19s", "ayyed", "'s", "aren't", "yyy", "𝒜ies",
    "ёлка", "ЁЛКА", "ёлочкой", "🎉книгами", "日本語", "🎉", "iphone-ами", "привет", "'привет", "привет'",
]

@Suite struct StemmerTests {
    @Test func emptyAndForeignWordsComeBackUnchanged() {
        for word in ["", "hello", "2024", "naïve", "x-ray", "日本語", "🎉"] {
            #expect(RussianStemmer.stem(word) == word)
        }
        for word in ["", "привет", "ёлка", "2024", "日本語", "🎉"] {
            #expect(EnglishStemmer.stem(word) == word)
        }
    }

    @Test func russianSamples() {
        let samples = [
            "абонемента": "абонемент", "длинной": "длин", "лошадьми": "лошадьм", "поезжайте": "поезжа",
            "радостью": "радост", "размышления": "размышлен", "сказанный": "сказа", "улыбнувшись": "улыбнувш",
            // ё counts as е, also where it decides the regions.
            "актёр": "актер", "берёзовый": "березов", "ёлка": "елк",
            // Letters outside the BMP survive the trip through UTF-16.
            "🎉книгами": "🎉книг",
        ]
        for (word, stem) in samples {
            #expect(RussianStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func englishSamples() {
        let samples = [
            "generously": "generous", "dying": "die", "hopping": "hop", "hoping": "hope", "skies": "sky",
            "news": "news", "cried": "cri", "gaps": "gap", "gas": "gas", "added": "add", "pasted": "paste",
            "proceedings": "proceed", "sayings": "say", "happy": "happi", "'s": "'s", "electricity": "electr",
            // Current Snowball fixes R1 after "inter", so these no longer all become "intern".
            "international": "internat", "internal": "internal", "internment": "internment",
        ]
        for (word, stem) in samples {
            #expect(EnglishStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test(.enabled(if: vocabularyAvailable, "needs Snowball's vocabularies in <repo root>/../shared/snowball"))
    func russianReproducesOfficialVocabulary() throws {
        try expectReproduces("russian", count: 49_785, RussianStemmer.stem)
    }

    @Test(.enabled(if: vocabularyAvailable, "needs Snowball's vocabularies in <repo root>/../shared/snowball"))
    func englishReproducesOfficialVocabulary() throws {
        try expectReproduces("english", count: 42_649, EnglishStemmer.stem)
    }

    /// The browser stems queries with the JavaScript twins; a word stemmed differently there than
    /// in the index can never be found. Runs both over every vocabulary word and the edge cases.
    @Test(.enabled(if: vocabularyAvailable, "needs Snowball's vocabularies in <repo root>/../shared/snowball"),
          .enabled(if: node != nil, "needs node on PATH"))
    func javaScriptStemmersAgreeWithSwift() throws {
        let input = [
            "russian": try vocabulary("russian").words + edgeCases,
            "english": try vocabulary("english").words + edgeCases,
        ]
        let output = try runJavaScriptStemmers(on: input)
        for (language, stem) in [("russian", RussianStemmer.stem), ("english", EnglishStemmer.stem)] {
            let words = input[language] ?? []
            let jsStems = try #require(output[language])
            try #require(jsStems.count == words.count)
            let disagreements = zip(words, jsStems).filter { stem($0) != $1 }.map { "\($0) → Swift \(stem($0)), JS \($1)" }
            #expect(disagreements.isEmpty, "\(language): \(disagreements.count) disagreements: \(disagreements.prefix(20))")
        }
    }
}

private struct Vocabulary {
    var words: [String]
    var stems: [String]
}

private func vocabulary(_ language: String) throws -> Vocabulary {
    func lines(_ file: String) throws -> [String] {
        let data = try Data(contentsOf: snowballData.appendingPathComponent("\(language)/\(file)"))
        return data.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }
    return Vocabulary(words: try lines("voc.txt"), stems: try lines("output.txt"))
}

private func expectReproduces(_ language: String, count: Int, _ stem: (String) -> String) throws {
    let vocabulary = try vocabulary(language)
    try #require(vocabulary.words.count == count && vocabulary.stems.count == count)
    let mismatches = zip(vocabulary.words, vocabulary.stems)
        .filter { stem($0) != $1 }
        .map { "\($0) → \(stem($0)), expected \($1)" }
    #expect(mismatches.isEmpty, "\(mismatches.count) of \(count) words differ: \(mismatches.prefix(20))")
}

/// Runs templates/assets/search/stem-{ru,en}.js in node over `input` (language → words) and
/// returns their stems in the same shape. The words travel through a temporary JSON file.
private func runJavaScriptStemmers(on input: [String: [String]]) throws -> [String: [String]] {
    let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("stemmers-\(UUID().uuidString).json")
    try JSONEncoder().encode(input).write(to: inputFile)
    defer { try? FileManager.default.removeItem(at: inputFile) }

    let script = """
        const fs = require('fs');
        const [ru, en, inputFile] = process.argv.slice(1);
        require(ru);
        require(en);
        const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
        process.stdout.write(JSON.stringify({
          russian: input.russian.map((w) => globalThis.Almanac.stemRussian(w)),
          english: input.english.map((w) => globalThis.Almanac.stemEnglish(w)),
        }));
        """
    let scripts = repoRoot.appendingPathComponent("templates/assets/search")
    let process = Process()
    process.executableURL = node
    process.arguments = ["-e", script, scripts.appendingPathComponent("stem-ru.js").path,
                         scripts.appendingPathComponent("stem-en.js").path, inputFile.path]
    let stdout = Pipe(), stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "node failed: \(String(decoding: errors, as: UTF8.self))")
    return try JSONDecoder().decode([String: [String]].self, from: output)
}
