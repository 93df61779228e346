import Foundation
import Testing
@testable import Almanac

/// The byte-level fold gives what the Character-level definition gives: lower case, edge
/// characters dropped, words joined by one space.
@Suite struct FoldedTextTests {
    /// The definition the lint had before it worked on bytes.
    static func reference(_ text: String) -> String {
        let edges = CharacterSet(charactersIn: "*_`~\"'«»„“”()[]")
        return text.lowercased().split(whereSeparator: { $0.isWhitespace })
            .map { $0.trimmingCharacters(in: edges) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static let samples = [
        "Если Клиент ПИШЕТ в выходные, ОТВЕТЬТЕ в течение часа.",
        "  *Ёлка*   и «ЁЖИК» — „цитата“ и “другая” (скобки) [ссылка] `код` ~зачёркнуто~ _курсив_ ",
        "Ѐ Ѓ Ї Ў Џ І Є Ђ Ћ Ќ Љ Њ",
        "SMM, CRM и Telegram: 24/7 поддержка!",
        "ΑΒΓ Σίσυφος ÀÉÎÕÜ Ǆ ǅ İstanbul ẞ",
        "неразрывный\u{00A0}пробел\u{2009}узкий\u{3000}широкий\u{2028}строка\tтаб\r\nперенос",
        "** __ «» “” ()",
        "слово ** «» _другое_ (“) конец",
        "",
        "emoji 👍🏽 и 中文 и 𝐀𝐁𝐂 и \u{FFFD}",
    ]

    @Test func matchesTheCharacterLevelDefinition() {
        for sample in Self.samples {
            #expect(FoldedText(sample).string == Self.reference(sample), "\(sample)")
            #expect(FoldedText(sample).wordCount == Self.reference(sample).split(separator: " ").count, "\(sample)")
        }
    }

    @Test func foldedFormOfAParagraph() {
        #expect(SiteLint.fold("*Если* клиент пишет в  выходные,\nОТВЕТЬТЕ «сразу»") == "если клиент пишет в выходные, ответьте сразу")
    }
}
