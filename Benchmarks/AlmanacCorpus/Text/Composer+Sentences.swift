/// Sentence patterns of a practical knowledge base: statements, conditions, advice,
/// definitions, numbers, questions. Each writes one sentence with its final punctuation.
extension Composer {
    mutating func sentence() {
        out.startSentence()
        switch rng.below(100) {
        case 0..<22: statement(opener: rng.chance(25))
        case 22..<35:
            statement(opener: false, end: false)
            out.close(",")
            if rng.chance(12) {
                out.word("чтобы")
                infinitivePhrase()
            } else {
                out.word(rng.pick(Composer.subordinators))
                clause()
            }
            out.close(".")
        case 35..<45:
            out.word(rng.chance(60) ? "если" : "когда")
            clause()
            out.close(",")
            clause()
            out.close(".")
        case 45..<59: advice()
        case 59..<65: definition()
        case 65..<73:
            statement(opener: false, end: false)
            out.close(",")
            out.word(rng.chance(50) ? "а" : "но")
            clause()
            out.close(".")
        case 73..<78: gerundSentence()
        case 78..<84: numbers()
        case 84..<92: instruction()
        case 92..<95: question()
        default:
            out.word(rng.pick(PhraseBank.openers))
            clause()
            out.close(".")
        }
    }

    static let subordinators: [StaticString] = [
        "потому что", "так как", "хотя", "пока", "поэтому", "ведь", "даже если", "и поэтому", "причём",
    ]

    /// A clause with its own subject; about a fifth of them are about things rather than people.
    mutating func clause() {
        if rng.chance(20) {
            let s = subject(thing: true)
            predicate(s, verb: lexicon.thingVerb(&rng))
        } else {
            let s = subject(thing: false)
            predicate(s, verb: lexicon.agentVerb(&rng))
        }
    }

    mutating func statement(opener: Bool, end: Bool = true) {
        if opener { out.word(rng.pick(PhraseBank.openers)) }
        clause()
        if end { out.close(rng.chance(3) ? "!" : ".") }
    }

    /// «Важно ответить на жалобу в первый час, чтобы сохранить доверие клиентов.»
    mutating func advice() {
        out.word(rng.pick(PhraseBank.modals))
        infinitivePhrase()
        if rng.chance(30) {
            out.close(",")
            out.word("чтобы")
            infinitivePhrase()
        }
        out.close(".")
    }

    mutating func infinitivePhrase() {
        if rng.chance(15) { out.word(rng.pick(PhraseBank.adverbs)) }
        let verb = lexicon.agentVerb(&rng)
        out.word(verb.infinitive)
        complement(verb.frame)
        if rng.chance(35) { adverbial() }
    }

    /// «Эскалация — это передача жалобы специалисту, который отвечает за решение.»
    mutating func definition() {
        nounPhrase(.nominative, plural: false, depth: 1)
        out.word("—")
        out.word("это")
        let phrase = nounPhrase(.nominative)
        if rng.chance(60) {
            out.close(",")
            let relative: StaticString
            switch phrase.agreement {
            case .masculine: relative = "который"
            case .feminine: relative = "которая"
            case .neuter: relative = "которое"
            case .plural: relative = "которые"
            }
            out.word(relative)
            let verb = phrase.isAgent ? lexicon.agentVerb(&rng) : lexicon.thingVerb(&rng)
            predicate(Subject(agreement: phrase.agreement, person: .third), verb: verb)
        }
        out.close(".")
    }

    /// «Ответив на жалобу, специалист фиксирует её в CRM.»
    mutating func gerundSentence() {
        var verb = lexicon.agentVerb(&rng)
        var tries = 0
        while verb.gerund == nil && tries < 5 {
            verb = lexicon.agentVerb(&rng)
            tries += 1
        }
        guard let gerund = verb.gerund else { return statement(opener: false) }
        out.word(gerund)
        complement(verb.frame)
        out.close(",")
        let s = subject(thing: false)
        predicate(s, verb: lexicon.agentVerb(&rng))
        out.close(".")
    }

    /// Years, shares and spans: «В 2023 году около 40 % клиентов оставляли отзывы в Telegram.»
    mutating func numbers() {
        switch rng.below(3) {
        case 0:
            out.word("в")
            out.number(2015 + rng.below(12))
            out.word("году")
            clause()
        case 1:
            out.word(rng.pick(["около", "более", "менее", "почти", "до"] as [StaticString]))
            out.number(rng.inRange(2...95))
            out.word("%")
            let noun = lexicon.noun(.agent, &rng)
            out.word(noun.form(.genitive, plural: !noun.singularOnly))
            predicate(Subject(agreement: .plural, person: .third), verb: lexicon.agentVerb(&rng))
        default:
            timeSpan()
            clause()
        }
        out.close(".")
    }

    /// «Проверьте факты до публикации, чтобы не пришлось публиковать опровержение.»
    mutating func instruction() {
        let verb = lexicon.imperativeVerb(&rng)
        if rng.chance(15) { out.word(rng.pick(PhraseBank.adverbs)) }
        out.word(verb.imperative!)
        complement(verb.frame)
        if rng.chance(40) { adverbial() }
        if rng.chance(25) {
            out.close(",")
            out.word("чтобы")
            infinitivePhrase()
        }
        out.close(".")
    }

    mutating func question() {
        out.word(rng.pick(["почему", "как", "когда", "зачем", "как часто", "где"] as [StaticString]))
        clause()
        out.close("?")
    }

    /// A sentence built around a code span: a placeholder, a field, a tag in the CRM.
    mutating func codeSentence() {
        out.startSentence()
        let code = rng.pick(PhraseBank.codeSpans)
        switch rng.below(4) {
        case 0:
            out.word("в поле")
            codeSpan(code)
            out.word("укажите")
            nounPhrase(.accusative, kind: rng.chance(50) ? .event : .document)
        case 1:
            out.word("метка")
            codeSpan(code)
            out.word(rng.chance(50) ? "помогает" : "позволяет")
            let verb = lexicon.agentVerb(&rng)
            out.word(verb.infinitive)
            complement(verb.frame)
        case 2:
            nounPhrase(.nominative, kind: .document, plural: false, depth: 1)
            out.word("с")
            out.word("параметром")
            codeSpan(code)
            out.word(rng.chance(50) ? "подставляется автоматически" : "нужно проверить вручную")
        default:
            out.word("если")
            clause()
            out.close(",")
            out.word("поставьте")
            codeSpan(code)
        }
        out.close(".")
    }

    mutating func codeSpan(_ code: StaticString) {
        out.open("`")
        out.raw(code)
        out.close("`")
    }

    /// A paragraph of `count` sentences, one of them possibly around a code span.
    mutating func paragraph(sentences count: Int, code: Bool) {
        let codeAt = code ? rng.below(count) : -1
        for i in 0..<count {
            if i == codeAt { codeSentence() } else { sentence() }
        }
    }
}
