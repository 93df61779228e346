/// Titles, headings, descriptions and list items: short, capitalised, no closing full stop.
extension Composer {
    /// Takes what was written since `start` out of the buffer, as a string.
    mutating func take(from start: Int) -> String {
        let text = String(decoding: out.bytes[start...], as: UTF8.self)
        out.bytes.removeSubrange(start...)
        out.suppressSpace()
        return text
    }

    /// A page title: «Как отвечать на негативные отзывы в Telegram», «Эскалация жалоб клиентов».
    mutating func title() -> String {
        let start = out.count
        let savedEmphasis = allowEmphasis
        allowEmphasis = false
        defer { allowEmphasis = savedEmphasis }
        out.startSentence()
        switch rng.below(8) {
        case 0, 1:
            nounPhrase(.nominative, kind: rng.chance(50) ? .event : .abstract, depth: 0)
        case 2:
            out.word("как")
            let verb = lexicon.agentVerb(&rng)
            out.word(verb.infinitive)
            complement(verb.frame)
        case 3:
            out.word("что делать, если")
            clause()
        case 4:
            nounPhrase(.nominative, kind: .abstract, plural: false, depth: 1)
            out.word("и")
            nounPhrase(.nominative, kind: .event, depth: 1)
        case 5:
            nounPhrase(.nominative, kind: rng.chance(50) ? .document : .event, depth: 1)
            out.close(":")
            nounPhrase(.nominative, kind: .abstract, depth: 1)
        case 6:
            out.word("почему")
            clause()
        default:
            nounPhrase(.nominative, kind: .event, depth: 1)
            rng.chance(50) ? platform() : place()
        }
        return take(from: start)
    }

    /// A heading inside a page, usually shorter than a title; sometimes a stock one («Чек-лист»).
    mutating func heading() -> String {
        let start = out.count
        let savedEmphasis = allowEmphasis
        allowEmphasis = false
        defer { allowEmphasis = savedEmphasis }
        out.startSentence()
        switch rng.below(10) {
        case 0, 1:
            out.word(rng.pick(PhraseBank.stockHeadings))
        case 2, 3:
            nounPhrase(.nominative, depth: 1)
            nounPhrase(.genitive, depth: 1)
        case 4:
            out.word("как")
            let verb = lexicon.agentVerb(&rng)
            out.word(verb.infinitive)
            complement(verb.frame)
        case 5:
            out.word(rng.pick(["шаг", "этап", "вариант", "пример", "сценарий"] as [StaticString]))
            out.number(rng.inRange(1...9))
            out.close(".")
            out.startSentence()
            nounPhrase(.nominative, depth: 1)
        case 6:
            out.word(rng.pick(["роль", "цена", "место", "границы", "значение"] as [StaticString]))
            nounPhrase(.genitive, kind: .abstract, plural: false, depth: 2)
        case 7:
            out.word("если")
            clause()
        default:
            nounPhrase(.nominative, depth: 1)
            out.word("и")
            nounPhrase(.nominative, depth: 1)
        }
        return take(from: start)
    }

    /// One sentence without markup, for front matter.
    mutating func plainSentence() -> String {
        let start = out.count
        let savedEmphasis = allowEmphasis
        allowEmphasis = false
        defer { allowEmphasis = savedEmphasis }
        out.startSentence()
        statement(opener: false)
        return take(from: start)
    }
}
