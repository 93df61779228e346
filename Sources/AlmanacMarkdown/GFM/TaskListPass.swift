import CCmark
import AlmanacCore

/// The inline pass for task lists: a list item whose text opens with `[ ]` or `[x]` gets a
/// checkbox, disabled (the page shows a state, it is not a form), as cmark-gfm renders it.
package struct TaskListPass {
    /// Site markup: the checkbox gets an accessible name (a bare one fails axe's `label` rule).
    package let labels: ExtensionLabels?

    package func apply(to document: OpaquePointer) {
        for item in CmarkNodes.collect(document, where: { $0 == CMARK_NODE_ITEM }) {
            guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT else { continue }
            let bytes = Array(CmarkNodes.literal(text).utf8)
            guard bytes.count >= 3, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]") else { continue }
            let checked: Bool
            switch bytes[1] {
            case UInt8(ascii: " "): checked = false
            case UInt8(ascii: "x"), UInt8(ascii: "X"): checked = true
            default: continue
            }
            // `[ ]` needs white space after it, or a line break, or nothing more on the line.
            if bytes.count > 3 {
                guard bytes[3] == 0x20 || bytes[3] == 0x09 else { continue }
            } else if let next = cmark_node_next(text), cmark_node_get_type(next) != CMARK_NODE_SOFTBREAK {
                continue
            }
            var html = "<input type=\"checkbox\"" + (checked ? " checked=\"\"" : "") + " disabled=\"\""
            if let labels { html += " aria-label=\"\((checked ? labels.taskDone : labels.taskOpen).htmlEscaped)\"" }
            html += " />"
            cmark_node_insert_before(text, CmarkNodes.customInline(enter: html))
            let rest = String(decoding: bytes[3...], as: UTF8.self)
            if rest.isEmpty { CmarkNodes.remove(text) } else { cmark_node_set_literal(text, rest) }
        }
    }
}
