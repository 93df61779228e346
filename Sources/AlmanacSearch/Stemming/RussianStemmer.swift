import AlmanacCore
/// The Snowball Russian stemmer (snowballstem.org, `algorithms/russian.sbl`), reproducing the
/// official test vocabulary exactly. `templates/assets/search/stem-ru.js` is its twin for the
/// browser and must stay step-for-step identical to it.
///
/// Callers pass a lower-cased word. Every step only cuts endings (besides ё → е), so the word
/// is kept as UTF-16 units plus an `end` that moves left; text without Cyrillic vowels has no
/// region to cut in and comes back unchanged.
public enum RussianStemmer {
    public static func stem(_ word: String) -> String {
        var units = Array(word.utf16)
        // Current Snowball treats ё as е (the official output has no ё at all). It must happen
        // before the regions are found: ё is not in the vowel set.
        var replacedYo = false
        for index in units.indices where units[index] == yo {
            units[index] = ie
            replacedYo = true
        }

        let (rv, r2) = regions(of: units)
        var end = units.count
        // Everything below is `setlimit tomark pV`: endings and the letters tested before
        // them must lie in RV, so `rv` is the lower limit of every match.

        // Step 1: one inflectional ending.
        if !cut(perfectiveGerund, from: units, end: &end, rv: rv) {
            cut(reflexive, from: units, end: &end, rv: rv)
            if cut(adjective, from: units, end: &end, rv: rv) {
                cut(participle, from: units, end: &end, rv: rv)
            } else if !cut(verb, from: units, end: &end, rv: rv) {
                cut(noun, from: units, end: &end, rv: rv)
            }
        }

        // Step 2: a final и, because the noun ending -ию was taken as the verb ending -ю.
        if end > rv && units[end - 1] == i {
            end -= 1
        }

        // Step 3: the derivational -ост(ь), only from R2.
        if let match = derivational.longestMatch(in: units, end: end, limit: rv), match.start >= r2 {
            end = match.start
        }

        // Step 4: tidy up.
        if let match = tidyUp.longestMatch(in: units, end: end, limit: rv) {
            switch match.action {
            case .superlative:
                end = match.start
                if end - 2 >= rv && units[end - 1] == en && units[end - 2] == en { end -= 1 }
            case .doubleN:
                if match.start - 1 >= rv && units[match.start - 1] == en { end -= 1 }
            case .softSign:
                end = match.start
            }
        }

        if end == units.count && !replacedYo { return word }  // spare the allocation
        return String(utf16Units: units[..<end])
    }

    // MARK: - Regions

    /// RV starts after the first vowel; R2 is Snowball's usual second region (after vowel,
    /// non-vowel, vowel, non-vowel). Either is the word's end when the word runs out first.
    private static func regions(of units: [UInt16]) -> (rv: Int, r2: Int) {
        var index = 0
        /// `gopast`: moves past the first unit whose vowel-ness is `vowel`; false at the end.
        func goPast(vowel: Bool) -> Bool {
            while index < units.count {
                index += 1
                if isVowel(units[index - 1]) == vowel { return true }
            }
            return false
        }
        guard goPast(vowel: true) else { return (units.count, units.count) }
        let rv = index
        guard goPast(vowel: false), goPast(vowel: true), goPast(vowel: false) else { return (rv, units.count) }
        return (rv, index)
    }

    private static func isVowel(_ unit: UInt16) -> Bool {
        switch unit {
        case a, ie, i, o, u, yery, e, yu, ya: return true
        default: return false
        }
    }

    // MARK: - Endings

    /// What an ending of step 1 needs from the letter before it.
    private enum Condition: Sendable {
        /// Cut wherever it stands in RV.
        case plain
        /// Group 1 of the gerund, participle and verb endings: cut only after а or я (in RV).
        case afterAOrYa
    }

    /// Cuts the longest listed ending if its condition holds; false (and no cut) otherwise.
    @discardableResult
    private static func cut(_ table: SuffixTable<Condition>, from units: [UInt16], end: inout Int, rv: Int) -> Bool {
        guard let match = table.longestMatch(in: units, end: end, limit: rv) else { return false }
        if case .afterAOrYa = match.action {
            guard match.start > rv, units[match.start - 1] == a || units[match.start - 1] == ya else { return false }
        }
        end = match.start
        return true
    }

    private static let perfectiveGerund = SuffixTable<Condition>([
        .afterAOrYa: ["в", "вши", "вшись"],
        .plain: ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"],
    ])

    private static let adjective = SuffixTable<Condition>([
        .plain: ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом",
                "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"],
    ])

    /// Participle suffixes left once an adjective ending is cut. Snowball leaves out -им, -уем,
    /// -енн on purpose: cutting them conflates too many unrelated words.
    private static let participle = SuffixTable<Condition>([
        .afterAOrYa: ["ем", "нн", "вш", "ющ", "щ"],
        .plain: ["ивш", "ывш", "ующ"],
    ])

    private static let reflexive = SuffixTable<Condition>([
        .plain: ["ся", "сь"],
    ])

    private static let verb = SuffixTable<Condition>([
        .afterAOrYa: ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны",
                      "ть", "ешь", "нно"],
        .plain: ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им",
                "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть",
                "ишь", "ую", "ю"],
    ])

    private static let noun = SuffixTable<Condition>([
        .plain: ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей",
                "ой", "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы",
                "ь", "ию", "ью", "ю", "ия", "ья", "я"],
    ])

    private static let derivational = SuffixTable<Condition>([
        .plain: ["ост", "ость"],
    ])

    private enum TidyUp: Sendable {
        /// -ейш(е): cut, then undouble a final нн.
        case superlative
        /// A final н: cut only when doubled (-нн-).
        case doubleN
        /// A final ь: cut.
        case softSign
    }

    private static let tidyUp = SuffixTable<TidyUp>([
        .superlative: ["ейш", "ейше"],
        .doubleN: ["н"],
        .softSign: ["ь"],
    ])

    // The letters the code tests one by one, as UTF-16 units.
    private static let a: UInt16 = 0x430  // а
    private static let ie: UInt16 = 0x435  // е
    private static let i: UInt16 = 0x438  // и
    private static let en: UInt16 = 0x43D  // н
    private static let o: UInt16 = 0x43E  // о
    private static let u: UInt16 = 0x443  // у
    private static let yery: UInt16 = 0x44B  // ы
    private static let e: UInt16 = 0x44D  // э
    private static let yu: UInt16 = 0x44E  // ю
    private static let ya: UInt16 = 0x44F  // я
    private static let yo: UInt16 = 0x451  // ё
}
