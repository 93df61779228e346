import CCmark
import Foundation
import AlmanacCore

/// The footnote pass: lifts the definitions (list items `FootnoteSource` made of them) out of
/// the text, turns `[^label]` into numbered references, and appends GitHub's current footnote
/// markup: `<section class="footnotes" data-footnotes>`, ids `fn-label`/`fnref-label`, and
/// back-references with `data-footnote-backref` and an accessible name.
package struct FootnotePass {
    package let labels: ExtensionLabels
    /// Site markup: a heading (hidden from sight) that names the section for screen readers.
    package let siteMarkup: Bool

    private struct Entry {
        var label: String
        var item: OpaquePointer
        var number = 0
        var references = 0
    }

    package func apply(to document: OpaquePointer, definitions: [FootnoteSource.Definition], known: [OpaquePointer: Int],
               problems: inout [MarkdownProblem]) {
        var itemAtLine: [Int: OpaquePointer] = [:]
        for list in CmarkNodes.children(document) where cmark_node_get_type(list) == CMARK_NODE_LIST {
            for item in CmarkNodes.children(list) { itemAtLine[Int(cmark_node_get_start_line(item))] = item }
        }
        var entries: [String: Entry] = [:]
        for definition in definitions {
            guard let item = itemAtLine[definition.line] else { continue }
            let list = cmark_node_parent(item)
            cmark_node_unlink(item)
            if let list, cmark_node_first_child(list) == nil { CmarkNodes.remove(list) }
            if entries[definition.key] != nil {
                problems.append(MarkdownProblem(line: definition.line, code: .footnoteDuplicate,
                                                message: .footnoteDefinedTwice(label: definition.label),
                                                hint: .relabelFootnote))
                cmark_node_free(item)
                continue
            }
            entries[definition.key] = Entry(label: definition.label, item: item)
        }

        var order: [String] = []
        link(in: document, entries: &entries, order: &order, known: known, problems: &problems)
        // A footnote may cite another: its text is read in turn, and new ones join the end.
        var i = 0
        while i < order.count {
            link(in: entries[order[i]]!.item, entries: &entries, order: &order, known: known, problems: &problems)
            i += 1
        }

        if !order.isEmpty {
            let heading = siteMarkup ? "\n<h2 class=\"visually-hidden\">\(labels.footnotes.htmlEscaped)</h2>" : ""
            let section = CmarkNodes.customBlock(enter: "<section class=\"footnotes\" data-footnotes>\(heading)\n<ol>",
                                                 exit: "</ol>\n</section>")
            let backLabel = backLabelParts()
            for key in order {
                let entry = entries[key]!
                let id = Self.hrefEscaped(entry.label)
                let li = CmarkNodes.customBlock(enter: "<li id=\"fn-\(id)\">", exit: "</li>")
                CmarkNodes.moveChildren(of: entry.item, to: li)
                let back = backReferences(id: id, number: entry.number, count: entry.references, backLabel: backLabel)
                if let last = cmark_node_last_child(li), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH {
                    cmark_node_append_child(last, CmarkNodes.customInline(enter: " " + back))
                } else {
                    cmark_node_append_child(li, CmarkNodes.customBlock(enter: back))
                }
                cmark_node_append_child(section, li)
            }
            cmark_node_append_child(document, section)
        }
        for entry in entries.values { cmark_node_free(entry.item) }
    }

    /// Replaces each `[^label]` in the text under `root` with its numbered reference.
    private func link(in root: OpaquePointer, entries: inout [String: Entry], order: inout [String],
                      known: [OpaquePointer: Int], problems: inout [MarkdownProblem]) {
        for text in CmarkNodes.collect(root, where: { $0 == CMARK_NODE_TEXT }) {
            guard let raw = cmark_node_get_literal(text), strstr(raw, "[^") != nil, !CmarkNodes.isInsideLink(text) else { continue }
            let bytes = Array(CmarkNodes.literal(text).utf8)
            var pieces: [OpaquePointer] = []
            var copied = 0, i = 0
            while i + 3 < bytes.count {
                guard bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "^") else { i += 1; continue }
                var j = i + 2
                while j < bytes.count, bytes[j] != UInt8(ascii: "]"), bytes[j] != 0x20, bytes[j] != UInt8(ascii: "[") { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "]"), j > i + 2 else { i += 1; continue }
                let label = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                let key = FootnoteSource.key(label)
                guard var entry = entries[key] else {
                    problems.append(MarkdownProblem(line: CmarkNodes.line(of: text, known: known).line, code: .footnoteMissing,
                                                    message: .footnoteWithoutText(label: label),
                                                    hint: .addFootnoteText(label: label)))
                    i = j + 1
                    continue
                }
                if entry.number == 0 {
                    order.append(key)
                    entry.number = order.count
                }
                entry.references += 1
                entries[key] = entry
                if i > copied { pieces.append(CmarkNodes.text(String(decoding: bytes[copied..<i], as: UTF8.self))) }
                let id = Self.hrefEscaped(entry.label)
                let suffix = entry.references > 1 ? "-\(entry.references)" : ""
                pieces.append(CmarkNodes.customInline(
                    enter: "<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)\(suffix)\" data-footnote-ref>\(entry.number)</a></sup>"))
                copied = j + 1
                i = j + 1
            }
            guard !pieces.isEmpty else { continue }
            if copied < bytes.count { pieces.append(CmarkNodes.text(String(decoding: bytes[copied...], as: UTF8.self))) }
            for piece in pieces { cmark_node_insert_before(text, piece) }
            CmarkNodes.remove(text)
        }
    }

    /// The back-link's accessible name around its number, escaped once per page.
    private func backLabelParts() -> (prefix: String, suffix: String) {
        let parts = labels.footnoteBack.htmlEscaped.components(separatedBy: "{n}")
        return (parts[0], parts.dropFirst().joined(separator: "{n}"))
    }

    private func backReferences(id: String, number: Int, count: Int, backLabel: (prefix: String, suffix: String)) -> String {
        (1...max(count, 1)).map { k in
            let index = k == 1 ? "\(number)" : "\(number)-\(k)"
            let name = backLabel.prefix + index + backLabel.suffix
            let sup = k == 1 ? "" : "<sup class=\"footnote-ref\">\(k)</sup>"
            return "<a href=\"#fnref-\(id)\(k == 1 ? "" : "-\(k)")\" class=\"footnote-backref\" data-footnote-backref "
                + "data-footnote-backref-idx=\"\(index)\" aria-label=\"\(name)\">↩\(sup)</a>"
        }.joined(separator: " ")
    }

    /// cmark-gfm's href escaping of a label, which it uses for the ids too: URL-safe bytes stay,
    /// the rest is percent-encoded, `&` and `'` become entities.
    package static func hrefEscaped(_ label: String) -> String {
        var out = ""
        for b in label.utf8 {
            switch b {
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "'"): out += "&#x27;"
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                if "-_.+!*(),%#@?=;:/$~".utf8.contains(b) {
                    out.unicodeScalars.append(Unicode.Scalar(b))
                } else {
                    out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
