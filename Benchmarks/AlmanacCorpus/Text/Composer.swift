/// Writes grammatical Russian into a `TextBuffer`: noun phrases whose adjectives agree,
/// verbs that govern the right case, prepositions that become «об», «со», «во» where speech wants.
/// Sentence patterns live in `Composer+Sentences.swift`.
struct Composer {
    let lexicon: Lexicon
    var rng: SplitMix64
    /// Names for organisations; nil where none should appear (titles of the plan stay seed-stable).
    var names: NameForge?
    var out: TextBuffer
    /// Where the next noun phrase should link to (`../section-07/page-00123.md#anchor`); consumed once.
    var pendingLink: [UInt8]?
    var allowEmphasis = true
    private var insideSpan = false

    enum Person { case first, second, third }

    struct Subject {
        var agreement: Agreement
        var person: Person
    }

    /// What a written noun phrase agrees with, and whether it names someone who can act.
    struct Phrase {
        var agreement: Agreement
        var isAgent: Bool
    }

    init(lexicon: Lexicon, rng: SplitMix64, capacity: Int = 0) {
        self.lexicon = lexicon
        self.rng = rng
        self.out = TextBuffer(capacity: capacity)
    }

    // MARK: Noun phrases

    /// `depth` 0 may grow an adjective and a genitive or platform tail; deeper phrases stay short.
    @discardableResult
    mutating func nounPhrase(_ c: GrammaticalCase, kind: NounKind? = nil, plural: Bool? = nil,
                             preposition: String? = nil, depth: Int = 0) -> Phrase {
        let noun = kind.map { lexicon.noun($0, &rng) } ?? lexicon.anyNoun(&rng)
        let isPlural = noun.singularOnly ? false : (plural ?? rng.chance(35))
        let agreement = Agreement(gender: noun.gender, plural: isPlural)
        let adjective = rng.chance(depth == 0 ? 38 : 18)
            ? lexicon.adjective(&rng).form(agreement, c, animate: noun.animate) : nil
        let acronym: StaticString? = depth == 0 && !noun.kinds.isDisjoint(with: [.agent, .document]) && rng.chance(5)
            ? rng.pick(PhraseBank.acronyms) : nil
        let head = noun.form(c, plural: isPlural)
        var coordinated = false

        if let preposition {
            let first: [UInt8]
            if let adjective { first = adjective } else if acronym != nil { first = [0x41] } else { first = head }
            out.word(Composer.variant(of: preposition, before: first))
        }
        let link = insideSpan ? nil : pendingLink
        if link != nil { pendingLink = nil }
        let emphasis: StaticString? = link == nil && allowEmphasis && !insideSpan && rng.chance(3)
            ? (rng.chance(60) ? "**" : "*") : nil
        let opensSpan = link != nil || emphasis != nil
        if link != nil { out.open("[") } else if let emphasis { out.open(emphasis) }
        if opensSpan { insideSpan = true }

        if let adjective { out.word(adjective) }
        if let acronym {
            out.word(acronym)
            out.glue("-")
        }
        out.word(head)
        if let names, depth == 0, noun.kinds.contains(.agent), !noun.animate, !isPlural, rng.chance(12) {
            out.word("«")
            out.suppressSpace()
            out.word(names.draw(&rng))
            out.close("»")
        } else if depth == 0 {
            let r = rng.below(100)
            if r < 20 {
                nounPhrase(.genitive, kind: rng.chance(50) ? .agent : nil, depth: 1)
            } else if r < 24 {
                platform()
            } else if r < 32 {
                out.word("и")
                nounPhrase(c, kind: kind, depth: 1)
                coordinated = true
            }
        }

        if let link {
            out.close("](")
            out.raw(link)
            out.close(")")
        } else if let emphasis {
            out.close(emphasis)
        }
        if opensSpan { insideSpan = false }
        // «клиент и оператор» take a plural verb.
        return Phrase(agreement: coordinated ? .plural : agreement, isAgent: noun.kinds.contains(.agent))
    }

    /// «в Telegram», «во ВКонтакте».
    mutating func platform() {
        let p = PhraseBank.platforms[rng.below(PhraseBank.platforms.count)]
        out.word(p.preposition)
        out.word(p.name)
    }

    /// «в чате», «на сайте», «по телефону».
    mutating func place() {
        let noun = lexicon.noun(.channel, &rng)
        let plural = !noun.singularOnly && rng.chance(30)
        let c: GrammaticalCase = noun.locative == "по" ? .dative : .prepositional
        if rng.chance(30) {
            let agreement = Agreement(gender: noun.gender, plural: plural)
            let adjective = lexicon.adjective(&rng).form(agreement, c, animate: false)
            out.word(Composer.variant(of: noun.locative, before: adjective))
            out.word(adjective)
        } else {
            out.word(Composer.variant(of: noun.locative, before: noun.form(c, plural: plural)))
        }
        out.word(noun.form(c, plural: plural))
    }

    /// A kind for a direct object: mostly events and texts, sometimes ideas or people.
    mutating func objectKind() -> NounKind {
        switch rng.below(10) {
        case 0, 1, 2, 3: return .event
        case 4, 5: return .document
        case 6, 7: return .abstract
        case 8: return .metric
        default: return .agent
        }
    }

