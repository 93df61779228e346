import AlmanacCore
/// A text in the form in which two texts count as the same: lower case, Markdown emphasis and
/// quotes at word edges dropped, one space between words. Folded on UTF-8 bytes: the lint reads
/// every paragraph of the site, and Character-level `lowercased()`/`split` spent most of a
/// 10,000-page build there. ASCII and Cyrillic take a direct path; any other letter goes through
/// Unicode's lower-case mapping, as `String.lowercased()` does.
package struct FoldedText {
    /// The folded text as UTF-8.
    package private(set) var bytes: [UInt8] = []
    package private(set) var wordCount = 0

    package init(_ text: String) {
        var text = text
        text.withUTF8 { fold($0) }
    }

    package var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Folds straight into `bytes`: a word is written where it will stay, and its edges are cut
    /// off there when it ends (a word of edges alone is taken back with its space).
    private mutating func fold(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.reserveCapacity(text.count)
        var wordStart: Int?
        var i = 0
        func startWord() {
            guard wordStart == nil else { return }
            if wordCount > 0 { bytes.append(0x20) }
            wordStart = bytes.count
        }
        while i < text.count {
            let b = text[i]
            if b < 0x80 {
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    endWord(&wordStart)
                } else {
                    startWord()
                    bytes.append(b &- 0x41 < 26 ? b + 0x20 : b)
                }
                i += 1
                continue
            }
            // Cyrillic U+0400…U+045F, two bytes: lower-cased on the bytes themselves.
            if b == 0xD0 || (b == 0xD1 && text[i + 1] < 0xA0) {
                let c = text[i + 1]
                startWord()
                switch (b, c) {
                case (0xD0, 0x90...0x9F): bytes.append(0xD0); bytes.append(c + 0x20)  // А…П → а…п
                case (0xD0, 0xA0...0xAF): bytes.append(0xD1); bytes.append(c - 0x20)  // Р…Я → р…я
                case (0xD0, 0x80...0x8F): bytes.append(0xD1); bytes.append(c + 0x10)  // Ѐ…Џ → ѐ…џ
                default: bytes.append(b); bytes.append(c)
                }
                i += 2
                continue
            }
            // Valid UTF-8 (it comes from a String): the lead byte tells the length.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(text[i + k] & 0x3F) }
            i += length
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if Self.isWhitespace(scalar) {
                endWord(&wordStart)
            } else {
                startWord()
                Self.appendLowercased(scalar, to: &bytes)
            }
        }
        endWord(&wordStart)
    }

    private mutating func endWord(_ wordStart: inout Int?) {
        guard let first = wordStart else { return }
        wordStart = nil
        var start = first, end = bytes.count
        while start < end, let n = Self.edgeLength(bytes, from: start, to: end, atStart: true) { start += n }
        while end > start, let n = Self.edgeLength(bytes, from: start, to: end, atStart: false) { end -= n }
        guard start < end else {
            // Only edges: nothing of it stays, nor the space written before it.
            bytes.removeSubrange((wordCount > 0 ? first - 1 : first)...)
            return
        }
        bytes.removeSubrange(end...)
        if start > first { bytes.removeSubrange(first..<start) }
        wordCount += 1
    }

    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        // Unicode's White_Space property outside ASCII: a short, stable list.
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The length of an edge character (`* _ \` ~ " ' ( ) [ ]`, `« »`, `„ “ ”`) at the start or the end of `word[from..<to]`.
    private static func edgeLength(_ word: [UInt8], from: Int, to: Int, atStart: Bool) -> Int? {
        func ascii(_ b: UInt8) -> Bool {
            switch b {
            case 0x2A, 0x5F, 0x60, 0x7E, 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D: return true
            default: return false
            }
        }
        let count = to - from
        if atStart {
            if ascii(word[from]) { return 1 }
            if count >= 2, word[from] == 0xC2, word[from + 1] == 0xAB || word[from + 1] == 0xBB { return 2 }
            if count >= 3, word[from] == 0xE2, word[from + 1] == 0x80, (0x9C...0x9E).contains(word[from + 2]) { return 3 }
        } else {
            if ascii(word[to - 1]) { return 1 }
            if count >= 2, word[to - 2] == 0xC2, word[to - 1] == 0xAB || word[to - 1] == 0xBB { return 2 }
            if count >= 3, word[to - 3] == 0xE2, word[to - 2] == 0x80, (0x9C...0x9E).contains(word[to - 1]) { return 3 }
        }
        return nil
    }

    /// Unicode lower case, with Cyrillic (the bundled site's and most writers' text) mapped directly.
    private static func appendLowercased(_ s: Unicode.Scalar, to word: inout [UInt8]) {
        let lower: Unicode.Scalar
        switch s.value {
        case 0x410...0x42F: lower = Unicode.Scalar(s.value + 0x20)!
        case 0x400...0x40F: lower = Unicode.Scalar(s.value + 0x50)!
        // Latin-1 punctuation, lower-case Cyrillic and the general punctuation block have no case.
        case 0x80..<0xC0, 0x430...0x45F, 0x2000...0x20FF: lower = s
        default:
            for scalar in s.properties.lowercaseMapping.unicodeScalars { word.append(contentsOf: UTF8.encode(scalar)!) }
            return
        }
        word.append(contentsOf: UTF8.encode(lower)!)
    }
}

/// Hashes the bytes in one call rather than element by element as `[UInt8]` does.
package struct FoldedKey: Hashable {
    package let bytes: [UInt8]

    package func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
