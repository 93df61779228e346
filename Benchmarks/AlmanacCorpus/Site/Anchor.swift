/// Heading anchors as Almanac makes them: Cyrillic transliterated to Latin, lowercased, runs of
/// anything else collapsed to one `-`, trimmed, at most 80 characters. The corpus computes them
/// itself (it may not depend on Almanac) and a test checks it agrees with `Almanac.Slug`.
enum Anchor {
    private static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    /// Ids the theme uses on every page; a heading must not take them.
    static let reserved: Set<String> = ["main", "content", "search", "toc", "top", "sidebar", "nav", "footer", "header"]

    static func make(_ text: String, maxLength: Int = 80) -> String {
        var out = ""
        var pendingDash = false
        for ch in text.lowercased() {
            let piece: String
            if let t = table[ch] {
                piece = t
            } else if ch.isASCII, ch.isLetter || ch.isNumber {
                piece = String(ch)
            } else if ch == "'" || ch == "’" {
                continue
            } else {
                pendingDash = true
                continue
            }
            if piece.isEmpty { continue }
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out += piece
            if out.count >= maxLength { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
