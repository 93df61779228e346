import AlmanacCore
/// Footnote definitions, found in the source before cmark reads it.
///
/// cmark takes `[^1]: Текст` for a link reference definition (or for a paragraph, depending on
/// what follows), so the definition has to be hidden from it first. Its marker is rewritten, in
/// place and on the same line, into an ordered-list item `01. `: cmark then parses the body as
/// GitHub does a footnote's (blocks indented by four spaces, lazy lines), every line keeps its
/// number for diagnostics, and the page's link references still apply inside. The footnote
/// pass later lifts these items out of the tree.
package enum FootnoteSource {
    package struct Definition: Sendable, Equatable {
        /// As written, for the ids (`fn-label`); `key` is the case-folded form references match.
        package var label: String
        package var key: String
        /// 1-based line in the body.
        package var line: Int
        /// Characters the rewrite took off the front of that line (`[^note]:   ` → `01. `), to
        /// put back into the columns reported for links on it.
        package var columnShift: Int = 0
    }

    package static let marker: [UInt8] = Array("01.".utf8)

    /// Nil when the body has no `[^` at all (the common case costs one scan).
    package static func rewrite(_ bytes: [UInt8]) -> (bytes: [UInt8], definitions: [Definition])? {
        guard containsMarker(bytes) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var definitions: [Definition] = []
        var fence: (byte: UInt8, length: Int)?
        var lineNumber = 0
        var start = 0
        while true {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = bytes[start..<end]
            if let open = fence {
                if closesFence(line, open) { fence = nil }
                out += line
            } else if let opened = opensFence(line) {
                fence = opened
                out += line
            } else if let (label, rest) = definitionStart(line) {
                out += marker
                var content = rest.startIndex
                while content < rest.endIndex, rest[content] == 0x20 || rest[content] == 0x09 { content += 1 }
                if content < rest.endIndex {
                    out.append(0x20)
                    out += rest[content...]
                }
                let removed = String(decoding: line[line.startIndex..<content], as: UTF8.self).count
                definitions.append(Definition(label: label, key: key(label), line: lineNumber,
                                              columnShift: removed - marker.count - 1))
            } else {
                out += line
            }
            guard end < bytes.count else { break }
            out.append(0x0A)
            start = end + 1
        }
        return (out, definitions)
    }

    /// Footnote labels match as link labels do: case does not matter.
    package static func key(_ label: String) -> String { label.lowercased() }

    package static func containsMarker(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "^") { return true }
            i += 1
        }
        return false
    }

    /// `[^label]:` at the start of a line; the label has no spaces and no brackets. Only at the
    /// margin: an indented one most likely sits in a list item, where rewriting it would make
    /// a numbered sub-list, so it is left to cmark as before.
    private static func definitionStart(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        let i = line.startIndex
        guard line.endIndex - i >= 5, line[i] == UInt8(ascii: "["), line[i + 1] == UInt8(ascii: "^") else { return nil }
        let labelStart = i + 2
        var j = labelStart
        while j < line.endIndex, line[j] != UInt8(ascii: "]") {
            let b = line[j]
            if b == 0x20 || b == 0x09 || b == UInt8(ascii: "[") || j - labelStart > 999 { return nil }
            j += 1
        }
        guard j > labelStart, j + 1 < line.endIndex, line[j + 1] == UInt8(ascii: ":") else { return nil }
        return (String(decoding: line[labelStart..<j], as: UTF8.self), line[(j + 2)...])
    }

    private static func opensFence(_ line: ArraySlice<UInt8>) -> (byte: UInt8, length: Int)? {
        var i = line.startIndex, indent = 0
        while i < line.endIndex, line[i] == 0x20, indent < 4 { i += 1; indent += 1 }
        guard indent < 4, i < line.endIndex, line[i] == UInt8(ascii: "`") || line[i] == UInt8(ascii: "~") else { return nil }
        let byte = line[i]
        var length = 0
        while i < line.endIndex, line[i] == byte { i += 1; length += 1 }
        guard length >= 3 else { return nil }
        if byte == UInt8(ascii: "`"), line[i...].contains(UInt8(ascii: "`")) { return nil }
        return (byte, length)
    }

    private static func closesFence(_ line: ArraySlice<UInt8>, _ open: (byte: UInt8, length: Int)) -> Bool {
        var i = line.startIndex, indent = 0
        while i < line.endIndex, line[i] == 0x20, indent < 4 { i += 1; indent += 1 }
        guard indent < 4 else { return false }
        var length = 0
        while i < line.endIndex, line[i] == open.byte { i += 1; length += 1 }
        guard length >= open.length else { return false }
        return line[i...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
