import Foundation
import Testing
@testable import Almanac

/// Every word a reader sees comes from templates/i18n/LANG.yml, and every language has them all.
@Suite struct UIStringsTests {
    private let templates = SharedMaterial.repositoryRoot.appendingPathComponent("templates")

    private func strings(_ language: String) -> UIStrings {
        let (strings, diagnostics) = UIStrings.load(templates: templates, language: language)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return strings
    }

    @Test func englishHasEveryKeyRussianHasAndNoOthers() {
        let ru = Set(strings("ru").values.keys), en = Set(strings("en").values.keys)
        #expect(ru.subtracting(en).sorted() == [], "missing in en.yml")
        #expect(en.subtracting(ru).sorted() == [], "only in en.yml")
        #expect(strings("en").values.allSatisfy { !$0.value.isEmpty })
    }

    @Test func everyKeyTheTemplatesReadExists() throws {
        let known = Set(strings("ru").values.keys)
        let regex = try NSRegularExpression(pattern: #"\{\{[{#^/]?\s*ui\.([A-Za-z0-9_.]+)"#)
        var missing: [String] = []
        for folder in ["layouts", "partials"] {
            let dir = templates.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".mustache") {
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let key = String(text[Range(match.range(at: 1), in: text)!])
                    if !known.contains(key) { missing.append("\(folder)/\(name): ui.\(key)") }
                }
            }
        }
        #expect(missing == [])
    }

    @Test func anEnglishSiteSpeaksEnglish() {
        let site = Fixtures.makeSite([
            "_index.md": "---\ntitle: Home\n---\nText.",
            "note.md": "---\ntitle: Note\ndate: 2024-05-01\ntags: [start]\n---\nText.",
        ], config: "title: Wiki\nlanguage: en\nplaybook: []\n")
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let result = Build.run(BuildOptions(siteDirectory: site, output: out))
        #expect(result.succeeded, "\(result.diagnostics)")
        let note = Fixtures.read(out, "note/index.html")
        #expect(note.contains("Skip to content"))
        #expect(note.contains("<time datetime=\"2024-05-01\">1 May 2024</time>"))
        #expect(note.contains("content=\"en_GB\""))
        #expect(Fixtures.read(out, "tags/start/index.html").contains("<span class=\"badge\">Article</span>"),
                "the built-in type is named in the site's language")
        for file in ["note/index.html", "tags/start/index.html", "tags/index.html", "404.html", "search/index.html"] {
            // The search partials (the search branch's) still carry their own Russian words; judge the rest.
            var text = Fixtures.read(out, file)
            for (open, close) in [("<form class=\"search-box\"", "</form>"), ("<div class=\"search-page-box\"", "</noscript>")] {
                if let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                    text.removeSubrange(start.lowerBound..<end.upperBound)
                }
            }
            let russian = text.unicodeScalars.filter { (0x400...0x4FF).contains($0.value) }
            #expect(russian.isEmpty, "\(file) shows Russian on an English site: \(String(String.UnicodeScalarView(russian)).prefix(40))")
        }
    }
}
