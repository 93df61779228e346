import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// The same paragraph of a dozen words or more, twice within a page or on two pages: usually a
/// copy that will be corrected in one place and forgotten in the other.
///
/// Linear in the size of the site: each paragraph is normalised (case, whitespace, Markdown
/// emphasis) and looked up in one hash table.
package enum RepeatedParagraphs {
    package static let minimumWords = 12

    package struct Paragraph: Sendable {
        package var text: String
        package var line: Int
    }

    package static func check(_ pages: [Page]) -> [Diagnostic] {
        check(pages, memo: nil).diagnostics
    }

    /// The memo holds each page's paragraph hashes by the hash of its body (`SourcePage.bodyHash`), for the build cache.
    package static func check(_ pages: [Page], memo: StageMemo<ParagraphHashes>?)
        -> (diagnostics: [Diagnostic], memo: StageMemo<ParagraphHashes>)
    {
        // Folding is per page and runs on every core; only a hash and a line per paragraph are
        // kept, so the whole site's text is never held twice. Equal hashes are confirmed on the
        // folded text itself before anything is reported.
        let context = ContentHash(combining: ["repeated-paragraphs 1", String(minimumWords)])
        let reusable = memo?.valid(for: context)
        let keyed = pages.concurrentMap { page -> (ContentHash, ParagraphHashes) in
            var hasher = ContentHasher()
            hasher.add(page.source.bodyHash)
            hasher.add(page.source.bodyLine)
            let key = hasher.finish()
            if let known = reusable?[key] { return (key, known) }
            return (key, ParagraphHashes(candidates(of: page).map { (ParagraphHashes.stable($0.key.bytes), $0.line) }))
        }
        let hashed = keyed.map { $0.1.entries.map { (hash: $0.hash, line: $0.line) } }
        let diagnostics = report(pages, hashed)
        return (diagnostics, StageMemo(context: context, entries: Dictionary(keyed, uniquingKeysWith: { a, _ in a })))
    }

    private static func report(_ pages: [Page], _ hashed: [[(hash: UInt64, line: Int)]]) -> [Diagnostic] {
        var first: [UInt64: [(page: Int, ordinal: Int)]] = [:]
        var folded: [Int: [(key: FoldedKey, line: Int)]] = [:]
        func text(_ page: Int, _ ordinal: Int) -> FoldedKey {
            if let known = folded[page] { return known[ordinal].key }
            let all = candidates(of: pages[page])
            folded[page] = all
            return all[ordinal].key
        }
        var diagnostics: [Diagnostic] = []
        for (p, paragraphs) in hashed.enumerated() {
            for (ordinal, paragraph) in paragraphs.enumerated() {
                let earlier = first[paragraph.hash]?.first { text($0.page, $0.ordinal) == text(p, ordinal) }
                guard let earlier else {
                    first[paragraph.hash, default: []].append((p, ordinal))
                    continue
                }
                let source = pages[earlier.page].source.sourcePath
                let line = hashed[earlier.page][earlier.ordinal].line
                diagnostics.append(.warning(
                    .repeatedParagraph(source: source, line: line), file: pages[p].source.sourcePath, line: paragraph.line,
                    code: .repeatedParagraph, hint: .keepOneCopy))
            }
        }
        return diagnostics
    }

    /// The page's paragraphs long enough to count, folded.
    private static func candidates(of page: Page) -> [(key: FoldedKey, line: Int)] {
        paragraphs(of: page.source.body, firstLine: page.source.bodyLine).compactMap { paragraph in
            let folded = FoldedText(paragraph.text)
            return folded.wordCount >= minimumWords ? (FoldedKey(bytes: folded.bytes), paragraph.line) : nil
        }
    }

    /// Blocks of text separated by blank lines, with the file line each starts on; fenced code,
    /// headings, tables and HTML are left out (code and tables repeat legitimately). Works on the
    /// UTF-8 bytes: every marker it looks for is ASCII.
    package static func paragraphs(of body: String, firstLine: Int) -> [Paragraph] {
        var body = body
        return body.withUTF8 { paragraphs(of: $0, firstLine: firstLine) }
    }

    private static func paragraphs(of text: UnsafeBufferPointer<UInt8>, firstLine: Int) -> [Paragraph] {
        let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var result: [Paragraph] = []
        var current: [UInt8] = []
        var hasLines = false
        var start = 0
        var fence: UInt8?
        func flush() {
            if hasLines { result.append(Paragraph(text: String(decoding: current, as: UTF8.self), line: start)) }
            current.removeAll(keepingCapacity: true)
            hasLines = false
        }
        var lineNumber = firstLine - 1
        var lineStart = 0
        while lineStart <= text.count {
            let lineEnd = text[lineStart...].firstIndex(of: newline) ?? text.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var from = lineStart
            while from < lineEnd, text[from] == space || text[from] == tab { from += 1 }
            let line = UnsafeBufferPointer(rebasing: text[from..<lineEnd])
            let opensFence = line.count >= 3 && (line[0] == 0x60 || line[0] == 0x7E) && line[1] == line[0] && line[2] == line[0]
            if let open = fence {
                if opensFence, line[0] == open { fence = nil }
                continue
            }
            if opensFence {
                flush()
                fence = line[0]
                continue
            }
            // blank (or only CRs), heading, table row, HTML
            if line.allSatisfy({ $0 == cr }) || line[0] == 0x23 || line[0] == 0x7C || line[0] == 0x3C {
                flush()
                continue
            }
            // A list item or quote line starts a block of its own.
            let marker = listMarker(line)
            if marker != nil { flush() }
            if !hasLines { start = lineNumber }
            if hasLines { current.append(space) }
            current.append(contentsOf: line[(marker ?? 0)...])
            hasLines = true
        }
        flush()
        return result
    }

    /// Length of a leading `- `, `* `, `+ `, `1. `, `1) ` or `> `.
    private static func listMarker(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let c = line.first else { return nil }
        if c == 0x2D || c == 0x2A || c == 0x2B || c == 0x3E { return line.count > 1 && line[1] == 0x20 ? 2 : nil }
        let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        if digits > 0, digits < 10, line.count > digits + 1, line[digits] == 0x2E || line[digits] == 0x29, line[digits + 1] == 0x20 {
            return digits + 2
        }
        return nil
    }
}
