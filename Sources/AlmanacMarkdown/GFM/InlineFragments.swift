import CCmark
import AlmanacCore

/// Parses many short texts (table cells) as inline Markdown in one cmark run.
///
/// Each fragment becomes a paragraph of its own, opened by a no-break space: nothing a block
/// parser recognises (`#`, `1.`, `>`, `<div>`, `[a]: b`) can start after it, so a cell like
/// `1. Пункт` stays text, as in GitHub's tables; and a no-break space counts as white space for
/// emphasis and smart quotes, so `_курсив_` and `"кавычки"` at a cell's start work as at a
/// line's start. When a fragment may use a reference link, the page itself follows the
/// fragments, so its link reference definitions apply (cmark resolves references after the
/// whole document is read).
package struct InlineFragments {
    package private(set) var document: OpaquePointer?
    private var paragraphs: [OpaquePointer] = []

    package static let guardBytes: [UInt8] = [0xC2, 0xA0]

    package init?(_ fragments: [String], page: [UInt8], options: Int32) {
        var source: [UInt8] = []
        var needsReferences = false
        for fragment in fragments {
            source += Self.guardBytes
            source += fragment.utf8
            source += [0x0A, 0x0A]
            if !needsReferences, Self.mayUseReference(fragment) { needsReferences = true }
        }
        if needsReferences { source += page }
        guard let document = CmarkNodes.parse(source, options: options) else { return nil }
        self.document = document
        var child = cmark_node_first_child(document)
        while let c = child, paragraphs.count < fragments.count {
            guard cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH else { break }
            paragraphs.append(c)
            child = cmark_node_next(c)
        }
        guard paragraphs.count == fragments.count else {
            cmark_node_free(document)
            return nil
        }
    }

    /// A `[` that does not open a footnote reference (`[^1]` needs no link definition): only
    /// then is the page parsed a second time behind the cells.
    private static func mayUseReference(_ fragment: String) -> Bool {
        let bytes = Array(fragment.utf8)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "[") {
            if i + 1 >= bytes.count || bytes[i + 1] != UInt8(ascii: "^") { return true }
        }
        return false
    }

    /// Moves fragment `index`'s inline nodes, without the guard, to the end of `target`.
    package func moveInlines(of index: Int, to target: OpaquePointer) {
        let paragraph = paragraphs[index]
        if let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT {
            let literal = Array(CmarkNodes.literal(first).utf8)
            if literal.starts(with: Self.guardBytes) {
                let rest = String(decoding: literal.dropFirst(Self.guardBytes.count), as: UTF8.self)
                if rest.isEmpty { CmarkNodes.remove(first) } else { cmark_node_set_literal(first, rest) }
            }
        }
        CmarkNodes.moveChildren(of: paragraph, to: target)
    }

    package func free() {
        if let document { cmark_node_free(document) }
    }
}
