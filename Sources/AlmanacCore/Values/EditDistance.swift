/// For «did you mean …» hints on broken links.
package enum EditDistance {
    package static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    package static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = levenshtein(word, c)
            if d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        // Judge closeness by the last path component: a shared folder prefix says nothing about a typo.
        let name = word.split(separator: "/").last.map(String.init) ?? word
        guard let best, best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }
}
