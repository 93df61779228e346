/// The grammatical categories the sentence composer agrees words on.
enum GrammaticalCase: Int, Sendable, CaseIterable {
    case nominative, genitive, dative, accusative, instrumental, prepositional
}

enum Gender: Int, Sendable { case masculine, feminine, neuter }

/// Gender in the singular, or plural; adjectives and past-tense verbs agree on it.
enum Agreement: Int, Sendable {
    case masculine, feminine, neuter, plural

    init(gender: Gender, plural: Bool) {
        self = plural ? .plural : Agreement(rawValue: gender.rawValue)!
    }
}

/// What role a noun can play in a sentence; one noun may have several.
struct NounKind: OptionSet, Sendable {
    let rawValue: UInt8
    /// People and organisations: they answer, publish, apologise.
    static let agent = NounKind(rawValue: 1)
    /// Platforms and places where things are said: «в Telegram», «на площадке».
    static let channel = NounKind(rawValue: 2)
    /// Things that happen: a complaint, an outage, a reply.
    static let event = NounKind(rawValue: 4)
    /// Texts and artefacts: a template, a checklist, a report.
    static let document = NounKind(rawValue: 8)
    static let time = NounKind(rawValue: 16)
    static let metric = NounKind(rawValue: 32)
    /// Qualities and ideas: trust, transparency, reputation.
    static let abstract = NounKind(rawValue: 64)
}

/// What follows a verb: «отвечать на жалобы», «сообщать о сбое», «справляться с негативом».
enum VerbFrame: Sendable {
    case none
    case accusative
    case dative
    case instrumental
    case genitive
    case preposition([UInt8], GrammaticalCase)
}

/// Who can be the subject: a person or organisation («компания отвечает») or a thing («негатив распространяется»).
enum SubjectKind: Sendable { case agent, thing }
