/// A noun's twelve forms as UTF-8, with what the composer needs to agree with it.
struct Noun: Sendable {
    let forms: [[UInt8]]
    let gender: Gender
    let animate: Bool
    let singularOnly: Bool
    let kinds: NounKind
    /// «в», «на» or «по»: how to say «in/on/by» this channel.
    let locative: String

    func form(_ c: GrammaticalCase, plural: Bool) -> [UInt8] { forms[(plural ? 6 : 0) + c.rawValue] }
    var lemma: String { String(decoding: forms[0], as: UTF8.self) }
}

struct Adjective: Sendable {
    let forms: [[UInt8]]

    func form(_ agreement: Agreement, _ c: GrammaticalCase, animate: Bool) -> [UInt8] {
        // The animate accusative of masculine and plural is the genitive: «видит недовольных клиентов».
        let useGenitive = c == .accusative && animate && (agreement == .masculine || agreement == .plural)
        return forms[agreement.rawValue * 6 + (useGenitive ? GrammaticalCase.genitive : c).rawValue]
    }
}

struct Verb: Sendable {
    let infinitive, present3sg, present3pl, present1pl, present2pl: [UInt8]
    let past: [[UInt8]]
    let imperative: [UInt8]?
    let gerund: [UInt8]?
    let frame: VerbFrame
    let subject: SubjectKind
    let perfective: Bool
}

/// Every word form the corpus can use, as UTF-8 bytes, with Zipf tables per role.
/// Built once from the lists in this folder; immutable and shared by all page writers.
final class Lexicon: Sendable {
    let nouns: [Noun]
    /// Indices into `nouns` for each kind, in rank order, and their Zipf tables.
    let nounsByKind: [UInt8: (indices: [Int], table: WeightedTable)]
    let allNouns: WeightedTable
    let adjectives: [Adjective]
    let adjectiveTable: WeightedTable
    let agentVerbs: [Verb]
    let thingVerbs: [Verb]
    let agentVerbTable: WeightedTable
    let thingVerbTable: WeightedTable
    /// Verbs with an imperative, for instructions and numbered steps.
    let imperativeVerbs: [Verb]
    let imperativeTable: WeightedTable

    init() {
        let nouns = NounList.lines.map(Lexicon.parseNoun)
        self.nouns = nouns
        var byKind: [UInt8: (indices: [Int], table: WeightedTable)] = [:]
        for bit in 0..<7 {
            let kind = NounKind(rawValue: 1 << UInt8(bit))
            let indices = nouns.indices.filter { nouns[$0].kinds.contains(kind) }
            byKind[kind.rawValue] = (indices, WeightedTable.zipf(count: indices.count))
        }
        nounsByKind = byKind
        allNouns = WeightedTable.zipf(count: nouns.count)
        adjectives = AdjectiveList.lemmas.map { Adjective(forms: Inflection.adjectiveForms(lemma: $0).map { Array($0.utf8) }) }
        adjectiveTable = WeightedTable.zipf(count: adjectives.count)
        let verbs = VerbList.lines.map(Lexicon.parseVerb)
        let agentVerbs = verbs.filter { $0.subject == .agent }
        self.agentVerbs = agentVerbs
        thingVerbs = verbs.filter { $0.subject == .thing }
        agentVerbTable = WeightedTable.zipf(count: agentVerbs.count)
        thingVerbTable = WeightedTable.zipf(count: thingVerbs.count)
        imperativeVerbs = agentVerbs.filter { $0.imperative != nil }
        imperativeTable = WeightedTable.zipf(count: imperativeVerbs.count)
    }

    func noun(_ kind: NounKind, _ rng: inout SplitMix64) -> Noun {
        let entry = nounsByKind[kind.rawValue]!
        return nouns[entry.indices[entry.table.draw(&rng)]]
    }

