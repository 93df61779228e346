import Foundation
import Testing
@testable import Almanac

@Suite struct NormalizationTests {
    @Test func foldsCaseYoAccentsAndInvisibleCharacters() {
        #expect(TextNormalizer.fold("Ёлка ЁЖ") == "елка еж")
        #expect(TextNormalizer.fold("кри\u{301}зис") == "кризис", "a stress mark must not split or change the word")
        #expect(TextNormalizer.fold("кри\u{AD}зис") == "кризис", "soft hyphen")
        #expect(TextNormalizer.fold("И\u{306}ОД") == "йод", "decomposed й composes first and stays й")
        #expect(TextNormalizer.fold("Café NAÏVE Ångström") == "cafe naive angstrom")
        #expect(TextNormalizer.fold("ΟΔΟΣ") == "οδοσ", "final sigma folds like JavaScript's context rule")
    }

    @Test func splitsWordsAndKeepsCompoundsNumbersAndApostrophes() {
        #expect(Tokenizer.words("Кризис,коммуникации!Ответ") == ["кризис", "коммуникации", "ответ"])
        #expect(Tokenizer.words("веб-сокет и user_id, COVID-19") == ["веб-сокет", "и", "user-id", "covid-19"])
        #expect(Tokenizer.words("3,5 млн, 10 000, v2.0.1.") == ["3.5", "млн", "10", "000", "v2.0.1"])
        #expect(Tokenizer.words("don’t д’Артаньян 'кавычки'") == ["dont", "дартаньян", "кавычки"])
        #expect(Tokenizer.words("тире — не дефис -5 веб- сокет") == ["тире", "не", "дефис", "5", "веб", "сокет"])
    }

    @Test func analyserDropsStopwordsAndLettersAndStemsByScript() {
        let a = TermAnalyzer(languages: ["ru", "en"])
        #expect(a.terms(ofWord: "и").isEmpty)
        #expect(a.terms(ofWord: "the").isEmpty)
        #expect(a.terms(ofWord: "x").isEmpty)
        #expect(a.terms(ofWord: "5") == ["5"])
        #expect(a.terms(ofWord: "кризисных") == a.terms(ofWord: "кризисная"))
        #expect(a.terms(ofWord: "коммуникаций") == a.terms(ofWord: "коммуникация"))
        #expect(a.terms(ofWord: "running") == ["run"])
        #expect(a.terms(ofWord: "smm2024") == ["smm2024"], "mixed words are not stemmed")
    }

    @Test func compoundsIndexTheirPartsAndTheWholeButNotStopwordParts() {
        let a = TermAnalyzer(languages: ["ru", "en"])
        let compound = a.terms(ofWord: "веб-сокетов")
        #expect(compound.contains(a.term("веб")!) && compound.contains(a.term("сокетов")!))
        #expect(compound.contains(a.term("вебсокетов")!), "written together, it must find the hyphenated form")
        #expect(a.terms(ofWord: "кто-то").isEmpty, "a compound of stop words is a stop word")
        #expect(a.terms(ofWord: "по-русски") == [a.term("русски")!, a.term("порусски")!])
    }

    @Test func withoutEnglishLatinWordsStayWhole() {
        #expect(TermAnalyzer(languages: ["ru"]).terms(ofWord: "running") == ["running"])
    }

    @Test func codePageRoundTripsAnyTextAndHalvesCyrillic() {
        let text = "Кризис — «ЧП» №5… ёЁ café 😀 \u{A0}end"
        #expect(CodePage.decode(CodePage.encode(text)) == text)
        #expect(CodePage.encode("кризисная коммуникация").count == "кризисная коммуникация".count)
    }
}
