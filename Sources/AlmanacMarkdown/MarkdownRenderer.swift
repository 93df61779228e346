import CCmark
import Foundation
import AlmanacCore

/// The one place that speaks to libcmark: parses a page body, gives headings their anchors,
/// rewrites link destinations, renders HTML and extracts plain text.
public struct MarkdownRenderer: Sendable {
    public struct Options: Sendable {
        /// Pass raw HTML and unsafe URLs through (trusted sites only).
        public var unsafeHTML: Bool
        public var smartPunctuation: Bool
        /// The site's own markup: headings get ids (`{#id}` honoured) and permalinks, a leading
        /// `# ` heading is lifted out as the title, tables scroll in a labelled container.
        /// Off, the output is exactly cmark's, or cmark-gfm's with extensions (the spec tests run that way).
        public var decorateHeadings: Bool
        /// Accessible name of the permalink beside each heading (from the UI strings).
        public var permalinkLabel: String
        /// GitHub's extensions in use; `[]` is plain CommonMark.
        public var extensions: MarkdownExtensions
        /// Words the extensions show (callout titles, footnote back-links), from the UI strings.
        public var labels: ExtensionLabels

        public init(unsafeHTML: Bool = false, smartPunctuation: Bool = true, decorateHeadings: Bool = true,
                    permalinkLabel: String = "Ссылка на раздел", extensions: MarkdownExtensions = .all,
                    labels: ExtensionLabels = ExtensionLabels()) {
            self.unsafeHTML = unsafeHTML
            self.smartPunctuation = smartPunctuation
            self.decorateHeadings = decorateHeadings
            self.permalinkLabel = permalinkLabel
            self.extensions = extensions
            self.labels = labels
        }
    }

    /// Given a destination as written and its line, returns what to put in the HTML instead
    /// (nil keeps it). The site stage supplies it: it knows every page's URL.
    public typealias LinkRewriter = @Sendable (_ destination: String, _ isImage: Bool) -> String?

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// `firstLine` is the file line the body starts at, so reported lines are file lines.
    public func render(_ body: String, firstLine: Int = 1, rewrite: LinkRewriter? = nil) -> RenderedPage {
        var cmarkOptions = CMARK_OPT_VALIDATE_UTF8
        if options.unsafeHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        if options.smartPunctuation { cmarkOptions |= CMARK_OPT_SMART }
        var bytes = Array(body.utf8)
        // Footnote definitions are hidden from cmark before it parses (it reads them as link definitions).
        var footnotes: [FootnoteSource.Definition]?
        if options.extensions.contains(.footnotes), let found = FootnoteSource.rewrite(bytes) {
            bytes = found.bytes
            footnotes = found.definitions
        }
        guard let document = CmarkNodes.parse(bytes, options: cmarkOptions) else {
            return RenderedPage(html: "", headings: [], links: [], sections: [], leadingTitle: nil, wordCount: 0)
        }
        defer { cmark_node_free(document) }

        var layer = GitHubLayer.Result()
        if !options.extensions.isEmpty {
            layer = GitHubLayer(extensions: options.extensions, labels: options.labels, siteMarkup: options.decorateHeadings,
                                cmarkOptions: cmarkOptions).apply(to: document, source: bytes, footnotes: footnotes)
        }
        var walk = TreeWalk(lineOffset: firstLine - 1, decorate: options.decorateHeadings,
                            rowLines: layer.rowLines, headingIds: layer.headingIds)
        walk.visit(document)
        walk.links = Self.characterColumns(walk.links, bytes: bytes, lineOffset: firstLine - 1)
        if let footnotes { walk.links = Self.shiftColumns(walk.links, definitions: footnotes, lineOffset: firstLine - 1) }

        // Links first: decorating a heading frees its node, and any link inside it.
        if let rewrite {
            for (node, isImage) in walk.linkNodes {
                guard let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                      let replacement = rewrite(url, isImage) else { continue }
                cmark_node_set_url(node, replacement)
            }
        }

        var leadingTitle: String?
        if options.decorateHeadings {
            leadingTitle = liftLeadingTitle(document, walk: &walk)
            decorateHeadings(walk.headingNodes, headings: walk.headings, cmarkOptions: cmarkOptions)
            FocusableCodeBlocks.apply(to: walk.codeBlockNodes, cmarkOptions: cmarkOptions)
        }
        guard let rendered = cmark_render_html(document, cmarkOptions) else {
            return RenderedPage(html: "", headings: [], links: [], sections: [], leadingTitle: nil, wordCount: 0)
        }
        let html = String(cString: rendered)
        free(rendered)
        let problems = layer.problems.map { p -> MarkdownProblem in
            var p = p
            p.line += firstLine - 1
            return p
        }
        return RenderedPage(html: html, headings: walk.headings, links: walk.links, sections: walk.sections.finished(),
                            leadingTitle: leadingTitle, wordCount: walk.wordCount, problems: problems)
    }

