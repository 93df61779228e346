import AlmanacCore
/// The line-level grammar of a GFM table: which lines are a header, a delimiter row and body
/// rows, and the text of each cell. It works on the raw lines of a paragraph (cmark's inline
/// tree has already eaten the pipes' escapes), and knows nothing of cmark.
package enum TableParser {
    package enum Alignment: Sendable, Equatable { case none, left, center, right }

    package struct Table: Equatable {
        /// Index of the header line among the paragraph's lines; lines before it stay a paragraph.
        package var headerLine: Int
        package var alignments: [Alignment]
        package var header: [String]
        /// Each row has exactly as many cells as the header: missing ones are empty, extra ones dropped.
        package var rows: [[String]]
    }

    /// Finds the first header + delimiter pair among `lines` (already stripped of container
    /// prefixes); every later line is a body row, as in cmark-gfm where a table runs until a
    /// blank line or another block, which is also where cmark ended the paragraph.
    package static func table(in lines: [Substring]) -> Table? {
        guard lines.count >= 2 else { return nil }
        for i in 0..<(lines.count - 1) {
            guard let alignments = delimiterRow(lines[i + 1]) else { continue }
            let header = cells(lines[i])
            // A row without a single pipe is a sentence, not a table (`Текст\n:--` is not one).
            guard header.count == alignments.count,
                  lines[i].utf8.contains(UInt8(ascii: "|")) || lines[i + 1].utf8.contains(UInt8(ascii: "|")) else { continue }
            var rows: [[String]] = []
            for line in lines[(i + 2)...] {
                var row = cells(line)
                if row.count > header.count { row.removeLast(row.count - header.count) }
                while row.count < header.count { row.append("") }
                rows.append(row)
            }
            return Table(headerLine: i, alignments: alignments, header: header, rows: rows)
        }
        return nil
    }

    /// `| :-- | :-: | --: |`: each cell dashes with optional colons; nil when the line is not one.
    package static func delimiterRow(_ line: Substring) -> [Alignment]? {
        guard line.utf8.contains(UInt8(ascii: "-")) else { return nil }
        var out: [Alignment] = []
        for cell in rawCells(line) {
            let bytes = Array(cell.utf8)
            guard !bytes.isEmpty else { return nil }
            let left = bytes.first == UInt8(ascii: ":"), right = bytes.count > 1 && bytes.last == UInt8(ascii: ":")
            let dashes = bytes[(left ? 1 : 0)..<(bytes.count - (right ? 1 : 0))]
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            out.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return out.isEmpty ? nil : out
    }

    /// The cells of a row, trimmed, with `\|` turned into `|` (also inside code spans: the pipe
    /// escape belongs to the table, not to the inline content).
    package static func cells(_ line: Substring) -> [String] {
        rawCells(line).map { $0.replacingOccurrences(of: "\\|", with: "|") }
    }

    /// Splits at pipes that are not escaped; a leading and a trailing pipe are optional.
    private static func rawCells(_ line: Substring) -> [String] {
        let bytes = Array(line.utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "|") { start += 1 }
        var cells: [String] = []
        var cellStart = start, i = start
        var endsWithPipe = false
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\\"), i + 1 < end {
                i += 2
                continue
            }
            if b == UInt8(ascii: "|") {
                cells.append(trimmed(bytes[cellStart..<i]))
                cellStart = i + 1
                endsWithPipe = i + 1 == end
            }
            i += 1
        }
        if !endsWithPipe { cells.append(trimmed(bytes[cellStart..<end])) }
        return cells
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var s = bytes.startIndex, e = bytes.endIndex
        while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}