    /// «о» → «об ошибке», «с» → «со специалистом», «в» → «во время», «к» → «ко всем».
    static func variant(of preposition: String, before word: [UInt8]) -> String {
        let start = String(decoding: word.prefix(4), as: UTF8.self)
        guard let first = start.first else { return preposition }
        let second = start.dropFirst().first
        let secondIsConsonant = second.map { !Inflection.vowels.contains($0) && $0 != "ь" && $0 != "ъ" } ?? false
        switch preposition {
        case "о": return "аоуэи".contains(first) ? "об" : "о"
        case "с": return "сзшщж".contains(first) && secondIsConsonant ? "со" : "с"
        case "в": return "вф".contains(first) && secondIsConsonant ? "во" : "в"
        case "к": return start.hasPrefix("вс") || start.hasPrefix("мн") ? "ко" : "к"
        default: return preposition
        }
    }

    // MARK: Verbs

    /// Subject of a clause: a pronoun, someone who acts, or a thing that happens.
    mutating func subject(thing: Bool) -> Subject {
        if !thing {
            switch rng.below(100) {
            case 0..<6:
                out.word("мы")
                return Subject(agreement: .plural, person: .first)
            case 6..<9:
                out.word("вы")
                return Subject(agreement: .plural, person: .second)
            case 9..<12:
                out.word("они")
                return Subject(agreement: .plural, person: .third)
            default:
                return Subject(agreement: nounPhrase(.nominative, kind: .agent).agreement, person: .third)
            }
        }
        let kinds: [NounKind] = [.event, .event, .abstract, .metric, .document]
        return Subject(agreement: nounPhrase(.nominative, kind: rng.pick(kinds)).agreement, person: .third)
    }

    /// Verb in a tense that agrees with the subject, then what it governs, then sometimes where or when.
    mutating func predicate(_ s: Subject, verb: Verb) {
        if rng.chance(18) { out.word(rng.pick(PhraseBank.adverbs)) }
        if rng.chance(8) { out.word("не") }
        let r = rng.below(100)
        if r < 60 || (verb.perfective && r < 80) {
            out.word(presentForm(verb, s))
        } else if r < 82 {
            out.word(s.person == .third ? verb.past[s.agreement.rawValue] : verb.past[3])
        } else if r < 91 && !verb.perfective {
            out.word(Composer.personForm(s, "будет", "будут", "будем", "будете"))
            out.word(verb.infinitive)
        } else if r < 96 {
            out.word(Composer.personForm(s, "может", "могут", "можем", "можете"))
            out.word(verb.infinitive)
        } else {
            let should: StaticString
            switch s.agreement {
            case .masculine: should = "должен"
            case .feminine: should = "должна"
            case .neuter: should = "должно"
            case .plural: should = "должны"
            }
            out.word(should)
            out.word(verb.infinitive)
        }
        complement(verb.frame)
        if rng.chance(28) { adverbial() }
    }

    private func presentForm(_ verb: Verb, _ s: Subject) -> [UInt8] {
        switch s.person {
        case .first: return verb.present1pl
        case .second: return verb.present2pl
        case .third: return s.agreement == .plural ? verb.present3pl : verb.present3sg
        }
    }

    private static func personForm(_ s: Subject, _ third: StaticString, _ thirdPlural: StaticString,
                                   _ first: StaticString, _ second: StaticString) -> StaticString {
        switch s.person {
        case .first: return first
        case .second: return second
        case .third: return s.agreement == .plural ? thirdPlural : third
        }
    }

    mutating func complement(_ frame: VerbFrame) {
        switch frame {
        case .none: return
        case .accusative: nounPhrase(.accusative, kind: objectKind())
        case .dative: nounPhrase(.dative, kind: rng.chance(70) ? .agent : nil)
        case .instrumental: nounPhrase(.instrumental, kind: objectKind())
        case .genitive: nounPhrase(.genitive, kind: rng.chance(50) ? .abstract : .event)
        case .preposition(let p, let c):
            let preposition = String(decoding: p, as: UTF8.self)
            nounPhrase(c, kind: preposition == "к" ? .agent : objectKind(), preposition: preposition)
        }
    }

    /// Where, when or how: a set phrase, a place, a span of time, a purpose.
    mutating func adverbial() {
        switch rng.below(100) {
        case 0..<32: out.word(rng.pick(PhraseBank.adverbials))
        case 32..<47: platform()
        case 47..<67: place()
        case 67..<82: timeSpan()
        default:
            let prepositions: [String] = ["для", "без", "после", "с помощью", "в рамках", "до", "вместо", "ради"]
            nounPhrase(.genitive, kind: rng.chance(50) ? .event : nil, preposition: rng.pick(prepositions), depth: 1)
        }
    }

    /// «за 15 минут», «в течение суток», «каждые 2 часа».
    mutating func timeSpan() {
        let noun = lexicon.noun(.time, &rng)
        let counts = [1, 2, 3, 4, 5, 10, 12, 15, 20, 24, 30, 48, 72]
        switch rng.below(5) {
        case 0, 1, 2:
            out.word("за")
            let n = rng.pick(counts)
            out.number(n)
            out.word(countedForm(noun, n))
        case 3:
            out.word("в течение")
            out.word(noun.form(.genitive, plural: false))
        default:
            let first = rng.chance(50)
            if noun.gender == .feminine {
                out.word(first ? "в первую" : "в последнюю")
            } else {
                out.word(first ? "в первый" : "в последний")
            }
            out.word(noun.form(.accusative, plural: false))
        }
    }

    /// The noun after a number in the accusative: 1 час, 2 часа, 5 часов (and 21 час, 11 часов).
    func countedForm(_ noun: Noun, _ n: Int) -> [UInt8] {
        let lastTwo = n % 100, last = n % 10
        if last == 1 && lastTwo != 11 { return noun.form(.accusative, plural: false) }
        if (2...4).contains(last) && !(12...14).contains(lastTwo) { return noun.form(.genitive, plural: false) }
        return noun.form(.genitive, plural: true)
    }
}
