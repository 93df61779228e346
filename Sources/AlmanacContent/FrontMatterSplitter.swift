import AlmanacCore
/// Cuts a Markdown file into its front matter and its body, keeping line numbers: YAML between
/// `---` fences, or TOML between `+++` fences as Hugo writes it.
package struct FrontMatterSplitter {
    package struct Parts {
        /// The YAML between the fences, or nil when the file has no front matter.
        package var yaml: String?
        /// 1-based line of the opening fence (0 without front matter).
        package var fenceLine: Int
        package var body: String
        /// 1-based line where the body starts.
        package var bodyLine: Int
        /// Set when the opening fence is never closed.
        package var unterminated: Bool
        /// The front matter is TOML (`+++`), not YAML; `yaml` then holds the TOML text.
        package var isTOML = false
    }

    /// `text` must already be LF-only and without a BOM.
    package static func split(_ text: String) -> Parts {
        let toml = text.hasPrefix("+++")
        let fence: Character = toml ? "+" : "-"
        guard text.hasPrefix("---") || toml, let firstNewline = text.firstIndex(of: "\n"),
              text[..<firstNewline].allSatisfy({ $0 == fence || $0 == " " || $0 == "\t" }),
              text[..<firstNewline].filter({ $0 == fence }).count == 3 else {
            return Parts(yaml: nil, fenceLine: 0, body: text, bodyLine: 1, unterminated: false)
        }
        var line = 2
        var lineStart = text.index(after: firstNewline)
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let content = text[lineStart..<lineEnd].trimmingTrailingWhitespace()
            if toml ? content == "+++" : (content == "---" || content == "...") {
                let yaml = String(text[text.index(after: firstNewline)..<lineStart])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return Parts(yaml: yaml, fenceLine: 1, body: String(text[bodyStart...]), bodyLine: line + 1,
                             unterminated: false, isTOML: toml)
            }
            line += 1
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        // Without a closing fence we cannot know where YAML ends: treat the rest as body so the
        // page still renders in previews, and report the error.
        return Parts(yaml: nil, fenceLine: 1, body: String(text[text.index(after: firstNewline)...]), bodyLine: 2,
                     unterminated: true, isTOML: toml)
    }
}

extension Substring {
    package func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)].unicodeScalars.first, c == " " || c == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