    func anyNoun(_ rng: inout SplitMix64) -> Noun { nouns[allNouns.draw(&rng)] }
    func adjective(_ rng: inout SplitMix64) -> Adjective { adjectives[adjectiveTable.draw(&rng)] }
    func agentVerb(_ rng: inout SplitMix64) -> Verb { agentVerbs[agentVerbTable.draw(&rng)] }
    func thingVerb(_ rng: inout SplitMix64) -> Verb { thingVerbs[thingVerbTable.draw(&rng)] }
    func imperativeVerb(_ rng: inout SplitMix64) -> Verb { imperativeVerbs[imperativeTable.draw(&rng)] }

    /// Every distinct word form, for tests and for the curious.
    var distinctForms: Set<String> {
        var all = Set<String>()
        for n in nouns { for f in n.forms { all.insert(String(decoding: f, as: UTF8.self)) } }
        for a in adjectives { for f in a.forms { all.insert(String(decoding: f, as: UTF8.self)) } }
        for v in agentVerbs + thingVerbs {
            for f in [v.infinitive, v.present3sg, v.present3pl, v.present1pl, v.present2pl] + v.past
                + [v.imperative, v.gerund].compactMap({ $0 }) {
                all.insert(String(decoding: f, as: UTF8.self))
            }
        }
        return all
    }

    private static func parseNoun(_ line: String) -> Noun {
        let parts = line.split(separator: " ").map(String.init)
        var animate = false, feminine = false, singular = false
        var stem: String?, genPl: String?
        var locative = "в"
        var kinds: NounKind = []
        for token in parts.dropFirst() {
            if token == "a" { animate = true }
            else if token == "f" { feminine = true }
            else if token == "s" { singular = true }
            else if token.hasPrefix("st=") { stem = String(token.dropFirst(3)) }
            else if token.hasPrefix("gp=") { genPl = String(token.dropFirst(3)) }
            else if token.hasPrefix("@") { locative = String(token.dropFirst()) }
            else if token.hasPrefix(":") {
                for letter in token.dropFirst() {
                    switch letter {
                    case "A": kinds.insert(.agent)
                    case "C": kinds.insert(.channel)
                    case "E": kinds.insert(.event)
                    case "D": kinds.insert(.document)
                    case "T": kinds.insert(.time)
                    case "M": kinds.insert(.metric)
                    default: kinds.insert(.abstract)
                    }
                }
            }
        }
        let (forms, gender) = Inflection.nounForms(lemma: parts[0], feminineSoftSign: feminine, animate: animate,
                                                   obliqueStem: stem, genitivePlural: genPl)
        return Noun(forms: forms.map { Array($0.utf8) }, gender: gender, animate: animate, singularOnly: singular, kinds: kinds,
                    locative: locative)
    }

    private static func parseVerb(_ line: String) -> Verb {
        let parts = line.split(separator: " ").map(String.init)
        let flags = Set(parts.dropFirst(2))
        let perfective = flags.contains("p")
        let imperativeEnding = flags.contains("i1") ? "ите" : flags.contains("i2") ? "ьте" : nil
        let f = Inflection.verbForms(lemma: parts[0], explicitClass: flags.contains("e") ? .secondEt : nil,
                                     perfective: perfective, imperativeEnding: imperativeEnding)
        let frame: VerbFrame
        switch parts[1] {
        case "-": frame = .none
        case "acc": frame = .accusative
        case "dat": frame = .dative
        case "ins": frame = .instrumental
        case "gen": frame = .genitive
        default:
            let pieces = parts[1].split(separator: "+").map(String.init)
            let cases: [String: GrammaticalCase] = ["acc": .accusative, "dat": .dative, "ins": .instrumental,
                                                    "gen": .genitive, "prep": .prepositional]
            frame = .preposition(Array(pieces[0].utf8), cases[pieces[1]]!)
        }
        func b(_ s: String) -> [UInt8] { Array(s.utf8) }
        return Verb(infinitive: b(f.infinitive), present3sg: b(f.present3sg), present3pl: b(f.present3pl),
                    present1pl: b(f.present1pl), present2pl: b(f.present2pl), past: f.past.map(b),
                    imperative: f.imperative.map(b), gerund: f.gerund.map(b), frame: frame,
                    subject: flags.contains("T") ? .thing : .agent, perfective: perfective)
    }
}