    /// cmark counts columns in bytes; editors count characters, and Cyrillic takes two bytes each.
    private static func characterColumns(_ links: [OutgoingLink], bytes: [UInt8], lineOffset: Int) -> [OutgoingLink] {
        guard !links.isEmpty else { return links }
        var lineStarts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
        return links.map { link in
            var link = link
            let line = link.line - lineOffset - 1
            guard link.column > 1, line >= 0, line < lineStarts.count else { return link }
            let start = lineStarts[line], end = min(start + link.column - 1, bytes.count)
            link.column = 1 + String(decoding: bytes[start..<end], as: UTF8.self).count
            return link
        }
    }

    /// A footnote's first line lost its `[^label]:` marker before cmark saw it: columns on it move back.
    private static func shiftColumns(_ links: [OutgoingLink], definitions: [FootnoteSource.Definition],
                                     lineOffset: Int) -> [OutgoingLink] {
        let shifts = Dictionary(definitions.map { ($0.line + lineOffset, $0.columnShift) }, uniquingKeysWith: { a, _ in a })
        return links.map { link in
            guard link.column > 0, let shift = shifts[link.line] else { return link }
            var link = link
            link.column += shift
            return link
        }
    }

    /// A body that opens with `# Title` repeats what the layout already prints as the page title.
    private func liftLeadingTitle(_ document: OpaquePointer, walk: inout TreeWalk) -> String? {
        guard let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
              cmark_node_get_heading_level(first) == 1, let index = walk.headingNodes.firstIndex(of: first) else {
            return nil
        }
        let title = walk.headings[index].text
        walk.headingNodes.remove(at: index)
        walk.headings.remove(at: index)
        walk.sections.dropHeading(anchorOf: title)
        cmark_node_unlink(first)
        cmark_node_free(first)
        return title
    }

    /// Swaps each heading for a custom block holding cmark's own rendering of it, with an id
    /// and a permalink added: the inline content is still rendered (and sanitised) by cmark.
    private func decorateHeadings(_ nodes: [OpaquePointer], headings: [Heading], cmarkOptions: Int32) {
        let label = options.permalinkLabel.htmlEscaped
        for (node, heading) in zip(nodes, headings) {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let rendered = cmark_render_html(node, cmarkOptions) else {
                continue
            }
            var html = String(cString: rendered)
            free(rendered)
            let level = heading.level
            let open = "<h\(level)>", close = "</h\(level)>\n"
            guard html.hasPrefix(open), html.hasSuffix(close) else { continue }
            html = String(html.dropFirst(open.count).dropLast(close.count))
            // The anchor is ASCII [A-Za-z0-9_-] by construction (Slug, HeadingIds), so it needs no escaping.
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(heading.anchor)\">\(html)"
                + " <a class=\"permalink\" href=\"#\(heading.anchor)\" aria-label=\"\(label)\">#</a></h\(level)>")
            cmark_node_set_on_exit(block, "")
            cmark_node_insert_before(node, block)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }
}

/// One pass over the tree collecting headings, links and plain text.
private struct TreeWalk {
    let lineOffset: Int
    let decorate: Bool
    /// Lines of table rows (custom nodes have none of their own) and anchors fixed by `{#id}`.
    let rowLines: [OpaquePointer: Int]
    let headingIds: [OpaquePointer: String]
    var headings: [Heading] = []
    var headingNodes: [OpaquePointer] = []
    var links: [OutgoingLink] = []
    var linkNodes: [(OpaquePointer, Bool)] = []
    var codeBlockNodes: [OpaquePointer] = []
    var sections = SectionText()
    var wordCount = 0
    private var anchors = AnchorAllocator()

    init(lineOffset: Int, decorate: Bool, rowLines: [OpaquePointer: Int] = [:], headingIds: [OpaquePointer: String] = [:]) {
        self.lineOffset = lineOffset
        self.decorate = decorate
        self.rowLines = rowLines
        self.headingIds = headingIds
    }

