import CCmark
import Foundation
import AlmanacCore

/// The inline pass for `~~зачёркнутое~~` (and `~одна тильда~`), by cmark-gfm's rules: a run of
/// one or two tildes opens when left-flanking and closes when right-flanking, an opener matches
/// the nearest earlier run of the same length, runs of three or more are text.
///
/// It works on the children of each inline container separately, so a pair never crosses an
/// element that cmark already closed; matching uses one stack per run length, so a line of
/// unmatched tildes costs linear time.
package struct StrikethroughPass {
    package func apply(to document: OpaquePointer) {
        let containers = CmarkNodes.collect(document) { t in
            t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG
                || t == CMARK_NODE_LINK || t == CMARK_NODE_CUSTOM_INLINE
        }
        for container in containers {
            var child = cmark_node_first_child(container)
            var hasTilde = false
            while let c = child, !hasTilde {
                if cmark_node_get_type(c) == CMARK_NODE_TEXT, let raw = cmark_node_get_literal(c), strchr(raw, 0x7E) != nil { hasTilde = true }
                child = cmark_node_next(c)
            }
            if hasTilde { strike(in: container) }
        }
    }

    private struct Run {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    private func strike(in container: OpaquePointer) {
        // Split the text children so that each tilde run is a text node of its own.
        var runs: [Run] = []
        for node in CmarkNodes.children(container) where cmark_node_get_type(node) == CMARK_NODE_TEXT {
            let bytes = Array(CmarkNodes.literal(node).utf8)
            guard bytes.contains(UInt8(ascii: "~")) else { continue }
            var pieces: [(OpaquePointer, Run?)] = []
            var copied = 0, i = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "~") else { i += 1; continue }
                var j = i
                while j < bytes.count, bytes[j] == UInt8(ascii: "~") { j += 1 }
                let before = i > 0 ? Flank.of(bytes, endingAt: i) : Flank.of(previous: cmark_node_previous(node))
                let after = j < bytes.count ? Flank.of(bytes, startingAt: j) : Flank.of(next: cmark_node_next(node))
                let left = after != .space && (after != .punctuation || before != .other)
                let right = before != .space && (before != .punctuation || after != .other)
                if j - i <= 2 && (left || right) {
                    if i > copied { pieces.append((CmarkNodes.text(String(decoding: bytes[copied..<i], as: UTF8.self)), nil)) }
                    let runNode = CmarkNodes.text(String(repeating: "~", count: j - i))
                    pieces.append((runNode, Run(node: runNode, length: j - i, canOpen: left, canClose: right)))
                    copied = j
                }
                i = j
            }
            guard !pieces.isEmpty else { continue }
            if copied < bytes.count { pieces.append((CmarkNodes.text(String(decoding: bytes[copied...], as: UTF8.self)), nil)) }
            for (piece, run) in pieces {
                cmark_node_insert_before(node, piece)
                if let run { runs.append(run) }
            }
            CmarkNodes.remove(node)
        }
        guard runs.count >= 2 else { return }

        // Delimiter matching: `stack` holds open runs; `byLength[n]` their positions in `stack`.
        var stack: [Int] = []
        var byLength: [[Int]] = [[], [], []]
        var pairs: [(open: OpaquePointer, close: OpaquePointer)] = []
        for (index, run) in runs.enumerated() {
            if run.canClose, let position = byLength[run.length].last {
                let opener = runs[stack[position]]
                // Runs opened after the opener can no longer close anything.
                while stack.count > position {
                    let dropped = stack.removeLast()
                    byLength[runs[dropped].length].removeLast()
                }
                pairs.append((opener.node, run.node))
                continue
            }
            if run.canOpen {
                byLength[run.length].append(stack.count)
                stack.append(index)
            }
        }
        // Pairs come innermost first, so an inner `<del>` is one node by the time its outer one moves it.
        for (open, close) in pairs {
            let del = CmarkNodes.customInline(enter: "<del>", exit: "</del>")
            cmark_node_insert_before(open, del)
            while let next = cmark_node_next(open), next != close {
                cmark_node_unlink(next)
                cmark_node_append_child(del, next)
            }
            CmarkNodes.remove(open)
            CmarkNodes.remove(close)
        }
    }
}

/// What stands beside a delimiter run, for the flanking rules.
package enum Flank: Equatable {
    case space, punctuation, other

    package static func of(_ bytes: [UInt8], endingAt end: Int) -> Flank {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return of(scalar: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first)
    }

    package static func of(_ bytes: [UInt8], startingAt start: Int) -> Flank {
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return of(scalar: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first)
    }

    /// Another inline beside the run: a line break is space, emphasis, code and links begin and
    /// end with punctuation in the source (`*`, `` ` ``, `[`, `<`), the paragraph's edge is space.
    package static func of(previous: OpaquePointer?) -> Flank {
        guard let previous else { return .space }
        if cmark_node_get_type(previous) == CMARK_NODE_TEXT {
            let bytes = Array(CmarkNodes.literal(previous).utf8)
            return bytes.isEmpty ? .space : of(bytes, endingAt: bytes.count)
        }
        return of(inline: previous)
    }

    package static func of(next: OpaquePointer?) -> Flank {
        guard let next else { return .space }
        if cmark_node_get_type(next) == CMARK_NODE_TEXT {
            let bytes = Array(CmarkNodes.literal(next).utf8)
            return bytes.isEmpty ? .space : of(bytes, startingAt: 0)
        }
        return of(inline: next)
    }

    private static func of(inline node: OpaquePointer) -> Flank {
        let t = cmark_node_get_type(node)
        return t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ? .space : .punctuation
    }

    package static func of(scalar: Unicode.Scalar?) -> Flank {
        guard let s = scalar else { return .space }
        if s.properties.isWhitespace { return .space }
        if s.isASCII { return s.properties.isAlphabetic || ("0"..."9").contains(s) ? .other : (s.value < 0x20 ? .space : .punctuation) }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return .punctuation
        default:
            return .other
        }
    }
}
