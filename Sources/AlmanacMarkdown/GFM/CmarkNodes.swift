import CCmark
import Foundation
import AlmanacCore

/// The few tree edits the GitHub layer makes on cmark's nodes, named for what they do.
/// cmark 0.30 has no node types for tables, footnotes or strikethrough, so they become custom
/// nodes whose opening and closing HTML we write; their inline content stays cmark's own nodes,
/// which cmark renders (and sanitises) as usual.
package enum CmarkNodes {
    package typealias Node = OpaquePointer

    package static func type(_ node: Node) -> cmark_node_type { cmark_node_get_type(node) }

    package static func literal(_ node: Node) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    package static func text(_ literal: String) -> Node {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, literal)
        return node
    }

    /// Inline raw HTML of ours: written as is, no line breaks added around it.
    package static func customInline(enter: String, exit: String = "") -> Node {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    /// Block raw HTML of ours: cmark puts each end on a line of its own.
    package static func customBlock(enter: String, exit: String = "") -> Node {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    package static func children(_ node: Node) -> [Node] {
        var out: [Node] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    /// Moves every child of `source` to the end of `target`.
    package static func moveChildren(of source: Node, to target: Node) {
        while let child = cmark_node_first_child(source) {
            cmark_node_unlink(child)
            cmark_node_append_child(target, child)
        }
    }

    /// Puts `replacement` where `node` was and frees `node` (with whatever it still holds).
    package static func replace(_ node: Node, with replacement: Node) {
        cmark_node_insert_before(node, replacement)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    package static func remove(_ node: Node) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// True when the node or one of its ancestors is a link or an image: no link goes inside one.
    package static func isInsideLink(_ node: Node) -> Bool {
        var current = cmark_node_parent(node)
        while let n = current {
            let t = type(n)
            if t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE { return true }
            if t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING { return false }
            current = cmark_node_parent(n)
        }
        return false
    }

    /// Every node of the given types, in document order, collected before any edit
    /// (cmark's iterator must not see the tree change under it). Iterative: no recursion, so a
    /// page nested 10,000 levels deep costs no stack.
    package static func collect(_ root: Node, where wanted: (cmark_node_type) -> Bool) -> [Node] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var out: [Node] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if wanted(type(node)) { out.append(node) }
        }
        return out
    }

    /// Parses Markdown with the page's options.
    package static func parse(_ bytes: [UInt8], options: Int32) -> Node? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    cmark_parse_document($0, bytes.count, options)
                }
            } ?? cmark_parse_document("", 0, options)
        }
    }
}

extension CmarkNodes {
    /// A node's body line (1-based): its own, or its nearest ancestor's (cmark 0.30 gives only
    /// some inlines a position). Inside a table the row's line from `known` wins, because cell
    /// content was parsed apart and its own positions are those of that other parse; such a
    /// node has no trustworthy column (`inTable`).
    package static func line(of node: Node, known: [Node: Int]) -> (line: Int, inTable: Bool) {
        var own = 0
        var current: Node? = node
        while let n = current {
            if !known.isEmpty, let l = known[n] { return (l, true) }
            let l = Int(cmark_node_get_start_line(n))
            let t = cmark_node_get_type(n)
            // A real block ends the walk: tables hold no blocks, so the node is not in one, and
            // the walk stays short however deep the page nests.
            if l > 0, t.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue, t != CMARK_NODE_CUSTOM_BLOCK {
                return (own > 0 ? own : l, false)
            }
            if own == 0, l > 0 { own = l }
            current = cmark_node_parent(n)
        }
        return (own > 0 ? own : 1, false)
    }
}

extension CmarkNodes {
    package static func onEnter(_ node: Node) -> String {
        cmark_node_get_on_enter(node).map { String(cString: $0) } ?? ""
    }

    /// True for the custom inline of a table cell (`<td…>`, `<th…>`).
    package static func isTableCell(_ node: Node) -> Bool {
        guard let enter = cmark_node_get_on_enter(node) else { return false }
        return enter[0] == 0x3C && enter[1] == 0x74 && (enter[2] == 0x64 || enter[2] == 0x68)  // "<td" / "<th"
    }

    /// True for the custom block of a table row (`<tr>`).
    package static func isTableRow(_ node: Node) -> Bool {
        guard let enter = cmark_node_get_on_enter(node) else { return false }
        return enter[0] == 0x3C && enter[1] == 0x74 && enter[2] == 0x72 && enter[3] == 0x3E
    }
}
