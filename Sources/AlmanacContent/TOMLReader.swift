import Foundation
import AlmanacCore

/// Reads the TOML front matter Hugo writes between `+++` fences into the same `MetaEntry` values
/// YAML gives, so the rest of the pipeline does not know which one a page used.
///
/// The subset front matter uses: `key = value` with bare, quoted and dotted keys, `[table]` and
/// `[[array of tables]]` headers, basic and literal strings (also multi-line), integers (with `_`,
/// hex, octal, binary), floats, booleans, dates and times (kept as their text, as YAML dates
/// are), arrays (across lines, with trailing commas) and inline tables, `#` comments.
package enum TOMLReader {
    package struct Failure: Error {
        package var message: DiagnosticMessage
        package var line: Int
    }

    package static func readMapping(_ text: String, lineOffset: Int = 0) -> Result<[MetaEntry], Failure> {
        var parser = Parser(chars: Array(text.unicodeScalars), lineOffset: lineOffset)
        do {
            return .success(try parser.document())
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: .parserFailed(reason: "\(error)"), line: lineOffset + 1))
        }
    }

    private struct Parser {
        let chars: [Unicode.Scalar]
        let lineOffset: Int
        var i = 0
        var line = 1

        init(chars: [Unicode.Scalar], lineOffset: Int) {
            self.chars = chars
            self.lineOffset = lineOffset
        }

        func fail(_ message: DiagnosticMessage) -> Failure { Failure(message: message, line: line + lineOffset) }

        var peek: Unicode.Scalar? { i < chars.count ? chars[i] : nil }

        mutating func advance() {
            if chars[i] == "\n" { line += 1 }
            i += 1
        }

        mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { advance() } }

        /// Spaces, newlines and comments (inside arrays, and between statements).
        mutating func skipBlank() {
            while let c = peek {
                if c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
                else if c == "#" { while let d = peek, d != "\n" { advance() } }
                else { break }
            }
        }

        mutating func endOfStatement() throws {
            skipSpaces()
            if peek == "#" { while let d = peek, d != "\n" { advance() } }
            guard peek == nil || peek == "\n" || peek == "\r" else { throw fail(.tomlLineEndExpected) }
        }

        mutating func document() throws -> [MetaEntry] {
            var root: [MetaEntry] = []
            var table: [String] = []  // the current [table]'s path; for [[x]], into the last element
            while true {
                skipBlank()
                guard let c = peek else { return root }
                let statementLine = line + lineOffset
                if c == "[" {
                    advance()
                    let isArray = peek == "["
                    if isArray { advance() }
                    skipSpaces()
                    let path = try key()
                    skipSpaces()
                    guard peek == "]" else { throw fail(.tomlTableHeaderUnclosed) }
                    advance()
                    if isArray {
                        guard peek == "]" else { throw fail(.tomlArrayHeaderUnclosed) }
                        advance()
                        try Self.appendTable(&root, path: path, line: statementLine)
                    } else {
                        try Self.insert(&root, path: path, value: .map([]), line: statementLine, merge: true)
                    }
                    table = path
                    try endOfStatement()
                    continue
                }
                let path = try key()
                skipSpaces()
                guard peek == "=" else { throw fail(.tomlKeyValueExpected) }
                advance()
                skipSpaces()
                let v = try value()
                try endOfStatement()
                try Self.insert(&root, path: table + path, value: v, line: statementLine, merge: false)
            }
        }

        /// A dotted key: `a`, `"a b"`, `a.b.'c'`.
        mutating func key() throws -> [String] {
            var parts: [String] = []
            while true {
                skipSpaces()
                if peek == "\"" { parts.append(try basicString()) }
                else if peek == "'" { parts.append(try literalString()) }
                else {
                    var s = ""
                    while let c = peek, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
                        s.unicodeScalars.append(c)
                        advance()
                    }
                    guard !s.isEmpty else { throw fail(.tomlKeyExpected) }
                    parts.append(s)
                }
                skipSpaces()
                guard peek == "." else { return parts }
                advance()
            }
        }

        mutating func value() throws -> MetaValue {
            guard let c = peek else { throw fail(.tomlValueExpected) }
            switch c {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[":
                advance()
                var items: [MetaValue] = []
                while true {
                    skipBlank()
                    if peek == "]" { advance(); return .list(items) }
                    items.append(try value())
                    skipBlank()
                    if peek == "," { advance(); continue }
                    guard peek == "]" else { throw fail(.tomlArrayCommaExpected) }
                }
            case "{":
                advance()
                var entries: [MetaEntry] = []
                skipSpaces()
                if peek == "}" { advance(); return .map([]) }
                while true {
                    let entryLine = line + lineOffset
                    let path = try key()
                    skipSpaces()
                    guard peek == "=" else { throw fail(.tomlInlineKeyValueExpected) }
                    advance()
                    skipSpaces()
                    try Self.insert(&entries, path: path, value: try value(), line: entryLine, merge: false)
                    skipSpaces()
                    if peek == "," { advance(); continue }
                    guard peek == "}" else { throw fail(.tomlInlineCommaExpected) }
                    advance()
                    return .map(entries)
                }
            default:
                var s = ""
                while let d = peek, !(d == "," || d == "]" || d == "}" || d == "#" || d == "\n" || d == "\r") {
                    s.unicodeScalars.append(d)
                    advance()
                }
                return try Self.bare(s.trimmingCharacters(in: .whitespaces), fail: fail)
            }
        }

        /// Numbers, booleans, dates and times.
        static func bare(_ s: String, fail: (DiagnosticMessage) -> Failure) throws -> MetaValue {
            switch s {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "inf", "+inf": return .double(.infinity)
            case "-inf": return .double(-.infinity)
            case "nan", "+nan", "-nan": return .double(.nan)
            default: break
            }
            let digits = s.replacingOccurrences(of: "_", with: "")
            for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
                if let n = Int(digits.dropFirst(2), radix: radix) { return .int(n) }
            }
            if let n = Int(digits) { return .int(n) }
            if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let d = Double(digits) { return .double(d) }
            // 1979-05-27, 1979-05-27T07:32:00Z, 07:32:00: kept as text, as YAML dates are.
            if let first = s.first, first.isNumber, s.contains("-") || s.contains(":"),
               s.allSatisfy({ $0.isNumber || "-:.TtZz+ ".contains($0) }) {
                return .string(s)
            }
            throw fail(s.isEmpty ? .tomlValueExpected : .tomlUnquotedValue(text: s))
        }

        /// Steps over the opening quote (three for a multi-line string, with the line break right
        /// after them) and tells whether the string is multi-line.
        mutating func openString(_ quote: Unicode.Scalar) -> Bool {
            let multi = i + 2 < chars.count && chars[i + 1] == quote && chars[i + 2] == quote
            advance()
            if multi {
                advance(); advance()
                if peek == "\n" { advance() }
            }
            return multi
        }

        /// The next character of a string opened with `quote`, not yet stepped over, or nil where
        /// the string ends (the closing quote or quotes are then stepped over). Throws at the end of
        /// the text and at a line break in a one-line string.
        mutating func stringCharacter(_ quote: Unicode.Scalar, multi: Bool) throws -> Unicode.Scalar? {
            guard let c = peek else { throw fail(.tomlStringUnclosed(apostrophe: quote == "'")) }
            if c == "\n" && !multi { throw fail(.tomlStringUnclosedAtLineEnd(apostrophe: quote == "'")) }
            guard c == quote else { return c }
            if !multi { advance(); return nil }
            if i + 2 < chars.count, chars[i + 1] == quote, chars[i + 2] == quote {
                advance(); advance(); advance()
                return nil
            }
            return c
        }

        mutating func basicString() throws -> String {
            let multi = openString("\"")
            var s = ""
            while let c = try stringCharacter("\"", multi: multi) {
                if c == "\\" {
                    advance()
                    guard let e = peek else { throw fail(.tomlStringUnclosed(apostrophe: false)) }
                    advance()
                    switch e {
                    case "n": s += "\n"
                    case "t": s += "\t"
                    case "r": s += "\r"
                    case "\"": s += "\""
                    case "\\": s += "\\"
                    case "b": s += "\u{08}"
                    case "f": s += "\u{0C}"
                    case "u", "U":
                        let count = e == "u" ? 4 : 8
                        var hex = ""
                        for _ in 0..<count {
                            guard let h = peek else { break }
                            hex.unicodeScalars.append(h)
                            advance()
                        }
                        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                            throw fail(.tomlBadEscape(sequence: "\(e)\(hex)"))
                        }
                        s.unicodeScalars.append(scalar)
                    case "\n" where multi, " " where multi, "\t" where multi:
                        // A line-ending backslash joins the lines, dropping the whitespace after it.
                        while let w = peek, w == " " || w == "\t" || w == "\n" { advance() }
                    default: throw fail(.tomlBadEscape(sequence: "\(e)"))
                    }
                    continue
                }
                s.unicodeScalars.append(c)
                advance()
            }
            return s
        }

        mutating func literalString() throws -> String {
            let multi = openString("'")
            var s = ""
            while let c = try stringCharacter("'", multi: multi) {
                s.unicodeScalars.append(c)
                advance()
            }
            return s
        }

        /// Sets `path` in nested mappings; `merge` (a `[table]` header) reopens an existing table.
        static func insert(_ entries: inout [MetaEntry], path: [String], value: MetaValue, line: Int, merge: Bool) throws {
            let key = path[0]
            let index = entries.firstIndex { $0.key == key }
            if path.count == 1 {
                if let index {
                    if merge, case .map = entries[index].value { return }
                    throw Failure(message: .tomlKeyTwice(key: key), line: line)
                }
                entries.append(MetaEntry(key: key, value: value, line: line))
                return
            }
            let rest = Array(path.dropFirst())
            guard let index else {
                var inner: [MetaEntry] = []
                try insert(&inner, path: rest, value: value, line: line, merge: merge)
                entries.append(MetaEntry(key: key, value: .map(inner), line: line))
                return
            }
            switch entries[index].value {
            case .map(var inner):
                try insert(&inner, path: rest, value: value, line: line, merge: merge)
                entries[index].value = .map(inner)
            case .list(var items) where items.last?.entries != nil:
                // Inside the last [[table]] element.
                var inner = items.last!.entries!
                try insert(&inner, path: rest, value: value, line: line, merge: merge)
                items[items.count - 1] = .map(inner)
                entries[index].value = .list(items)
            default:
                throw Failure(message: .tomlKeyNotTable(key: key), line: line)
            }
        }

        /// `[[path]]`: a new table at the end of the array at `path`.
        static func appendTable(_ entries: inout [MetaEntry], path: [String], line: Int) throws {
            let key = path[0]
            let index = entries.firstIndex { $0.key == key }
            if path.count == 1 {
                guard let index else {
                    entries.append(MetaEntry(key: key, value: .list([.map([])]), line: line))
                    return
                }
                guard case .list(var items) = entries[index].value else {
                    throw Failure(message: .tomlKeyNotArrayOfTables(key: key), line: line)
                }
                items.append(.map([]))
                entries[index].value = .list(items)
                return
            }
            var inner: [MetaEntry]
            if let index {
                switch entries[index].value {
                case .map(let m): inner = m
                case .list(let items) where items.last?.entries != nil: inner = items.last!.entries!
                default: throw Failure(message: .tomlKeyNotTable(key: key), line: line)
                }
            } else {
                inner = []
            }
            try appendTable(&inner, path: Array(path.dropFirst()), line: line)
            if let index {
                if case .list(var items) = entries[index].value {
                    items[items.count - 1] = .map(inner)
                    entries[index].value = .list(items)
                } else {
                    entries[index].value = .map(inner)
                }
            } else {
                entries.append(MetaEntry(key: key, value: .map(inner), line: line))
            }
        }
    }
}
