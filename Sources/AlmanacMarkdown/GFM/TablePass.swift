import CCmark
import AlmanacCore

/// The block pass for tables: a cmark paragraph whose lines, read back from the source, hold a
/// header row and a delimiter row becomes a table (cmark 0.30 left it a paragraph of pipes).
/// Cells are parsed again as inline Markdown, each on its own, because cmark's inline tree
/// crossed the cell borders (`*a | b*`) and kept `\|` inside code spans.
package struct TablePass {
    package let options: Int32
    /// Site markup: a focusable, labelled scroll container around each table.
    package let wrap: Bool
    package let label: String

    /// Returns the file line of each row node, for links inside cells (custom nodes have none).
    package func apply(to document: OpaquePointer, source: SourceLines) -> [OpaquePointer: Int] {
        guard source.bytes.contains(UInt8(ascii: "|")) else { return [:] }
        var found: [(paragraph: OpaquePointer, table: TableParser.Table, before: [Substring], firstLine: Int)] = []
        for paragraph in CmarkNodes.collect(document, where: { $0 == CMARK_NODE_PARAGRAPH }) {
            let lines = Self.lines(of: paragraph, in: source)
            guard let table = TableParser.table(in: lines) else { continue }
            found.append((paragraph, table, Array(lines[..<table.headerLine]),
                          Int(cmark_node_get_start_line(paragraph)) + table.headerLine))
        }
        guard !found.isEmpty else { return [:] }

        var fragments: [String] = []
        for t in found {
            if !t.before.isEmpty { fragments.append(t.before.joined(separator: "\n")) }
            fragments += t.table.header
            for row in t.table.rows { fragments += row }
        }
        guard let parsed = InlineFragments(fragments, page: source.bytes, options: options) else { return [:] }
        defer { parsed.free() }

        var rowLines: [OpaquePointer: Int] = [:]
        var next = 0
        for t in found {
            if !t.before.isEmpty {
                while let child = cmark_node_first_child(t.paragraph) { CmarkNodes.remove(child) }
                parsed.moveInlines(of: next, to: t.paragraph)
                next += 1
            }
            let table = CmarkNodes.customBlock(enter: "<table>", exit: "</table>")
            let head = CmarkNodes.customBlock(enter: "<thead>", exit: "</thead>")
            let headRow = row(t.table.header.count, tag: "th", alignments: t.table.alignments, parsed: parsed, next: &next)
            cmark_node_append_child(head, headRow)
            cmark_node_append_child(table, head)
            rowLines[headRow] = t.firstLine
            if !t.table.rows.isEmpty {
                let body = CmarkNodes.customBlock(enter: "<tbody>", exit: "</tbody>")
                for (i, cells) in t.table.rows.enumerated() {
                    let tr = row(cells.count, tag: "td", alignments: t.table.alignments, parsed: parsed, next: &next)
                    cmark_node_append_child(body, tr)
                    rowLines[tr] = t.firstLine + 2 + i
                }
                cmark_node_append_child(table, body)
            }
            var block = table
            if wrap {
                let columns = t.table.header.map(Self.plain).filter { !$0.isEmpty }.prefix(3).joined(separator: ", ")
                let name = columns.isEmpty ? label : "\(label): \(columns)"
                block = CmarkNodes.customBlock(
                    enter: "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(name.htmlEscaped)\">",
                    exit: "</div>")
                cmark_node_append_child(block, table)
            }
            cmark_node_insert_after(t.paragraph, block)
            if t.before.isEmpty { CmarkNodes.remove(t.paragraph) }
        }
        return rowLines
    }

    private func row(_ count: Int, tag: String, alignments: [TableParser.Alignment], parsed: InlineFragments,
                     next: inout Int) -> OpaquePointer {
        let tr = CmarkNodes.customBlock(enter: "<tr>", exit: "</tr>")
        for column in 0..<count {
            let align: String
            switch alignments[column] {
            case .none: align = ""
            case .left: align = " align=\"left\""
            case .center: align = " align=\"center\""
            case .right: align = " align=\"right\""
            }
            let cell = CmarkNodes.customInline(enter: "<\(tag)\(align)>", exit: "</\(tag)>\n")
            parsed.moveInlines(of: next, to: cell)
            next += 1
            cmark_node_append_child(tr, cell)
        }
        return tr
    }

    /// A header cell without its Markdown punctuation, to name the table for screen readers.
    private static func plain(_ cell: String) -> String {
        String(cell.filter { !"*_`~[]".contains($0) }).trimmedWhitespace
    }

    /// The paragraph's lines as written, without the `>` of the quotes it sits in (a list
    /// item's indentation goes with the leading spaces every table row may have).
    package static func lines(of paragraph: OpaquePointer, in source: SourceLines) -> [Substring] {
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        // One line is never a table; and most paragraphs have no pipe: skip them before the
        // walk up to the document, which nested lists make long.
        guard first >= 1, last > first, last <= source.count,
              source.lines(first, last, contain: UInt8(ascii: "|")) else { return [] }
        var quotes = 0
        var parent = cmark_node_parent(paragraph)
        while let p = parent {
            if cmark_node_get_type(p) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
            parent = cmark_node_parent(p)
        }
        var out = [source.line(first, fromColumn: Int(cmark_node_get_start_column(paragraph)))]
        for number in (first + 1)...last {
            var line = source.line(number)
            for _ in 0..<quotes {
                let rest = line.drop { $0 == " " || $0 == "\t" }
                guard rest.first == ">" else { break }
                line = rest.dropFirst()
                if line.first == " " { line = line.dropFirst() }
            }
            out.append(line.drop { $0 == " " || $0 == "\t" })
        }
        return out
    }
}
