import AlmanacCore
/// Finds GitHub's extended autolinks in a run of text: `www.` addresses, `http://`, `https://`
/// and `ftp://` URLs, and e-mail addresses, with cmark-gfm's rules for where one ends (trailing
/// punctuation, unbalanced `)`, a trailing `&entity;` are left out). Pure byte work, linear:
/// the bracket balance is counted once per link, not once per character trimmed.
package enum AutolinkScanner {
    package struct Match: Equatable {
        package var start: Int
        package var end: Int
        package var url: String
    }

    /// `wwwAtStart`: whether what precedes the text lets a `www.` link begin at its first byte.
    package static func matches(in bytes: [UInt8], wwwAtStart: Bool = true) -> [Match] {
        var out: [Match] = []
        var i = 0, floor = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "w"), i == 0 ? wwwAtStart : allowsWWW(after: bytes[i - 1]), let end = www(bytes, at: i) {
                out.append(Match(start: i, end: end, url: "http://" + String(decoding: bytes[i..<end], as: UTF8.self)))
                i = end; floor = end
                continue
            }
            if b == UInt8(ascii: ":"), i + 2 < n, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") {
                var s = i
                while s > floor, isAlpha(bytes[s - 1]) { s -= 1 }
                if let end = url(bytes, schemeStart: s, colon: i) {
                    out.append(Match(start: s, end: end, url: String(decoding: bytes[s..<end], as: UTF8.self)))
                    i = end; floor = end
                    continue
                }
            }
            if b == UInt8(ascii: "@") {
                var s = i
                while s > floor, isAlnum(bytes[s - 1]) || ".+-_".utf8.contains(bytes[s - 1]) { s -= 1 }
                if s < i, let end = email(bytes, at: i) {
                    out.append(Match(start: s, end: end, url: "mailto:" + String(decoding: bytes[s..<end], as: UTF8.self)))
                    i = end; floor = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    package static func allowsWWW(after byte: UInt8) -> Bool {
        isSpace(byte) || "*_~(".utf8.contains(byte)
    }

    private static func www(_ bytes: [UInt8], at start: Int) -> Int? {
        guard bytes.count - start >= 4, bytes[start + 1] == UInt8(ascii: "w"), bytes[start + 2] == UInt8(ascii: "w"),
              bytes[start + 3] == UInt8(ascii: ".") else { return nil }
        let domain = checkDomain(bytes, from: start, allowShort: false)
        guard domain > 0 else { return nil }
        let end = delimit(bytes, start: start, end: pathEnd(bytes, from: start + domain))
        return end > start ? end : nil
    }

    private static func url(_ bytes: [UInt8], schemeStart: Int, colon: Int) -> Int? {
        let scheme = String(decoding: bytes[schemeStart..<colon], as: UTF8.self).lowercased()
        let afterSlashes = colon + 3
        guard ["http", "https", "ftp"].contains(scheme), afterSlashes < bytes.count,
              isAlnum(bytes[afterSlashes]) || bytes[afterSlashes] >= 0x80 else { return nil }
        let domain = checkDomain(bytes, from: afterSlashes, allowShort: true)
        guard domain > 0 else { return nil }
        let end = delimit(bytes, start: colon, end: pathEnd(bytes, from: afterSlashes + domain))
        return end > afterSlashes ? end : nil
    }

    private static func email(_ bytes: [UInt8], at sign: Int) -> Int? {
        var end = sign, ats = 0, dots = 0
        while end < bytes.count {
            let c = bytes[end]
            if isAlnum(c) { end += 1; continue }
            if c == UInt8(ascii: "@") {
                // A second `@` makes it no address; stopping here keeps `a@a@a@…` linear.
                if ats == 1 { return nil }
                ats += 1
            } else if c == UInt8(ascii: "."), end + 1 < bytes.count, isAlnum(bytes[end + 1]) {
                dots += 1
            } else if c != UInt8(ascii: "-") && c != UInt8(ascii: "_") {
                break
            }
            end += 1
        }
        guard end - sign >= 2, ats == 1, dots > 0, isAlpha(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: ".") else { return nil }
        let trimmed = delimit(bytes, start: sign, end: end)
        return trimmed > sign + 1 ? trimmed : nil
    }

    private static func pathEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
        return end
    }

    /// cmark-gfm's `check_domain`: the length of the host part, or 0 when it is not one (an
    /// underscore in its last two labels, or no dot where one is needed).
    private static func checkDomain(_ bytes: [UInt8], from start: Int, allowShort: Bool) -> Int {
        let size = bytes.count - start
        var i = 1, dots = 0, underscoresBefore = 0, underscores = 0
        while i < size - 1 {
            if bytes[start + i] == UInt8(ascii: "\\"), i < size - 2 { i += 1 }
            let c = bytes[start + i]
            if c == UInt8(ascii: "_") {
                underscores += 1
            } else if c == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if c != UInt8(ascii: "-") && !isHostCharacter(bytes, at: start + i) {
                break
            }
            i += 1
        }
        // Past ten labels underscores are let through, as cmark-gfm does to stay linear.
        if (underscoresBefore > 0 || underscores > 0) && dots <= 10 { return 0 }
        return allowShort || dots > 0 ? max(i, 1) : 0
    }

    /// Not white space and not punctuation (Unicode's categories); a byte inside a character is not one.
    private static func isHostCharacter(_ bytes: [UInt8], at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return isAlnum(b) || !(isSpace(b) || (b >= 0x21 && b <= 0x7E)) && b > 0x20 }
        guard b >= 0xC0 else { return false }
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return Flank.of(scalar: scalar) == .other
    }

    /// cmark-gfm's `autolink_delim`: trailing punctuation, a trailing `&entity;` and closing
    /// brackets without an opening one are not part of the link.
    package static func delimit(_ bytes: [UInt8], start: Int, end initialEnd: Int) -> Int {
        var end = initialEnd
        var opening = 0, closing = 0
        for b in bytes[start..<end] {
            if b == UInt8(ascii: "(") { opening += 1 } else if b == UInt8(ascii: ")") { closing += 1 }
        }
        while end > start {
            let c = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(c) {
                end -= 1
            } else if c == UInt8(ascii: ";") {
                var entityStart = end - 2
                while entityStart > start, isAlpha(bytes[entityStart]) { entityStart -= 1 }
                if entityStart >= start, entityStart < end - 2, bytes[entityStart] == UInt8(ascii: "&") {
                    end = entityStart
                } else {
                    end -= 1
                }
            } else if c == UInt8(ascii: ")") {
                if closing <= opening { break }
                closing -= 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    package static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    package static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) }
    package static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}
