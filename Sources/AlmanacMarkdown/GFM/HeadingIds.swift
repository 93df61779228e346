import CCmark
import Foundation
import AlmanacCore

/// `## Заголовок {#svoy-yakor}`: the writer fixes a heading's anchor, so that links shared
/// before a rename keep working (Pandoc, MkDocs and Hugo read the same syntax). The braces are
/// taken off the heading's text; ids are ASCII letters, digits, `-` and `_`.
package enum HeadingIds {
    /// The ids taken, by heading node.
    package static func extract(from document: OpaquePointer) -> [OpaquePointer: String] {
        var ids: [OpaquePointer: String] = [:]
        for heading in CmarkNodes.collect(document, where: { $0 == CMARK_NODE_HEADING }) {
            guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else { continue }
            let literal = CmarkNodes.literal(last)
            guard literal.hasSuffix("}"), let open = literal.range(of: "{#", options: .backwards) else { continue }
            let id = literal[open.upperBound..<literal.index(before: literal.endIndex)]
            guard !id.isEmpty, id.utf8.count <= 100, id.utf8.allSatisfy({ AutolinkScanner.isAlnum($0) || $0 == 0x2D || $0 == 0x5F })
            else { continue }
            var rest = String(literal[..<open.lowerBound])
            while rest.hasSuffix(" ") || rest.hasSuffix("\t") { rest.removeLast() }
            if rest.isEmpty { CmarkNodes.remove(last) } else { cmark_node_set_literal(last, rest) }
            ids[heading] = String(id)
        }
        return ids
    }
}