    mutating func visit(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var headingDepth = 0
        var headingText = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                if entering {
                    headingDepth += 1
                    headingText = ""
                } else {
                    headingDepth -= 1
                    let text = headingText.trimmedWhitespace
                    let anchor = headingIds[node].map { anchors.allocate(fixed: $0) } ?? anchors.allocate(for: text)
                    let level = Int(cmark_node_get_heading_level(node))
                    headings.append(Heading(level: level, text: text, anchor: anchor, line: line(of: node)))
                    headingNodes.append(node)
                    sections.startSection(anchor: anchor, heading: text, level: level)
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let pointer = cmark_node_get_literal(node) else { break }
                // Words counted on cmark's bytes, before the text becomes a String.
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(pointer))
                let literal = String(decoding: bytes, as: UTF8.self)
                if headingDepth > 0 { headingText += literal } else { sections.append(literal) }
                wordCount += Self.words(in: bytes)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if headingDepth > 0 { headingText += " " } else { sections.append(" ") }
            case CMARK_NODE_CODE_BLOCK:
                if decorate { codeBlockNodes.append(node) }
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                sections.append(literal)
                sections.endBlock()
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE:
                if !entering { sections.endBlock() }
            case CMARK_NODE_CUSTOM_INLINE:
                // Table cells: their text is searchable, with a space between cells instead of a pipe.
                if !entering, headingDepth == 0, cmark_node_next(node) != nil, CmarkNodes.isTableCell(node) { sections.append(" ") }
            case CMARK_NODE_CUSTOM_BLOCK:
                if !entering, CmarkNodes.isTableRow(node) { sections.endBlock() }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard entering else { continue }
                let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let hasText = cmark_node_first_child(node) != nil
                links.append(OutgoingLink(destination: url, line: line(of: node), column: column(of: node),
                                          isImage: isImage, hasText: hasText))
                linkNodes.append((node, isImage))
            default:
                break
            }
        }
    }

    /// Counts runs of non-space bytes: a Character-level split is needlessly slow on every text node.
    private static func words(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for b in bytes {
            let space = b == 0x20 || b == 0x0A || b == 0x09
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    private func line(of node: OpaquePointer) -> Int {
        CmarkNodes.line(of: node, known: rowLines).line + lineOffset
    }

    /// 0 (unknown) inside a table: cells were parsed on their own, so cmark's column is not the file's.
    private func column(of node: OpaquePointer) -> Int {
        let c = Int(cmark_node_get_start_column(node))
        guard c > 0, !CmarkNodes.line(of: node, known: rowLines).inTable else { return 0 }
        return c
    }
}

/// Accumulates plain text per heading section, one line per block.
private struct SectionText {
    private var done: [SearchSection] = []
    /// The section being written: its heading, and its text grown in place.
    private var current = SearchSection(anchor: "", heading: "", level: 0, text: "")
    private var text = ""

    mutating func append(_ s: String) { text += s }

    mutating func endBlock() {
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    }

    mutating func startSection(anchor: String, heading: String, level: Int) {
        finishCurrent()
        current = SearchSection(anchor: anchor, heading: heading, level: level, text: "")
    }

    /// The lifted `# Title` is the page title: the text under it is the page's introduction.
    mutating func dropHeading(anchorOf heading: String) {
        if let i = done.firstIndex(where: { $0.heading == heading && $0.level == 1 }) {
            done[i] = SearchSection(anchor: "", heading: "", level: 0, text: done[i].storedText)
        } else if current.heading == heading && current.level == 1 {
            current = SearchSection(anchor: "", heading: "", level: 0, text: "")
        }
    }

    private mutating func finishCurrent() {
        current.text = text.trimmedWhitespace
        text = ""
        if !current.storedText.isEmpty || current.level > 0 { done.append(current) }
    }

    mutating func finished() -> [SearchSection] {
        finishCurrent()
        current = SearchSection(anchor: "", heading: "", level: 0, text: "")
        return done.filter { $0.level > 0 || !$0.storedText.isEmpty }
    }
}

extension String {
    /// Trims spaces and line breaks by looking only at the ends (Foundation's trimming converts the whole string).
    package var trimmedWhitespace: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    /// Escapes the five characters that matter in HTML text and attribute values.
    public var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
