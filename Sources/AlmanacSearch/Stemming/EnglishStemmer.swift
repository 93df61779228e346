import AlmanacCore
/// The Snowball English ("Porter2") stemmer as current Snowball defines it
/// (snowballstem.org, `algorithms/english.sbl`), reproducing the official test vocabulary
/// exactly. `templates/assets/search/stem-en.js` is its twin for the browser and must stay
/// step-for-step identical to it.
///
/// Callers pass a lower-cased word. Every rule needs Latin letters, so other text comes back
/// unchanged, except that an apostrophe at either end goes (Snowball takes it for a possessive
/// or a quote). Steps only touch the end of the word (apart from the prelude), so the word is a
/// `[UInt16]` that is cut and appended to.
public enum EnglishStemmer {
    public static func stem(_ word: String) -> String {
        if let special = exception(word) { return special }
        var units = Array(word.utf16)
        // Two letters or fewer are left alone.
        guard units.count >= 3 else { return word }

        let foundY = prelude(&units)
        let (r1, r2) = regions(of: units)
        step1a(&units)
        step1b(&units, r1: r1)
        step1c(&units)
        apply(step2, to: &units, from: r1, r2: r2)
        apply(step3, to: &units, from: r1, r2: r2)
        apply(step4, to: &units, from: r2, r2: r2)
        step5(&units, r1: r1, r2: r2)
        if foundY {
            for index in units.indices where units[index] == upperY { units[index] = y }
        }
        return String(utf16Units: units[...])
    }

    // MARK: - Prelude and regions

    /// Drops a leading apostrophe and marks consonant y (initial, or after a vowel) as Y, so the
    /// vowel tests skip it. Returns whether any Y was set, i.e. whether the postlude must undo it.
    private static func prelude(_ units: inout [UInt16]) -> Bool {
        if units.first == apostrophe { units.removeFirst() }
        var foundY = false
        if units.first == y {
            units[0] = upperY
            foundY = true
        }
        // Left to right, so in "ayy" only the first y follows a vowel (Y is not one).
        for index in units.indices.dropFirst() where units[index] == y && isVowel(units[index - 1]) {
            units[index] = upperY
            foundY = true
        }
        return foundY
    }

    /// R1 and R2 as Porter2 defines them, except that a few prefixes fix R1 to start right
    /// after them (generate/general keep "gener", not "gen").
    private static func regions(of units: [UInt16]) -> (r1: Int, r2: Int) {
        var index = 0
        /// `gopast v gopast non-v`: past the first vowel-then-consonant; false if the word ends first.
        func goPastVowelAndConsonant() -> Bool {
            while index < units.count && !isVowel(units[index]) { index += 1 }
            while index < units.count && isVowel(units[index]) { index += 1 }
            guard index < units.count else { return false }
            index += 1
            return true
        }
        if let prefix = r1Prefixes.first(where: { units.starts(with: $0) }) {
            index = prefix.count
        } else if !goPastVowelAndConsonant() {
            return (units.count, units.count)
        }
        let r1 = index
        return goPastVowelAndConsonant() ? (r1, index) : (r1, units.count)
    }

    // MARK: - Steps

    private enum Step1a: Sendable {
        case sses, ies, s, keep
    }

    /// Possessives, then plurals.
    private static func step1a(_ units: inout [UInt16]) {
        if let match = possessives.longestMatch(in: units, end: units.count, limit: 0) {
            units.removeSubrange(match.start...)
        }
        guard let match = step1aEndings.longestMatch(in: units, end: units.count, limit: 0) else { return }
        switch match.action {
        case .sses:
            units.removeLast(2)
        case .ies:
            // ties → tie but cries → cri.
            replace(&units, from: match.start, with: match.start >= 2 ? "i" : "ie")
        case .s:
            // Only when a vowel comes before the letter preceding the s: gaps → gap, gas stays.
            if match.start >= 2 && units[..<(match.start - 1)].contains(where: isVowel) { units.removeLast() }
        case .keep:
            break
        }
    }

    private enum Step1b: Sendable {
        case eed, ed, ing
    }

