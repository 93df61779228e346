/// Russian paradigms built from a lemma and its class, with the spelling rules that make the
/// endings real: «ошибки» not «ошибкы», «задачей» not «задачой», «решат» not «решят».
enum Inflection {
    static let velars: Set<Character> = ["г", "к", "х"]
    static let sibilants: Set<Character> = ["ж", "ш", "щ", "ч"]
    static let vowels: Set<Character> = ["а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"]

    /// Stem + ending, respelled where Russian orthography demands it.
    static func join(_ stem: String, _ ending: String) -> String {
        guard let last = stem.last, let first = ending.first else { return stem + ending }
        var ending = ending
        if first == "ы", velars.contains(last) || sibilants.contains(last) {
            ending = "и" + ending.dropFirst()
        } else if first == "я", sibilants.contains(last) {
            ending = "а" + ending.dropFirst()
        } else if first == "ю", sibilants.contains(last) {
            ending = "у" + ending.dropFirst()
        } else if first == "о", sibilants.contains(last) || last == "ц", ending == "ой" || ending == "ом" || ending == "ов" {
            // Unstressed «о» after a hissing consonant or «ц» is written «е».
            ending = "е" + ending.dropFirst()
        }
        return stem + ending
    }

    // MARK: Nouns

    enum NounClass { case mHard, mSoft, mJ, mIj, fHard, fSoftYa, fIya, fSoftSign, nIe, nO }

    /// Endings in the order nom, gen, dat, acc, ins, prep; `nil` stands for the genitive plural given separately.
    private static func endings(_ c: NounClass) -> (sg: [String], pl: [String?]) {
        switch c {
        case .mHard: return (["", "а", "у", "", "ом", "е"], ["ы", "ов", "ам", "ы", "ами", "ах"])
        case .mSoft: return (["ь", "я", "ю", "ь", "ем", "е"], ["и", "ей", "ям", "и", "ями", "ях"])
        case .mJ: return (["й", "я", "ю", "й", "ем", "е"], ["и", "ев", "ям", "и", "ями", "ях"])
        case .mIj: return (["ий", "ия", "ию", "ий", "ием", "ии"], ["ии", "иев", "иям", "ии", "иями", "иях"])
        case .fHard: return (["а", "ы", "е", "у", "ой", "е"], ["ы", nil, "ам", "ы", "ами", "ах"])
        case .fSoftYa: return (["я", "и", "е", "ю", "ей", "е"], ["и", nil, "ям", "и", "ями", "ях"])
        case .fIya: return (["ия", "ии", "ии", "ию", "ией", "ии"], ["ии", "ий", "иям", "ии", "иями", "иях"])
        case .fSoftSign: return (["ь", "и", "и", "ь", "ью", "и"], ["и", "ей", "ям", "и", "ями", "ях"])
        case .nIe: return (["ие", "ия", "ию", "ие", "ием", "ии"], ["ия", "ий", "иям", "ия", "иями", "иях"])
        case .nO: return (["о", "а", "у", "о", "ом", "е"], ["а", nil, "ам", "а", "ами", "ах"])
        }
    }

    static func nounClass(lemma: String, feminineSoftSign: Bool) -> (NounClass, Gender, stem: String) {
        func cut(_ n: Int) -> String { String(lemma.dropLast(n)) }
        if lemma.hasSuffix("ия") { return (.fIya, .feminine, cut(2)) }
        if lemma.hasSuffix("ие") { return (.nIe, .neuter, cut(2)) }
        if lemma.hasSuffix("ий") { return (.mIj, .masculine, cut(2)) }
        if lemma.hasSuffix("й") { return (.mJ, .masculine, cut(1)) }
        if lemma.hasSuffix("ь") { return feminineSoftSign ? (.fSoftSign, .feminine, cut(1)) : (.mSoft, .masculine, cut(1)) }
        if lemma.hasSuffix("а") { return (.fHard, .feminine, cut(1)) }
        if lemma.hasSuffix("я") { return (.fSoftYa, .feminine, cut(1)) }
        if lemma.hasSuffix("о") { return (.nO, .neuter, cut(1)) }
        return (.mHard, .masculine, lemma)
    }

    /// Twelve forms: singular nom…prep, then plural nom…prep. Accusative follows animacy.
    static func nounForms(lemma: String, feminineSoftSign: Bool, animate: Bool,
                          obliqueStem: String?, genitivePlural: String?) -> (forms: [String], gender: Gender) {
        let (c, gender, lemmaStem) = nounClass(lemma: lemma, feminineSoftSign: feminineSoftSign)
        let stem = obliqueStem ?? lemmaStem
        let (sg, pl) = endings(c)
        var forms: [String] = []
        for (i, e) in sg.enumerated() {
            // The nominative (and inanimate accusative) keep the lemma: «рынок», not «рынк».
            if i == 0 || (i == 3 && (c == .mHard || c == .mSoft || c == .mJ || c == .mIj || c == .fSoftSign)) {
                forms.append(lemma)
            } else {
                forms.append(join(stem, e))
            }
        }
        let genPl: String
        if let genitivePlural { genPl = genitivePlural }
        else if c == .fSoftYa { genPl = stem + "ь" }
        else if c == .mHard, let last = stem.last, sibilants.contains(last) { genPl = stem + "ей" }
        else if let e = pl[1] { genPl = join(stem, e) }
        else { genPl = fleetingVowel(stem) }
        for (i, e) in pl.enumerated() {
            forms.append(i == 1 ? genPl : join(stem, e!))
        }
        if animate {
            if gender == .masculine { forms[3] = forms[1] }
            forms[9] = forms[7]
        }
        return (forms, gender)
    }

