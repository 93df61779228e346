@testable import Almanac

/// Deterministic pages of inflected Russian for format tests that need many terms and shards.
/// (The benchmark uses the full generator in Benchmarks/; this only has to be varied.)
struct SyntheticCorpus {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    static let stems = [
        "кризис", "коммуникаци", "репутаци", "отзыв", "жалоб", "клиент", "ответ", "компани", "бренд", "сет",
        "публикаци", "комментари", "модерац", "доставк", "задержк", "извинени", "сотрудник", "менеджер",
        "инцидент", "новост", "журналист", "заявлени", "пользовател", "платформ", "аудитори", "сообщени",
    ]
    static let endings = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "и", "ей", "ям", "ию", "ия", "ий"]
    static let latin = ["SMM", "CRM", "Telegram", "VK", "FAQ", "SLA", "NPS", "email"]

    mutating func next(_ n: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(n))
    }

    /// A word: a domain stem with an ending, sometimes an invented rare word or a Latin term.
    mutating func word() -> String {
        switch next(20) {
        case 0: return Self.latin[next(Self.latin.count)]
        case 1, 2: return "слово" + String(next(5000), radix: 36)
        default:
            // Zipf-like: low indices far more often.
            let i = min(next(Self.stems.count), next(Self.stems.count))
            return Self.stems[i] + Self.endings[next(Self.endings.count)]
        }
    }

    mutating func sentence(_ words: Int) -> String {
        let s = (0..<words).map { _ in word() }.joined(separator: " ")
        return s.prefix(1).uppercased() + s.dropFirst() + "."
    }

    mutating func documents(count: Int) -> [SearchDocument] {
        let types = ["reply", "principle", "case", "article"]
        return (0..<count).map { i in
            let sections = (0..<(2 + next(4))).map { k in
                SearchSection(anchor: k == 0 ? "" : "s\(k)", heading: k == 0 ? "" : sentence(3), level: k == 0 ? 0 : 2,
                              text: (0..<(3 + next(6))).map { _ in sentence(8 + next(10)) }.joined(separator: "\n"))
            }
            return SearchDocument(url: "p\(i)/", title: sentence(4), description: sentence(10), type: types[i % 4],
                                  section: "s\(i % 7)", sectionTitle: "Раздел \(i % 7)", tags: ["тег\(next(30))"],
                                  status: i % 3 == 0 ? "согласовано" : nil, sections: sections)
        }
    }
}