    /// -eed(ly) → -ee in R1; -ed, -edly, -ing, -ingly go after a vowel, then the stem is repaired.
    private static func step1b(_ units: inout [UInt16], r1: Int) {
        guard let match = step1bEndings.longestMatch(in: units, end: units.count, limit: 0) else { return }
        let start = match.start
        switch match.action {
        case .eed:
            // proceed, exceed, succeed keep their -eed.
            if start >= r1 && !eedStems.contains(where: { units[..<start].elementsEqual($0) }) {
                replace(&units, from: start, with: "ee")
            }
            return
        case .ing:
            // dying → die, lying → lie, tying → tie, vying → vie.
            if start == 2 && units[1] == y && !isVowel(units[0]) {
                replace(&units, from: 1, with: "ie")
                return
            }
            // inning, outing, canning, herring, earring, evening are not verb forms.
            if ingStems.contains(where: { units[..<start].elementsEqual($0) }) { return }
        case .ed:
            break
        }
        guard units[..<start].contains(where: isVowel) else { return }
        units.removeSubrange(start...)

        let count = units.count
        if count >= 2 {
            let last = units[count - 1], beforeLast = units[count - 2]
            // luxuriated → luxuriate, troubled → trouble, sized → size.
            if (beforeLast, last) == (a, t) || (beforeLast, last) == (b, l) || (beforeLast, last) == (i, z) {
                units.append(e)
                return
            }
            // hopped → hop, but added, egged, offed keep the double after a lone initial a/e/o.
            if last == beforeLast && undoubled.contains(last) {
                if !(count == 3 && (units[0] == a || units[0] == e || units[0] == o)) { units.removeLast() }
                return
            }
        }
        // hoping → hope: a short word (empty R1) ending in a short syllable gets its e back.
        if count == r1 && endsInShortSyllable(units, at: count) { units.append(e) }
    }

    /// A final y or Y after a consonant that is not the first letter becomes i: cry → cri, by stays.
    private static func step1c(_ units: inout [UInt16]) {
        let count = units.count
        if count >= 3 && (units[count - 1] == y || units[count - 1] == upperY) && !isVowel(units[count - 2]) {
            units[count - 1] = i
        }
    }

    /// What steps 2–4 do with the ending they found.
    private struct Rule: Sendable {
        var replacement: String
        /// When set, the rule fires only if the letter before the ending is one of these.
        var after: [UInt16]?
        /// Step 3's -ative must lie in R2, not just R1.
        var inR2 = false

        static func to(_ replacement: String, after letters: String? = nil) -> Rule {
            Rule(replacement: replacement, after: letters.map { Array($0.utf16) })
        }
        static let delete = Rule.to("")
    }

    /// Steps 2–4: the longest listed ending is found in the whole word and then has to start
    /// in `region`; Snowball does not fall back to a shorter ending when it does not.
    private static func apply(_ table: SuffixTable<Rule>, to units: inout [UInt16], from region: Int, r2: Int) {
        guard let match = table.longestMatch(in: units, end: units.count, limit: 0), match.start >= region else {
            return
        }
        let rule = match.action
        if let letters = rule.after {
            guard match.start > 0, letters.contains(units[match.start - 1]) else { return }
        }
        guard !rule.inR2 || match.start >= r2 else { return }
        replace(&units, from: match.start, with: rule.replacement)
    }

    /// A final e goes in R2, or in R1 unless a short syllable precedes it; a final ll loses an l in R2.
    private static func step5(_ units: inout [UInt16], r1: Int, r2: Int) {
        let start = units.count - 1
        guard start >= 0 else { return }
        if units[start] == e {
            if start >= r2 || (start >= r1 && !endsInShortSyllable(units, at: start)) { units.removeLast() }
        } else if units[start] == l {
            if start >= r2 && start > 0 && units[start - 1] == l { units.removeLast() }
        }
    }

    // MARK: - Helpers

    /// Porter2's short syllable ending at `end`: consonant, vowel, consonant other than w, x, Y
    /// (hop, but not hew); a vowel and consonant at the very start (ab); or "past" (pasted → paste).
    private static func endsInShortSyllable(_ units: [UInt16], at end: Int) -> Bool {
        if end >= 3 && !isVowel(units[end - 1]) && units[end - 1] != w && units[end - 1] != x
            && units[end - 1] != upperY && isVowel(units[end - 2]) && !isVowel(units[end - 3]) {
            return true
        }
        if end == 2 && isVowel(units[0]) && !isVowel(units[1]) { return true }
        return end >= 4 && units[(end - 4)..<end].elementsEqual(past)
    }

