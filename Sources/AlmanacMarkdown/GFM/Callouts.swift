import CCmark
import AlmanacCore

/// GitHub's alerts: a quote that opens with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`
/// or `[!CAUTION]` alone on its first line becomes a titled callout. An unknown type
/// (`[!FOO]`) leaves the quote a quote, as on GitHub. The markup is GitHub's classes
/// (`markdown-alert markdown-alert-note`, `markdown-alert-title`); the icon is drawn by the
/// stylesheet, so the page carries no SVG of its own and the title is plain text.
package enum Callouts {
    package static let types = ["note", "tip", "important", "warning", "caution"]

    package static func apply(to document: OpaquePointer, labels: ExtensionLabels) {
        for quote in CmarkNodes.collect(document, where: { $0 == CMARK_NODE_BLOCK_QUOTE }) {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let marker = cmark_node_first_child(paragraph), cmark_node_get_type(marker) == CMARK_NODE_TEXT,
                  let type = type(of: CmarkNodes.literal(marker)) else { continue }
            let after = cmark_node_next(marker)
            guard after == nil || cmark_node_get_type(after!) == CMARK_NODE_SOFTBREAK else { continue }
            // A callout needs something to say: a lone `> [!NOTE]` stays a quote, as on GitHub.
            guard after != nil || cmark_node_next(paragraph) != nil else { continue }
            if let after { CmarkNodes.remove(after) }
            CmarkNodes.remove(marker)
            if cmark_node_first_child(paragraph) == nil { CmarkNodes.remove(paragraph) }
            let title = (labels.callouts[type] ?? type).htmlEscaped
            let callout = CmarkNodes.customBlock(
                enter: "<div class=\"markdown-alert markdown-alert-\(type)\">\n<p class=\"markdown-alert-title\">\(title)</p>",
                exit: "</div>")
            CmarkNodes.moveChildren(of: quote, to: callout)
            CmarkNodes.replace(quote, with: callout)
        }
    }

    /// `[!NOTE]` (any case, trailing spaces allowed) → `note`; anything else → nil.
    package static func type(of literal: String) -> String? {
        var s = Substring(literal)
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        guard s.hasPrefix("[!"), s.hasSuffix("]"), s.count > 3 else { return nil }
        let name = s.dropFirst(2).dropLast().lowercased()
        return types.contains(name) ? name : nil
    }
}
