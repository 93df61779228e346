/// Readable ASCII ids for headings and file names. Cyrillic is transliterated rather than kept:
/// a shared link like `#chto-delat` survives every messenger and e-mail client, while a
/// Cyrillic fragment turns into `%D0%A7%D1%82%D0%BE…` the moment it is copied.
public enum Slug {
    /// Transliteration of а…я (U+0430…U+044F), indexed by scalar value − 0x430.
    private static let cyrillic: [String] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    ]
    /// Ukrainian and Belarusian letters that turn up in names, and ё.
    private static let extra: [UInt32: String] = [0x451: "e", 0x456: "i", 0x457: "yi", 0x454: "ye", 0x491: "g", 0x45E: "u"]

    /// `Что делать, если «всё сломалось»?` → `chto-delat-esli-vse-slomalos`.
    /// `forAnchor`: a heading's id, made as GitHub and MkDocs make Latin ones: `_` is kept and
    /// accents are folded (`Café_Menu` → `cafe_menu`). Cyrillic is the same either way, so the
    /// anchors pages already link to do not move.
    public static func make(_ text: String, maxLength: Int = 80, forAnchor: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, maxLength + 8))
        var pendingDash = false
        for scalar in text.unicodeScalars {
            var v = scalar.value
            // Lower-case by hand: Cyrillic capitals sit at fixed offsets from their small letters.
            if (0x410...0x42F).contains(v) { v += 0x20 } else if (0x400...0x40F).contains(v) { v += 0x50 } else if v == 0x490 { v = 0x491 }
            if (0x41...0x5A).contains(v) { v += 0x20 }  // ASCII capitals
            let piece: Substring
            if (0x430...0x44F).contains(v) {
                piece = Substring(cyrillic[Int(v - 0x430)])
            } else if let t = extra[v] {
                piece = Substring(t)
            } else if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                piece = Substring(String(UnicodeScalar(UInt8(v))))
            } else if forAnchor && v == 0x5F {
                piece = "_"
            } else if forAnchor, (0xC0...0x24F).contains(v), let folded = latinFolded(v) {
                piece = Substring(folded)
            } else if v == 0x27 || v == 0x2019 {
                continue  // apostrophes join words: «don't» → dont
            } else {
                pendingDash = true
                continue
            }
            if piece.isEmpty { continue }
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out += piece
            if out.utf8.count >= maxLength { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// Letters that do not decompose into a base letter and an accent.
    private static let ligatures: [UInt32: String] = [
        0xDF: "ss", 0xE6: "ae", 0xC6: "ae", 0x153: "oe", 0x152: "oe", 0xF8: "o", 0xD8: "o", 0x111: "d", 0x110: "d",
        0x142: "l", 0x141: "l", 0xFE: "th", 0xDE: "th", 0xF0: "d", 0xD0: "d", 0x131: "i",
    ]

    /// `é` → `e`, `Ñ` → `n`: the base letter of a Latin letter with diacritics, lower-cased.
    private static func latinFolded(_ v: UInt32) -> String? {
        if let l = ligatures[v] { return l }
        guard let scalar = Unicode.Scalar(v),
              let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
              base.isASCII, base.properties.isAlphabetic else { return nil }
        return String(base).lowercased()
    }
}

/// Hands out unique ids within one page: the second «Пример» becomes `primer-2`.
package struct AnchorAllocator {
    private var used: Set<String>
    /// The next number to try per base: without it, the n-th heading of one name tried every
    /// suffix before it, and a page of 80,000 «## Раздел» headings took minutes (quadratic).
    private var nextSuffix: [String: Int] = [:]

    /// Ids the theme itself uses on every page; a heading must not steal them.
    package static let reserved: Set<String> = ["main", "content", "search", "toc", "top", "sidebar", "nav", "footer", "header"]

    package init() { used = Self.reserved }

    package mutating func allocate(for text: String) -> String {
        let slug = Slug.make(text, forAnchor: true)
        return allocate(base: slug.isEmpty ? "section" : slug)
    }

    /// The writer's own `{#id}`: taken as written, made unique like any other.
    package mutating func allocate(fixed id: String) -> String {
        allocate(base: id)
    }

    private mutating func allocate(base: String) -> String {
        var candidate = base
        var n = nextSuffix[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        if candidate != base { nextSuffix[base] = n }
        used.insert(candidate)
        return candidate
    }
}
