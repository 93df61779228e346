import CCmark
import Foundation
import AlmanacCore

/// Code blocks scroll sideways on a phone (`overflow-x: auto`), and a scrolling box must be
/// reachable by keyboard (axe's `scrollable-region-focusable`): in the site's markup each
/// `<pre>` takes focus. The block is still rendered by cmark; only the opening tag changes.
package enum FocusableCodeBlocks {
    package static func apply(to nodes: [OpaquePointer], cmarkOptions: Int32) {
        for node in nodes {
            guard let rendered = cmark_render_html(node, cmarkOptions) else { continue }
            var html = String(cString: rendered)
            free(rendered)
            guard html.hasPrefix("<pre>") || html.hasPrefix("<pre ") else { continue }
            html = "<pre tabindex=\"0\"" + html.dropFirst(4)
            if html.hasSuffix("\n") { html.removeLast() }
            CmarkNodes.replace(node, with: CmarkNodes.customBlock(enter: html))
        }
    }
}
