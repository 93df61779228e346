import Synchronization

/// «Did you mean …» over every path of a site. Comparing a broken link with every path made a
/// build with thousands of broken links quadratic (3,000 pages with three problems each: 99 s
/// instead of 1.25 s); a trigram index picks a short list of likely candidates, so a broken
/// link costs about as much as its own length, whatever the size of the site.
package struct SuggestionIndex: Sendable {
    private let candidates: [String]
    /// Candidates by the trigrams of their text; trigrams shared by too many candidates (`.md`,
    /// a folder of a thousand pages) say nothing about which one was meant and are dropped.
    private let postings: [UInt64: [Int32]]

    /// Below this many candidates the exact comparison with all of them is cheaper than the index.
    package static let exhaustiveLimit = 64
    package static let commonTrigramLimit = 256
    package static let shortlist = 64

    package init(_ strings: some Sequence<String>) {
        let candidates = Array(Set(strings)).sorted()
        self.candidates = candidates
        guard candidates.count > Self.exhaustiveLimit else {
            postings = [:]
            return
        }
        var postings: [UInt64: [Int32]] = [:]
        for (i, candidate) in candidates.enumerated() {
            for trigram in Set(Self.trigrams(candidate)) {
                postings[trigram, default: []].append(Int32(i))
            }
        }
        self.postings = postings.filter { $0.value.count <= Self.commonTrigramLimit }
    }

    /// The candidate closest to `word` if it is close enough to be a plausible typo.
    package func suggestion(for word: String) -> String? {
        guard candidates.count > Self.exhaustiveLimit else {
            return EditDistance.suggestion(for: word, among: candidates)
        }
        var shared: [Int32: Int] = [:]
        for trigram in Set(Self.trigrams(word)) {
            for i in postings[trigram] ?? [] { shared[i, default: 0] += 1 }
        }
        // Most shared trigrams first; among equals, the length nearest the word's, since a typo
        // changes the length by a letter or two.
        let length = word.unicodeScalars.count
        let ranked = shared.map { (index: Int($0.key), score: $0.value,
                                   gap: abs(candidates[Int($0.key)].unicodeScalars.count - length)) }
            .sorted { ($0.score, -$0.gap, -$0.index) > ($1.score, -$1.gap, -$1.index) }
        return EditDistance.suggestion(for: word, among: ranked.prefix(Self.shortlist).map { candidates[$0.index] })
    }

    /// Overlapping triples of Unicode scalars, with the ends marked so that short names count.
    /// The file name's trigrams are told apart from the folders': «-13» in `section-13/` says
    /// nothing about `page-1306.md`.
    package static func trigrams(_ text: String) -> [UInt64] {
        let scalars = Array(text.unicodeScalars)
        let nameStart = (scalars.lastIndex(of: "/") ?? -1) + 1
        let padded = [0] + scalars.map { UInt64($0.value) } + [0]
        guard padded.count >= 3 else { return [] }
        return (0..<(padded.count - 2)).map { i in
            let inName: UInt64 = i >= nameStart ? 1 << 63 : 0
            return inName | padded[i] << 42 | padded[i + 1] << 21 | padded[i + 2]
        }
    }
}

/// A `SuggestionIndex` made on the first broken link: a build without any never pays for it.
package final class LazySuggestionIndex: Sendable {
    private let strings: @Sendable () -> [String]
    private let index = Mutex<SuggestionIndex?>(nil)

    package init(_ strings: @escaping @Sendable () -> [String]) {
        self.strings = strings
    }

    package func suggestion(for word: String) -> String? {
        let built = index.withLock { index in
            if let index { return index }
            let made = SuggestionIndex(strings())
            index = made
            return made
        }
        return built.suggestion(for: word)
    }
}
