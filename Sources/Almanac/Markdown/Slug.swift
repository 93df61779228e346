/// Readable ASCII ids for headings and file names. Cyrillic is transliterated rather than kept:
/// a shared link like `#chto-delat` survives every messenger and e-mail client, while a
/// Cyrillic fragment turns into `%D0%A7%D1%82%D0%BE…` the moment it is copied.
public enum Slug {
    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        // Ukrainian and Belarusian letters that turn up in names.
        "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]

    /// `Что делать, если «всё сломалось»?` → `chto-delat-esli-vse-slomalos`.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        var out = ""
        var pendingDash = false
        for ch in text.lowercased() {
            let piece: String
            if let t = cyrillic[ch] {
                piece = t
            } else if ch.isASCII, ch.isLetter || ch.isNumber {
                piece = String(ch)
            } else if ch == "'" || ch == "’" {
                continue  // apostrophes join words: «don't» → dont
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

/// Hands out unique ids within one page: the second «Пример» becomes `primer-2`.
struct AnchorAllocator {
    private var used: Set<String>

    /// Ids the theme itself uses on every page; a heading must not steal them.
    static let reserved: Set<String> = ["main", "content", "search", "toc", "top", "sidebar", "nav", "footer", "header"]

    init() { used = Self.reserved }

    mutating func allocate(for text: String) -> String {
        let base = Slug.make(text).isEmpty ? "section" : Slug.make(text)
        var candidate = base
        var n = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
