/// What a Mustache template in templates/ says, once parsed: the nodes the engine renders.
///
/// The syntax is the one the theme has always been written in — the Mustache spec with
/// inheritance (`{{<base}}{{$main}}…{{/main}}{{/base}}`), set delimiters, `{{% CONTENT_TYPE: … }}`
/// and transforms (`{{uppercased(name)}}`, `{{#first()}}` inside a list) — and its whitespace rules
/// are those of swift-mustache, whose output the theme's pages were checked against: a test
/// renders every template of the theme and a generated set of odd ones through both and compares
/// them byte for byte (`TemplateEngineOracleTests`).
package struct CompiledTemplate: Sendable {
    package let nodes: [TemplateNode]

    package init(parsing text: String) throws(TemplateSyntaxError) {
        nodes = try TemplateParser.parse(text)
    }
}

package indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: replaces the parent's block.
    case blockDefinition(name: String, body: [TemplateNode])
    /// `{{$name}}default{{/name}}` anywhere else: a block a child template may replace.
    case block(name: String, fallback: [TemplateNode], indentation: String)
    /// `{{>name}}`, `{{>*name}}` (the name read from the context) or `{{<name}}…{{/name}}`; `line`
    /// is the tag's, for the writer (`TemplateCycles`).
    case partial(name: String, dynamic: Bool, indentation: String?, overrides: [String: [TemplateNode]]?, line: Int)
    /// `{{% CONTENT_TYPE: HTML }}`: how the variables after it are escaped.
    case contentType(TemplateContentType)
}

/// How `{{name}}` escapes its value: `HTML` (the default, and again at the start of every partial)
/// or `TEXT` (not at all).
package enum TemplateContentType: Sendable {
    case html, text

    init?(name: String) {
        switch name {
        case "HTML": self = .html
        case "TEXT": self = .text
        default: return nil
        }
    }
}

/// A name as a tag writes it, split once at parse time rather than at every lookup.
package struct TemplateName: Sendable {
    /// `.` (the current value), or the names to follow.
    package let path: [String]
    /// `{{.title}}`: looked up in the current value only, not down the stack.
    package let fromTop: Bool
    package let isCurrent: Bool
    /// `{{f(g(name))}}` holds `[f, g]`; they apply innermost first.
    package let transforms: [String]
    /// `{{index()}}`: a transform of the list item's position, not of a value.
    package let isPosition: Bool

    init(_ raw: String, transforms: [String]) {
        isPosition = raw.isEmpty && !transforms.isEmpty
        isCurrent = raw == "."
        fromTop = !isCurrent && raw.first == "."
        path = isCurrent ? [] : raw.split(separator: ".").map(String.init)
        self.transforms = transforms
    }
}

/// Why a template does not parse, and where (line and column from 1).
package struct TemplateSyntaxError: Error, Sendable {
    package enum Kind: Error, Sendable, Equatable {
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case transformAppliedToInheritanceSection
        case illegalTokenInsideInheritSection
        case invalidConfigVariableSyntax
        case unrecognisedConfigVariable
        /// The text ended inside a tag.
        case overflow
    }

    package let kind: Kind
    package let line: Int
    package let column: Int
}
