import AlmanacCore
/// Cuts text into folded words. A word is a run of letters and digits; a hyphen or underscore
/// between two of them joins the *parts* of a compound (`веб-сокет`, `user_id`, `covid-19`), an
/// apostrophe between letters is dropped (`don't` → `dont`), and `.` or `,` between digits stays in
/// a number (`3,5` → `3.5`). The browser's normalize.js tokenizes by the same rules.
///
/// Speed matters here more than anywhere in indexing (a 10,000-page site is ~90 MB of text), so
/// the scanner works on UTF-8 bytes: ASCII and basic Cyrillic are classified and folded with byte
/// arithmetic, and a word that is already folded (lower case, no ё, plain joiners — most words)
/// is handed out as a slice of the text itself, without copying.
/// Receives the words a `Tokenizer` finds. A protocol rather than a closure: the scanner is
/// specialised for each sink and its state stays in registers; with closures, Swift checked
/// exclusive access to the captured state dynamically on every word, which cost 10% of indexing.
package protocol WordSink {
    /// One word's folded UTF-8 bytes, compound parts separated by `-`; valid only during the call.
    mutating func word(_ bytes: UnsafeBufferPointer<UInt8>)
}

package struct Tokenizer {
    /// Folded bytes of a word that differs from its source text, reused from word to word.
    private var folded: [UInt8] = []

    package init() { folded.reserveCapacity(64) }

    package static let partSeparator = UInt8(ascii: "-")

    fileprivate static let asciiClass: [TextNormalizer.CharClass] = (0..<128).map {
        TextNormalizer.classify(Unicode.Scalar(UInt8($0)))
    }

    package mutating func forEachWord<S: WordSink>(in text: String, into sink: inout S) {
        var composed = TextNormalizer.composed(text)
        var scan = Scan<S>(folded: folded)
        folded = []
        composed.withUTF8 { scan.run($0, &sink) }
        folded = scan.folded
    }

    /// One scalar of valid UTF-8 (a Swift string's bytes always are).
    @inline(__always)
    package static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
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

    /// Every word of a text as a string (`веб-сокет` for a compound): for tests and settings.
    package static func words(_ text: String) -> [String] {
        struct Collect: WordSink {
            package var words: [String] = []
            package mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) { words.append(String(decoding: bytes, as: UTF8.self)) }
        }
        var tokenizer = Tokenizer()
        var collect = Collect()
        tokenizer.forEachWord(in: text, into: &collect)
        return collect.words
    }
}

/// One pass over a text's UTF-8 bytes: ASCII and basic Cyrillic are classified and folded with
/// byte arithmetic; anything else goes through `TextNormalizer`.
private struct Scan<S: WordSink> {
    typealias Class = TextNormalizer.CharClass
    var folded: [UInt8]
    /// The current word is utf8[start..<end] while `direct`, else `folded`.
    var start = -1, end = 0, direct = true
    var pending: Class? = nil, pendingByte: UInt8 = 0, pendingAt = 0
    var lastDigit = false, lastLetter = false

    init(folded: [UInt8]) {
        self.folded = folded
        self.folded.removeAll(keepingCapacity: true)
    }

    mutating func run(_ utf8: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        let n = utf8.count
        let asciiClass = Tokenizer.asciiClass
        var i = 0
        while i < n {
            let b0 = utf8[i]
            // The common case, inline: a lower-case letter continuing a word that is still a slice.
            if direct && pending == nil && start >= 0 && end == i {
                if b0 >= 0x61 && b0 <= 0x7A {
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
                    if !wordCharacter(c, at: i, length: 1, same: !upper, utf8, &sink) { folded.append(upper ? b0 + 0x20 : b0) }
                } else {
                    other(c, byte: b0, at: i, utf8, &sink)
                }
                i += 1
                continue
            }
            if (b0 == 0xD0 || b0 == 0xD1) && i + 1 < n {
                let v = (UInt32(b0 & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                if (v >= 0x410 && v <= 0x44F) || v == 0x401 || v == 0x451 {
                    let f = v <= 0x42F && v >= 0x410 ? v + 0x20 : (v == 0x401 || v == 0x451 ? 0x435 : v)
                    if !wordCharacter(.letter, at: i, length: 2, same: f == v, utf8, &sink) {
                        folded.append(UInt8(0xC0 | (f >> 6)))
                        folded.append(UInt8(0x80 | (f & 0x3F)))
                    }
                    i += 2
                    continue
                }
            }
            let (scalar, length) = Tokenizer.decode(utf8, at: i)
            let c = TextNormalizer.classify(scalar)
            if c == .letter || c == .digit {
                if !wordCharacter(c, at: i, length: length, same: false, utf8, &sink) {
                    TextNormalizer.appendFolded(scalar, to: &folded)
                }
            } else {
                other(c, byte: 0, at: i, utf8, &sink)
            }
            i += length
        }
        emit(utf8, &sink)
    }

    mutating func emit(_ utf8: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        if start >= 0 {
            if direct { sink.word(UnsafeBufferPointer(rebasing: utf8[start..<end])) }
            else { folded.withUnsafeBufferPointer { sink.word($0) } }
        }
        start = -1
        direct = true
        folded.removeAll(keepingCapacity: true)
        pending = nil
        lastDigit = false
        lastLetter = false
    }

    /// Leaves the zero-copy path: what the word has so far goes to `folded`.
    mutating func copyOut(_ utf8: UnsafeBufferPointer<UInt8>) {
        if direct && start >= 0 { folded.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end])) }
        direct = false
    }

    /// A letter or digit of `length` bytes at `i`; `same` when it folds to its own bytes.
    /// Returns whether the word is still a slice (else the caller appends the folded character).
    mutating func wordCharacter(_ c: Class, at i: Int, length: Int, same: Bool,
                                _ utf8: UnsafeBufferPointer<UInt8>, _ sink: inout S) -> Bool {
        if let joiner = pending {
            pending = nil
            switch joiner {
            // An ASCII `-` or `.` right after the word is already what the folded word holds.
            case .connector:
                if direct && pendingByte == Tokenizer.partSeparator && pendingAt == end { end += 1 }
                else { copyOut(utf8); folded.append(Tokenizer.partSeparator) }
            case .numberJoiner where lastDigit && c == .digit:
                if direct && pendingByte == UInt8(ascii: ".") && pendingAt == end { end += 1 }
                else { copyOut(utf8); folded.append(UInt8(ascii: ".")) }
            case .apostrophe where lastLetter && c == .letter:
                copyOut(utf8)
            default:
                emit(utf8, &sink)
            }
        }
        lastDigit = c == .digit
        lastLetter = c == .letter
        if start < 0 {
            start = i
            end = i
            direct = true
        } else if direct && end != i {
            copyOut(utf8) // something dropped (an ignorable) lies between
        }
        if !same { copyOut(utf8) }
        end = i + length
        return direct
    }

    mutating func other(_ c: Class, byte: UInt8, at i: Int, _ utf8: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        switch c {
        case .ignorable: break
        case .connector, .apostrophe, .numberJoiner:
            if start >= 0 && pending == nil {
                pending = c
                pendingByte = byte
                pendingAt = i
            } else {
                emit(utf8, &sink)
            }
        default: emit(utf8, &sink)
        }
    }
}
