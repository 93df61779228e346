/// The same paragraph of a dozen words or more, twice within a page or on two pages: usually a
/// copy that will be corrected in one place and forgotten in the other.
///
/// Linear in the size of the site: each paragraph is normalised (case, whitespace, Markdown
/// emphasis) and looked up in one hash table.
enum RepeatedParagraphs {
    static let minimumWords = 12

    struct Paragraph: Sendable {
        var text: String
        var line: Int
    }

    static func check(_ pages: [Page]) -> [Diagnostic] {
        var first: [String: (file: String, line: Int)] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages {
            for paragraph in paragraphs(of: page.source.body, firstLine: page.source.bodyLine) {
                let key = SiteLint.fold(paragraph.text)
                guard key.split(separator: " ").count >= minimumWords else { continue }
                let here = (file: page.source.sourcePath, line: paragraph.line)
                guard let earlier = first[key] else {
                    first[key] = here
                    continue
                }
                diagnostics.append(.warning(
                    "абзац повторяет абзац из \(earlier.file):\(earlier.line)", file: here.file, line: here.line,
                    code: "repeated-paragraph",
                    hint: "оставьте текст в одном месте и поставьте на него ссылку, иначе правка попадёт только в одну копию"))
            }
        }
        return diagnostics
    }

    /// Blocks of text separated by blank lines, with the file line each starts on; fenced code,
    /// headings, tables and HTML are left out (code and tables repeat legitimately).
    static func paragraphs(of body: String, firstLine: Int) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: [Substring] = []
        var start = 0
        var fence: Substring?
        func flush() {
            if !current.isEmpty { result.append(Paragraph(text: current.joined(separator: " "), line: start)) }
            current = []
        }
        var lineNumber = firstLine - 1
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                fence = line.prefix(3)
                continue
            }
            if line.isEmpty || line.allSatisfy({ $0 == "\r" }) || line.hasPrefix("#") || line.hasPrefix("|")
                || line.hasPrefix("<") {
                flush()
                continue
            }
            // A list item or quote line starts a block of its own.
            let marker = listMarker(line)
            if marker != nil { flush() }
            if current.isEmpty { start = lineNumber }
            current.append(marker.map { line.dropFirst($0) } ?? line)
        }
        flush()
        return result
    }

    /// Length of a leading `- `, `* `, `+ `, `1. `, `1) ` or `> `.
    private static func listMarker(_ line: Substring) -> Int? {
        if let c = line.first, "-*+>".contains(c), line.dropFirst().first == " " { return 2 }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count < 10 {
            let rest = line.dropFirst(digits.count)
            if let c = rest.first, c == "." || c == ")", rest.dropFirst().first == " " { return digits.count + 2 }
        }
        return nil
    }

}
