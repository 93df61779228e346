/// Invented brand and organisation names («Норикс», «Велтрания»): the long tail of rare words
/// every real knowledge base has. The pool grows with the site (three names per page), as a
/// real vocabulary does with its corpus (Heaps' law), and is drawn with Zipf weights.
struct NameForge: Sendable {
    private let table: WeightedTable
    private let seed: UInt64

    private static let onsets = ["б", "в", "г", "д", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ш",
                                 "бр", "гр", "др", "кр", "пр", "тр", "ст", "ск", "сл", "зв", "пл", "вл"]
    private static let vowels = ["а", "о", "е", "и", "у", "а", "о", "и"]
    private static let codas = ["", "н", "р", "л", "с", "м", "к", "т", "кс", "рт"]
    private static let endings = ["", "", "ия", "ос", "ум", "ика", "ис", "он", "ада", "екс", "ера"]

    init(seed: UInt64, pages: Int) {
        table = WeightedTable.zipf(count: max(3 * pages, 100))
        self.seed = seed
    }

    func draw(_ rng: inout SplitMix64) -> [UInt8] {
        NameForge.name(rank: table.draw(&rng), seed: seed)
    }

    /// The name of a rank is a pure function of it, so the pool needs no storage.
    static func name(rank: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed, item: rank, purpose: 60)
        var s = ""
        for _ in 0..<(2 + rng.below(2)) {
            s += onsets[rng.below(onsets.count)] + vowels[rng.below(vowels.count)]
        }
        // One closing consonant at most, or an ending that starts with a vowel: «Норикс», «Велтория».
        if rng.chance(50) {
            s += codas[rng.below(codas.count)]
        } else {
            s.removeLast()  // the ending takes the last vowel's place: «Нори» → «Норика»
            s += endings[rng.below(endings.count)]
        }
        var bytes = Array(s.utf8)
        TextBuffer.capitalize(&bytes, at: 0)
        return bytes
    }
}