    private static func replace(_ units: inout [UInt16], from start: Int, with replacement: String) {
        units.replaceSubrange(start..., with: replacement.utf16)
    }

    private static func isVowel(_ unit: UInt16) -> Bool {
        switch unit {
        case a, e, i, o, u, y: return true
        default: return false
        }
    }

    // MARK: - Tables

    /// Whole words with a fixed stem, looked up before anything else. A switch rather than a
    /// dictionary: these are small strings, which compare without hashing.
    private static func exception(_ word: String) -> String? {
        switch word {
        case "skis": "ski"
        case "skies": "sky"
        case "idly": "idl"
        case "gently": "gentl"
        case "ugly": "ugli"
        case "early": "earli"
        case "only": "onli"
        case "singly": "singl"
        // Invariant: not plurals or -ly forms.
        case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes": word
        default: nil
        }
    }

    private static let r1Prefixes: [[UInt16]] = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"]
        .map { Array($0.utf16) }

    private static let possessives = SuffixTable<Rule>([.delete: ["'", "'s", "'s'"]])

    private static let step1aEndings = SuffixTable<Step1a>([
        .sses: ["sses"],
        .ies: ["ied", "ies"],
        .s: ["s"],
        .keep: ["us", "ss"],
    ])

    private static let step1bEndings = SuffixTable<Step1b>([
        .eed: ["eed", "eedly"],
        .ed: ["ed", "edly", "ingly"],
        .ing: ["ing"],
    ])
    private static let eedStems: [[UInt16]] = ["proc", "exc", "succ"].map { Array($0.utf16) }
    private static let ingStems: [[UInt16]] = ["inn", "out", "cann", "herr", "earr", "even"].map { Array($0.utf16) }
    /// Doubles that step 1b undoes; cc, hh, jj, kk, qq, vv, ww, xx stay.
    private static let undoubled = Array("bdfgmnprt".utf16)

    private static let step2 = SuffixTable<Rule>([
        .to("tion"): ["tional"],
        .to("ence"): ["enci"],
        .to("ance"): ["anci"],
        .to("able"): ["abli"],
        .to("ent"): ["entli"],
        .to("ize"): ["izer", "ization"],
        .to("ate"): ["ational", "ation", "ator"],
        .to("al"): ["alism", "aliti", "alli"],
        .to("ful"): ["fulness", "fulli"],
        .to("ous"): ["ousli", "ousness"],
        .to("ive"): ["iveness", "iviti"],
        .to("ble"): ["biliti", "bli"],
        .to("og"): ["ogist"],
        .to("og", after: "l"): ["ogi"],
        .to("less"): ["lessli"],
        .to("", after: "cdeghkmnrt"): ["li"],
    ])

    private static let step3 = SuffixTable<Rule>([
        .to("tion"): ["tional"],
        .to("ate"): ["ational"],
        .to("al"): ["alize"],
        .to("ic"): ["icate", "iciti", "ical"],
        .delete: ["ful", "ness"],
        Rule(replacement: "", inR2: true): ["ative"],
    ])

    private static let step4 = SuffixTable<Rule>([
        .delete: ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
                  "iti", "ous", "ive", "ize"],
        .to("", after: "st"): ["ion"],
    ])

    // The letters the code tests one by one, as UTF-16 units.
    private static let apostrophe: UInt16 = 0x27  // '
    private static let a: UInt16 = 0x61  // a
    private static let b: UInt16 = 0x62  // b
    private static let e: UInt16 = 0x65  // e
    private static let i: UInt16 = 0x69  // i
    private static let l: UInt16 = 0x6C  // l
    private static let o: UInt16 = 0x6F  // o
    private static let t: UInt16 = 0x74  // t
    private static let u: UInt16 = 0x75  // u
    private static let w: UInt16 = 0x77  // w
    private static let x: UInt16 = 0x78  // x
    private static let y: UInt16 = 0x79  // y
    private static let z: UInt16 = 0x7A  // z
    private static let upperY: UInt16 = 0x59  // Y
    private static let past = Array("past".utf16)
}
