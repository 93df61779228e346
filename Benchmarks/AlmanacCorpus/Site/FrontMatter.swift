/// YAML front matter in the form both Almanac and Hugo read.
enum FrontMatter {
    static func write(into out: inout TextBuffer, title: String, description: String, tags: [String] = [],
                      weight: Int? = nil, date: String? = nil) {
        out.raw("---\ntitle: ")
        out.raw(quoted(title))
        out.raw("\ndescription: ")
        out.raw(quoted(description))
        if !tags.isEmpty {
            out.raw("\ntags: [")
            out.raw(tags.joined(separator: ", "))
            out.raw("]")
        }
        if let weight {
            out.raw("\nweight: ")
            out.appendDecimal(weight)
        }
        if let date {
            out.raw("\ndate: ")
            out.raw(date)
        }
        out.raw("\n---")
        out.endBlock()
    }

    /// A double-quoted YAML scalar; the corpus never writes control characters.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
