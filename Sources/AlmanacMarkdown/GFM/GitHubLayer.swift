import CCmark
import AlmanacCore

/// GitHub-flavoured Markdown as a layer over cmark 0.30's tree: block passes first (tables,
/// footnote definitions, callouts), then inline passes over the text nodes (footnote
/// references, task lists, strikethrough, autolinks). Every pass walks the tree with cmark's
/// iterator, once, so the cost stays linear in the page and deep nesting costs no stack.
package struct GitHubLayer {
    package let extensions: MarkdownExtensions
    package let labels: ExtensionLabels
    /// The site's own markup (scroll containers, accessible names, heading ids); off, the
    /// output is cmark-gfm's byte for byte.
    package let siteMarkup: Bool
    package let cmarkOptions: Int32

    package struct Result {
        /// Body line of each table row, for links in cells.
        package var rowLines: [OpaquePointer: Int] = [:]
        /// `{#id}` the writer gave a heading.
        package var headingIds: [OpaquePointer: String] = [:]
        /// Body lines.
        package var problems: [MarkdownProblem] = []
    }

    package func apply(to document: OpaquePointer, source: [UInt8], footnotes: [FootnoteSource.Definition]?) -> Result {
        var result = Result()
        if extensions.contains(.tables), SourceLines.contains(UInt8(ascii: "|"), in: source) {
            let pass = TablePass(options: cmarkOptions, wrap: siteMarkup, label: labels.table)
            result.rowLines = pass.apply(to: document, source: SourceLines(source))
        }
        // cmark leaves `[`, `^1`, `]` as separate text nodes; the inline passes read whole runs.
        cmark_consolidate_text_nodes(document)
        if siteMarkup && extensions.contains(.headingIds) {
            result.headingIds = HeadingIds.extract(from: document)
        }
        if let footnotes {
            FootnotePass(labels: labels, siteMarkup: siteMarkup)
                .apply(to: document, definitions: footnotes, known: result.rowLines, problems: &result.problems)
        }
        if extensions.contains(.callouts) { Callouts.apply(to: document, labels: labels) }
        if extensions.contains(.taskLists) { TaskListPass(labels: siteMarkup ? labels : nil).apply(to: document) }
        if extensions.contains(.strikethrough) { StrikethroughPass().apply(to: document) }
        if extensions.contains(.autolinks) { AutolinkPass().apply(to: document) }
        return result
    }
}
