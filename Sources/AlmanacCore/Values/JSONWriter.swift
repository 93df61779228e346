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
