import Foundation
import Testing
@testable import Almanac

/// meta.json, facets.json and the anchors manifest are written by `JSONWriter`; meta.js embeds
/// the same text as code. Strings that need no escape are copied whole, the others scalar by
/// scalar: both ways must give JSON that parses back to the string.
@Suite struct JSONWriterTests {
    static let samples = [
        "", "otvet", "ответ-в-первый-час", "emoji 🧯 и ё", "тире — и многоточие…", "â", "\u{2027}\u{202A}",
        "кавычка \" внутри", "обратная \\ черта", "строка\nвторая\r\n\tтаб", "\u{0}\u{1}\u{1F}", "до\u{2028}после\u{2029}",
        String(repeating: "ж", count: 5000) + "\"",
    ]

    @Test(arguments: samples) func everyStringParsesBackAsItself(_ text: String) throws {
        let j = JSONWriter()
        j.object { j.key(text); j.array([text, "x"]) { j.string($0) } }
        let parsed = try JSONSerialization.jsonObject(with: Data(j.text.utf8)) as? [String: [String]]
        #expect(parsed == [text: [text, "x"]])
        // Line and paragraph separators end a line in older JavaScript: always escaped.
        #expect(!j.text.contains("\u{2028}") && !j.text.contains("\u{2029}"))
        #expect(!j.text.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func escapesAreTheShortOnes() {
        let j = JSONWriter()
        j.list { for s in ["a\"b", "a\\b", "\n", "\u{1}", "\u{2028}", "ок"] { j.string(s) } }
        #expect(j.text == #"["a\"b","a\\b","\n","\u0001","\u2028","ок"]"#)
    }
}