    /// «ошибка» → «ошибок», «утечка» → «утечек»: a bare stem in -Ck gains a vowel.
    private static func fleetingVowel(_ stem: String) -> String {
        let chars = Array(stem)
        guard chars.count >= 2, chars[chars.count - 1] == "к", !vowels.contains(chars[chars.count - 2]) else { return stem }
        let before = chars[chars.count - 2]
        let vowel = sibilants.contains(before) ? "е" : "о"
        return String(chars.dropLast()) + vowel + "к"
    }

    // MARK: Adjectives

    /// 24 forms: (masculine, feminine, neuter, plural) × six cases; accusatives are the inanimate ones.
    static func adjectiveForms(lemma: String) -> [String] {
        let stem = String(lemma.dropLast(2))
        let last = stem.last ?? " "
        // Stressed «-ой» keeps «о» even after a hissing consonant: «небольшого», but «хорошего».
        let soft = sibilants.contains(last) && !lemma.hasSuffix("ой")
        let i = velars.contains(last) || sibilants.contains(last) ? "и" : "ы"
        let o = soft ? "е" : "о"
        let masculineNominative = lemma.hasSuffix("ой") ? "ой" : i + "й"
        let m = [masculineNominative, o + "го", o + "му", masculineNominative, i + "м", o + "м"]
        let f = ["ая", o + "й", o + "й", "ую", o + "й", o + "й"]
        let n = [o + "е", o + "го", o + "му", o + "е", i + "м", o + "м"]
        let p = [i + "е", i + "х", i + "м", i + "е", i + "ми", i + "х"]
        return (m + f + n + p).map { stem + $0 }
    }

    // MARK: Verbs

    enum VerbClass { case firstAt, firstOvat, secondIt, secondEt }

    struct VerbForms {
        var infinitive, present3sg, present3pl, present1pl, present2pl: String
        /// Masculine, feminine, neuter, plural.
        var past: [String]
        var imperative: String?
        var gerund: String?
    }

    /// `imperativeEnding` is for second-conjugation verbs, whose imperative depends on stress («ответьте», «уточните»).
    static func verbForms(lemma: String, explicitClass: VerbClass?, perfective: Bool, imperativeEnding: String?) -> VerbForms {
        var base = lemma
        let reflexive = base.hasSuffix("ся") || base.hasSuffix("сь")
        if reflexive { base = String(base.dropLast(2)) }
        let c: VerbClass = explicitClass ?? (base.hasSuffix("овать") ? .firstOvat : base.hasSuffix("ить") ? .secondIt : .firstAt)
        var f: VerbForms
        switch c {
        case .firstAt:
            let s = String(base.dropLast(2))
            f = VerbForms(infinitive: base, present3sg: s + "ет", present3pl: s + "ют", present1pl: s + "ем", present2pl: s + "ете",
                          past: ["л", "ла", "ло", "ли"].map { s + $0 }, imperative: s + "йте", gerund: s + (perfective ? "в" : "я"))
        case .firstOvat:
            let r = String(base.dropLast(5))
            f = VerbForms(infinitive: base, present3sg: r + "ует", present3pl: r + "уют", present1pl: r + "уем", present2pl: r + "уете",
                          past: ["овал", "овала", "овало", "овали"].map { r + $0 }, imperative: r + "уйте",
                          gerund: r + (perfective ? "овав" : "уя"))
        case .secondIt, .secondEt:
            let r = String(base.dropLast(3))
            let pastVowel = c == .secondIt ? "и" : "е"
            f = VerbForms(infinitive: base, present3sg: r + "ит", present3pl: join(r, "ят"), present1pl: r + "им", present2pl: r + "ите",
                          past: ["л", "ла", "ло", "ли"].map { r + pastVowel + $0 },
                          imperative: imperativeEnding.map { r + $0 },
                          gerund: perfective ? r + pastVowel + "в" : join(r, "я"))
        }
        guard reflexive else { return f }
        func se(_ s: String) -> String { vowels.contains(s.last!) ? s + "сь" : s + "ся" }
        f.infinitive = se(f.infinitive)
        f.present3sg = se(f.present3sg)
        f.present3pl = se(f.present3pl)
        f.present1pl = se(f.present1pl)
        f.present2pl = se(f.present2pl)
        f.past = f.past.map(se)
        f.imperative = f.imperative.map(se)
        // «появившись», not «появивсь».
        f.gerund = f.gerund.map { perfective ? String($0.dropLast()) + "вшись" : se($0) }
        return f
    }
}
