/// Cuts text into folded words. A word is a run of letters and digits; a hyphen or underscore
/// between two of them joins the *parts* of a compound (`веб-сокет`, `user_id`, `covid-19`), an
/// apostrophe between letters is dropped (`don't` → `dont`), and `.` or `,` between digits stays in
/// a number (`3,5` → `3.5`). The browser's normalize.js tokenizes by the same rules.
///
/// Speed matters here more than anywhere in indexing (a 10,000-page site is ~90 MB of text), so
/// the scanner works on UTF-8 bytes: ASCII and basic Cyrillic are classified and folded with byte
/// arithmetic, and a word that is already folded (lower case, no ё, plain joiners — most words)
/// is handed out as a slice of the text itself, without copying.
struct Tokenizer {
    /// Folded bytes of a word that differs from its source text.
    private var folded: [UInt8] = []

    init() { folded.reserveCapacity(64) }

    static let partSeparator = UInt8(ascii: "-")

    private static let asciiClass: [TextNormalizer.CharClass] = (0..<128).map {
        TextNormalizer.classify(Unicode.Scalar(UInt8($0)))
    }

    /// Calls `visit` with each word's folded UTF-8 bytes, compound parts separated by `-`.
    mutating func forEachWord(in text: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var composed = TextNormalizer.composed(text)
        composed.withUTF8 { scan($0, visit) }
    }

    private mutating func scan(_ utf8: UnsafeBufferPointer<UInt8>, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
        typealias Class = TextNormalizer.CharClass
        let n = utf8.count
        // The current word is utf8[start..<end] while `direct`, else `folded`.
        var start = -1, end = 0, direct = true
        var pending: Class? = nil, pendingByte: UInt8 = 0, pendingAt = 0
        var lastDigit = false, lastLetter = false

        func emit() {
            if start >= 0 {
                if direct { visit(UnsafeBufferPointer(rebasing: utf8[start..<end])) }
                else { folded.withUnsafeBufferPointer { visit($0) } }
            }
            start = -1
            direct = true
            folded.removeAll(keepingCapacity: true)
            pending = nil
            lastDigit = false
            lastLetter = false
        }
        /// Leaves the zero-copy path: what the word has so far goes to `folded`.
        func copyOut() {
            if direct && start >= 0 { folded.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end])) }
            direct = false
        }
        /// A letter or digit of `length` bytes at `i`; `same` when it folds to its own bytes.
        func wordCharacter(_ c: Class, at i: Int, length: Int, same: Bool) -> Bool {
            if let joiner = pending {
                pending = nil
                switch joiner {
                // An ASCII `-` or `.` right after the word is already what the folded word holds.
                case .connector:
                    if direct && pendingByte == Self.partSeparator && pendingAt == end { end += 1 }
                    else { copyOut(); folded.append(Self.partSeparator) }
                case .numberJoiner where lastDigit && c == .digit:
                    if direct && pendingByte == UInt8(ascii: ".") && pendingAt == end { end += 1 }
                    else { copyOut(); folded.append(UInt8(ascii: ".")) }
                case .apostrophe where lastLetter && c == .letter:
                    copyOut()
                default:
                    emit()
                }
            }
            lastDigit = c == .digit
            lastLetter = c == .letter
            if start < 0 {
                start = i
                end = i
                direct = true
            } else if direct && end != i {
                copyOut() // something dropped (an ignorable) lies between
            }
            if !same { copyOut() }
            end = i + length
            return direct
        }
        func other(_ c: Class, byte: UInt8, at i: Int) {
            switch c {
            case .ignorable: break
            case .connector, .apostrophe, .numberJoiner:
                if start >= 0 && pending == nil {
                    pending = c
                    pendingByte = byte
                    pendingAt = i
                } else {
                    emit()
                }
            default: emit()
            }
        }

        let asciiClass = Self.asciiClass
        var i = 0
        while i < n {
            let b0 = utf8[i]
            // The common case, inline: a lower-case letter continuing a word that is still a slice.
            if direct && pending == nil && start >= 0 && end == i {
                if (b0 >= 0x61 && b0 <= 0x7A) {
                    end = i + 1
                    lastLetter = true
                    lastDigit = false
                    i += 1
                    continue
                }
                if i + 1 < n && ((b0 == 0xD0 && utf8[i + 1] >= 0xB0) || (b0 == 0xD1 && utf8[i + 1] >= 0x80 && utf8[i + 1] <= 0x8F)) {
                    end = i + 2
                    lastLetter = true
                    lastDigit = false
                    i += 2
                    continue
                }
            }
            if b0 < 0x80 {
                let c = asciiClass[Int(b0)]
                if c == .letter || c == .digit {
                    let upper = b0 >= 0x41 && b0 <= 0x5A
                    if !wordCharacter(c, at: i, length: 1, same: !upper) { folded.append(upper ? b0 + 0x20 : b0) }
                } else {
                    other(c, byte: b0, at: i)
                }
                i += 1
                continue
            }
            if (b0 == 0xD0 || b0 == 0xD1) && i + 1 < n {
                let v = (UInt32(b0 & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                if (v >= 0x410 && v <= 0x44F) || v == 0x401 || v == 0x451 {
                    let f = v <= 0x42F && v >= 0x410 ? v + 0x20 : (v == 0x401 || v == 0x451 ? 0x435 : v)
                    if !wordCharacter(.letter, at: i, length: 2, same: f == v) {
                        folded.append(UInt8(0xC0 | (f >> 6)))
                        folded.append(UInt8(0x80 | (f & 0x3F)))
                    }
                    i += 2
                    continue
                }
            }
            let (scalar, length) = Self.decode(utf8, at: i)
            let c = TextNormalizer.classify(scalar)
            if c == .letter || c == .digit {
                if !wordCharacter(c, at: i, length: length, same: false) { TextNormalizer.appendFolded(scalar, to: &folded) }
            } else {
                other(c, byte: 0, at: i)
            }
            i += length
        }
        emit()
    }

    /// One scalar of valid UTF-8 (a Swift string's bytes always are).
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(utf8[i])
        let value: UInt32, length: Int
        if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
            length = 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            length = 3
        } else {
            value = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Every word of a text as a string (`веб-сокет` for a compound): for tests, settings and queries.
    static func words(_ text: String) -> [String] {
        var tokenizer = Tokenizer()
        var out: [String] = []
        tokenizer.forEachWord(in: text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }
}
