import Foundation
import AlmanacCore

/// The folding rules shared by the indexer and the browser runtime (templates/assets/search/normalize.js
/// implements the same rules; Tests/AlmanacTests/Fixtures/search/words.* checks that both agree).
///
/// A text is first composed (NFC), then every character is folded on its own:
/// - lower case (Unicode default mapping);
/// - Cyrillic: ё and ѐ become е, ѝ becomes и (readers rarely type ё), other accents are kept;
/// - any other script: decomposed, its combining marks dropped (café → cafe), final sigma → σ;
/// - combining marks and format characters (soft hyphen, zero-width joiners) vanish without
///   breaking the word, so «кри&shy;зис» and a stress mark «кри́зис» still read as «кризис».
package enum TextNormalizer {
    package enum CharClass: Equatable {
        case letter, digit
        /// Joins the parts of a compound: `веб-сокет`, `user_id`.
        case connector
        /// Part of a word when between letters: `don't`, `д’Артаньян`.
        case apostrophe
        /// Part of a number when between digits: `3.5`, `3,5`.
        case numberJoiner
        /// Dropped inside a word (marks, format characters).
        case ignorable
        case separator
    }

    package static func classify(_ s: Unicode.Scalar) -> CharClass {
        let v = s.value
        // Latin-1, Latin Extended and general punctuation («», —, …) fill Russian text: a table,
        // not a Unicode property look-up per character.
        if v < 0x250 { return latinClasses[Int(v)] }
        if v >= 0x2000 && v < 0x2070 { return punctuationClasses[Int(v - 0x2000)] }
        return lookUp(s)
    }

    private static let latinClasses: [CharClass] = (0..<0x250).map { lookUp(Unicode.Scalar(UInt32($0))!) }
    private static let punctuationClasses: [CharClass] = (0x2000..<0x2070).map { lookUp(Unicode.Scalar(UInt32($0))!) }

    private static func lookUp(_ s: Unicode.Scalar) -> CharClass {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x61...0x7A, 0x41...0x5A: return .letter
            case 0x30...0x39: return .digit
            case 0x2D, 0x5F: return .connector
            case 0x27: return .apostrophe
            case 0x2E, 0x2C: return .numberJoiner
            default: return .separator
            }
        }
        if (0x410...0x44F).contains(v) || v == 0x401 || v == 0x451 { return .letter }
        switch v {
        case 0x2010, 0x2011: return .connector
        case 0x2019, 0x02BC: return .apostrophe
        default: break
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return .ignorable
        default: return .separator
        }
    }

    /// Appends the folded form of a letter or digit as UTF-8.
    @inline(__always)
    package static func appendFolded(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v))
            return
        }
        if v >= 0x400 && v <= 0x4FF {
            appendUTF8(foldCyrillic(v), to: &out)
            return
        }
        for folded in foldOther(s) { appendUTF8(folded.value, to: &out) }
    }

    /// Lower case, then ё ѐ → е and ѝ → и; Cyrillic keeps its other diacritics (й, ї, ў are letters of their own).
    @inline(__always)
    package static func foldCyrillic(_ v: UInt32) -> UInt32 {
        var lower = v
        if v >= 0x410 && v <= 0x42F { lower = v + 0x20 }
        else if v >= 0x400 && v <= 0x40F { lower = v + 0x50 }
        else if v >= 0x460, let s = Unicode.Scalar(v), let l = s.properties.lowercaseMapping.unicodeScalars.first,
                s.properties.lowercaseMapping.unicodeScalars.count == 1 { lower = l.value }
        switch lower {
        case 0x451, 0x450: return 0x435
        case 0x45D: return 0x438
        default: return lower
        }
    }

    /// Any other script: lower case, decompose, drop the marks.
    package static func foldOther(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        let lower = s.properties.lowercaseMapping
        return lower.decomposedStringWithCanonicalMapping.unicodeScalars.compactMap { c in
            if c.value == 0x3C2 { return Unicode.Scalar(0x3C3) } // ς → σ: JavaScript lowercases Σ by context
            switch c.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return nil
            default: return c
            }
        }
    }

    @inline(__always)
    package static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// NFC only when the text holds combining characters: composing is slow, and plain
    /// Russian or English text (almost every page) is already composed. Looks at UTF-8 lead
    /// bytes, so ASCII and Cyrillic cost one comparison each.
    package static func composed(_ text: String) -> String {
        var copy = text
        let needed = copy.withUTF8 { utf8 -> Bool in
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                // Continuation bytes, scalars below U+0300, and U+0400–U+047F (Cyrillic letters).
                if b < 0xCC || b == 0xD0 || b == 0xD1 {
                    i += 1
                    continue
                }
                let (scalar, length) = Tokenizer.decode(utf8, at: i)
                if mayCompose(scalar) { return true }
                i += length
            }
            return false
        }
        return needed ? text.precomposedStringWithCanonicalMapping : text
    }

    private static func mayCompose(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (0x370..<0x483).contains(v) || (0x48A..<0x591).contains(v) || (0x2000..<0x20D0).contains(v) { return false }
        if (0x1160...0x11FF).contains(v) || s.properties.canonicalCombiningClass.rawValue != 0 { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The folded form of a whole string, word characters and separators alike (for tests and settings).
    package static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        for s in composed(text).unicodeScalars {
            switch classify(s) {
            case .letter, .digit: appendFolded(s, to: &out)
            case .ignorable: break
            default: appendUTF8(s.value, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
