import CCmark
import Foundation
import AlmanacCore

/// The inline pass for bare addresses: `www.example.ru`, `https://…` and e-mail addresses in
/// text become links, as on GitHub. Text inside links and images is left alone. The new links
/// are ordinary cmark link nodes, so the link stage sees and checks them like any other.
package struct AutolinkPass {
    package func apply(to document: OpaquePointer) {
        for text in CmarkNodes.collect(document, where: { $0 == CMARK_NODE_TEXT }) {
            // Cheap test on cmark's own string first: every autolink holds `://`, `www.` or `@`,
            // and most text holds none, so most text is never copied.
            guard let raw = cmark_node_get_literal(text),
                  strstr(raw, "://") != nil || strstr(raw, "www.") != nil || strchr(raw, 0x40) != nil,
                  !CmarkNodes.isInsideLink(text) else { continue }
            let bytes = Array(CmarkNodes.literal(text).utf8)
            let matches = AutolinkScanner.matches(in: bytes, wwwAtStart: Self.allowsWWW(after: cmark_node_previous(text)))
            guard !matches.isEmpty else { continue }
            var copied = 0
            for match in matches {
                if match.start > copied {
                    cmark_node_insert_before(text, CmarkNodes.text(String(decoding: bytes[copied..<match.start], as: UTF8.self)))
                }
                let link = cmark_node_new(CMARK_NODE_LINK)!
                cmark_node_set_url(link, match.url)
                cmark_node_append_child(link, CmarkNodes.text(String(decoding: bytes[match.start..<match.end], as: UTF8.self)))
                cmark_node_insert_before(text, link)
                copied = match.end
            }
            if copied < bytes.count {
                cmark_node_insert_before(text, CmarkNodes.text(String(decoding: bytes[copied...], as: UTF8.self)))
            }
            CmarkNodes.remove(text)
        }
    }

    /// A `www.` link may start after white space, `*`, `_`, `~` or `(`: emphasis and
    /// strikethrough end with one of those in the source, code and links do not.
    private static func allowsWWW(after node: OpaquePointer?) -> Bool {
        guard let node else { return true }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG: return true
        case CMARK_NODE_CUSTOM_INLINE: return CmarkNodes.onEnter(node) == "<del>"
        case CMARK_NODE_TEXT:
            guard let last = CmarkNodes.literal(node).utf8.last else { return true }
            return AutolinkScanner.allowsWWW(after: last)
        default: return false
        }
    }
}
