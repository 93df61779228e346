import AlmanacCore
/// Reply text with `{placeholders}`: the parts a specialist fills in before sending.
public enum PlaceholderText {
    public struct Segment: Sendable, Hashable {
        public var text: String
        /// The placeholder's name when this segment is one (`text` is then `{name}`, without the `?`
        /// of an optional one: readers see the name, the mark is the tool's business).
        public var placeholder: String?
        /// `{name?}`: the text reads well without it, so the tool may send it empty.
        public var optional: Bool = false

        public init(text: String, placeholder: String?, optional: Bool = false) {
            self.text = text
            self.placeholder = placeholder
            self.optional = optional
        }
    }

    /// `{имя}, здравствуйте` → [placeholder имя, text ", здравствуйте"]. Braces around anything
    /// other than a name (letters, digits, `_`) are ordinary text; a `?` right after the name
    /// (`{имя?}`) makes the placeholder optional, its name stays `имя`.
    public static func segments(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "{", let close = text[text.index(after: i)...].firstIndex(of: "}") {
                var name = text[text.index(after: i)..<close]
                let optional = name.hasSuffix("?")
                if optional { name = name.dropLast() }
                if !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    if !literal.isEmpty { segments.append(Segment(text: literal, placeholder: nil)) }
                    literal = ""
                    segments.append(Segment(text: "{\(name)}", placeholder: String(name), optional: optional))
                    i = text.index(after: close)
                    continue
                }
            }
            literal.append(text[i])
            i = text.index(after: i)
        }
        if !literal.isEmpty { segments.append(Segment(text: literal, placeholder: nil)) }
        return segments
    }

    public static func names(_ text: String) -> [String] {
        segments(text).compactMap(\.placeholder)
    }

    /// The placeholders a text may leave empty: every use of the name in it is `{name?}`.
    public static func optionalNames(_ text: String) -> Set<String> {
        var optional: Set<String> = []
        var required: Set<String> = []
        for s in segments(text) {
            guard let name = s.placeholder else { continue }
            if s.optional { optional.insert(name) } else { required.insert(name) }
        }
        return optional.subtracting(required)
    }
}

/// For types with a `placeholders` map: every placeholder used in the texts is declared,
/// and every declared one is used somewhere.
package struct PlaceholderRules {
    package let config: SiteConfig

    package func check(_ pages: [SourcePage]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in pages {
            let type = config.type(page.type)
            guard type.field("placeholders")?.kind == .map else { continue }
            let declared = page.frontMatter["placeholders"]?.value.entries ?? []
            var used: Set<String> = []
            for field in type.fields where field.kind == .text || (field.kind == .map && field.name != "placeholders") {
                guard let entry = page.frontMatter[field.name] else { continue }
                let texts: [(String, Int)] = field.kind == .text
                    ? [(entry.value.string ?? "", entry.line)]
                    : (entry.value.entries ?? []).map { ($0.value.string ?? "", $0.line) }
                for (text, line) in texts {
                    for name in PlaceholderText.names(text) {
                        used.insert(name)
                        if !declared.contains(where: { $0.key == name }) {
                            diagnostics.append(.warning(.placeholderNotDeclared(name: name), file: page.sourcePath,
                                                        line: line, code: .placeholder, hint: .declarePlaceholder(name: name)))
                        }
                    }
                }
            }
            for entry in declared where !used.contains(entry.key) {
                diagnostics.append(.warning(.placeholderUnused(name: entry.key), file: page.sourcePath,
                                            line: entry.line, code: .placeholder))
            }
        }
        return diagnostics
    }

    package init(config: SiteConfig) {
        self.config = config
    }
}
