import Foundation

/// A minimal JSON writer with keys in the order written and text left as UTF-8, for meta.json,
/// facets.json and the anchors manifest (`AnchorAliases.manifest`).
/// A class so that nested `object { … }` closures can write to the same text.
package final class JSONWriter {
    package private(set) var text = ""

    package init() {}
    private var needsComma: [Bool] = [false]

    package func object(_ body: () -> Void) {
        separate()
        text += "{"
        needsComma.append(false)
        body()
        needsComma.removeLast()
        text += "}"
    }

    package func array<T>(_ items: [T], _ item: (T) -> Void) {
        list { for x in items { item(x) } }
    }

    /// An array whose elements `body` writes one by one.
    package func list(_ body: () -> Void) {
        separate()
        text += "["
        needsComma.append(false)
        body()
        needsComma.removeLast()
        text += "]"
    }

    package func key(_ k: String) {
        string(k)
        text += ":"
        needsComma[needsComma.count - 1] = false
    }

    package func string(_ s: String) {
        separate()
        text += "\""
        // Most strings (anchors, page ids) need no escape: appended whole, they cost one copy
        // rather than one append per scalar (the anchors manifest of 10,000 pages is 2 MB).
        if !Self.needsEscape(s) {
            text += s
            text += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            // U+2028/2029 are line breaks to older JavaScript parsers: meta.js embeds this JSON as code.
            case "\u{2028}", "\u{2029}": text += "\\u" + String(scalar.value, radix: 16)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    /// Whether any scalar of `s` is written otherwise than as itself: a quote, a backslash, a
    /// control character, or U+2028/2029 (E2 80 A8/A9 in UTF-8).
    private static func needsEscape(_ s: String) -> Bool {
        s.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
            && s.unicodeScalars.contains { $0.value < 0x20 || $0 == "\"" || $0 == "\\" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// Integers without a fraction; other numbers in Swift's shortest round-tripping form.
    package func number(_ n: Double) {
        separate()
        if n == n.rounded(), abs(n) < 1e15 { text += String(Int64(n)) } else { text += "\(n)" }
    }

    /// Inside an array or object, every value after the first is preceded by a comma.
    private func separate() {
        let i = needsComma.count - 1
        if needsComma[i] { text += "," }
        needsComma[i] = true
    }
}
