import AlmanacContent
import AlmanacCore
/// Turns a folded word into the terms the index stores: stop words and single letters drop out,
/// Cyrillic words are stemmed as Russian and Latin ones as English, numbers and mixed words stay
/// as they are. A compound yields its parts and the parts written together, so `веб-сокет`,
/// `вебсокет` and `веб сокет` find one another. normalize.js implements the same rules.
package struct TermAnalyzer: Sendable {
    package let stopwords: Set<String>
    package let russian: Bool
    package let english: Bool

    /// Longer "words" are hashes, base64 or URLs run together: nobody searches for them.
    package static let maxWordLength = 40

    package init(languages: [String]) {
        stopwords = Set(Stopwords.list(languages: languages))
        russian = languages.contains("ru")
        english = languages.contains("en")
    }

    /// Terms of one word as the tokenizer gives it (compound parts separated by `-`).
    package func terms(ofWord word: String) -> [String] {
        let parts = word.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
        if parts.count <= 1 { return term(word).map { [$0] } ?? [] }
        var out: [String] = []
        for part in parts { if let t = term(part), !out.contains(t) { out.append(t) } }
        let joined = parts.joined()
        let allStop = parts.allSatisfy { stopwords.contains($0) }
        if !allStop, joined.unicodeScalars.contains(where: { Self.isLetter($0) }), let t = term(joined), !out.contains(t) {
            out.append(t)
        }
        return out
    }

    /// The term of a simple word, or nil when it is not indexed.
    package func term(_ word: String) -> String? {
        if stopwords.contains(word) { return nil }
        let scalars = word.unicodeScalars
        let count = scalars.count
        if count > Self.maxWordLength { return nil }
        if count == 1, let s = scalars.first, !Self.isDigit(s) { return nil }
        return stem(word)
    }

    package func stem(_ word: String) -> String {
        var cyrillic = true, latin = true
        for s in word.unicodeScalars {
            let v = s.value
            if !(0x430...0x4FF).contains(v) { cyrillic = false }
            if !(v >= 0x61 && v <= 0x7A) { latin = false }
            if !cyrillic && !latin { return word }
        }
        if cyrillic && russian { return RussianStemmer.stem(word) }
        if latin && english { return EnglishStemmer.stem(word) }
        return word
    }

    package static func isDigit(_ s: Unicode.Scalar) -> Bool { TextNormalizer.classify(s) == .digit }
    package static func isLetter(_ s: Unicode.Scalar) -> Bool { TextNormalizer.classify(s) == .letter }
}
