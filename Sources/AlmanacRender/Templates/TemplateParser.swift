/// Reads a template's text into nodes.
///
/// It walks Characters (so `\r\n` is one line end, as it is for the reader of the file) and keeps
/// the whitespace rules templates were written against: a tag alone on its line ("standalone")
/// takes its line's indentation and line end with it; a standalone partial indents every line it
/// renders by the indentation of its tag. Some of those rules are odd — after a section closes,
/// whether the next line counts as new follows the section's opening tag, not its closing one —
/// and are kept so that a theme renders as it did.
enum TemplateParser {
    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var reader = Reader(Array(text))
        do {
            return try parse(&reader, state: State())
        } catch {
            let (line, column) = reader.location()
            throw TemplateSyntaxError(kind: error, line: line, column: column)
        }
    }

    private typealias Kind = TemplateSyntaxError.Kind

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`…
        var inParentCall = false
        /// …and not inside anything else in it, where `{{$name}}` defines a block.
        var atParentCallTop = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var parentCallIndent: ArraySlice<Character>?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.atParentCallTop = false
            if !newLine { state.newLine = false }
            return state
        }

        func parentCall(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.inParentCall = true
            state.atParentCallTop = true
            return state
        }
    }

    private static func parse(_ reader: inout Reader, state: State) throws(Kind) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = state
        var whitespaceBefore: [Character] = []
        while !reader.atEnd {
            if state.newLine {
                let whitespace = reader.read(while: { $0 == " " || $0 == "\t" })
                if state.inParentCall, !state.atParentCallTop {
                    // The first line inside a block of a parent call sets the indentation the
                    // block's other lines lose.
                    if let indent = state.parentCallIndent {
                        whitespaceBefore = Array(whitespace.dropFirst(indent.count))
                    } else {
                        state.parentCallIndent = whitespace
                    }
                } else {
                    whitespaceBefore = Array(whitespace)
                }
            }
            let text = try readText(&reader, state: state)
            if reader.current.isNewline {
                nodes.append(.text(String(whitespaceBefore + text + [reader.current])))
                state.newLine = true
                reader.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(String(whitespaceBefore + text)))
                whitespaceBefore = []
                state.newLine = false
            }
            if reader.atEnd { break }

            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(String(whitespaceBefore)))
                    whitespaceBefore = []
                }
            }
            var standalone = false
            switch reader.current {
            case "#", "^":
                let inverted = reader.current == "^"
                reader.advance()
                let (name, transforms) = try readName(&reader, state: state)
                if isStandalone(&reader, state: state) {
                    standalone = true
                } else {
                    flushWhitespace()
                }
                let body = try parse(&reader, state: state.section(name, newLine: standalone, transforms: transforms))
                nodes.append(.section(TemplateName(name, transforms: transforms), inverted: inverted, body: body))

            case "/":
                reader.advance()
                let position = reader.position
                let (name, transforms) = try readName(&reader, state: state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    reader.position = position
                    throw .sectionCloseNameIncorrect
                }
                if !isStandalone(&reader, state: state) { flushWhitespace() }
                return nodes

            case "!":
                reader.advance()
                try readComment(&reader, state: state)
                standalone = isStandalone(&reader, state: state)

            case "{":
                flushWhitespace()
                reader.advance()
                let (name, transforms) = try readName(&reader, state: state)
                guard try reader.read("}") else { throw .unfinishedName }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))

            case "&":
                flushWhitespace()
                reader.advance()
                let (name, transforms) = try readName(&reader, state: state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))

            case ">":
                let line = reader.location().line
                reader.advance()
                _ = reader.read(while: \.isWhitespace)
                var dynamic = false
                if reader.current == "*" {
                    reader.advance()
                    dynamic = true
                }
                let name = try readPartialName(&reader, state: state)
                // The indentation is written as text and also kept for the partial's other lines.
                if !whitespaceBefore.isEmpty { nodes.append(.text(String(whitespaceBefore))) }
                standalone = isStandalone(&reader, state: state)
                nodes.append(.partial(name: name, dynamic: dynamic,
                                      indentation: standalone ? String(whitespaceBefore) : nil, overrides: nil, line: line))
                whitespaceBefore = []

            case "<":
                let line = reader.location().line
                reader.advance()
                _ = reader.read(while: \.isWhitespace)
                let written = try readPartialName(&reader, state: state)
                let dynamic = written.first == "*"
                if !whitespaceBefore.isEmpty { nodes.append(.text(String(whitespaceBefore))) }
                standalone = isStandalone(&reader, state: state)
                let body = try parse(&reader, state: state.parentCall(written))
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let name, let nodes): overrides[name] = nodes
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                nodes.append(.partial(name: dynamic ? String(written.dropFirst()) : written, dynamic: dynamic,
                                      indentation: String(whitespaceBefore), overrides: overrides, line: line))
                whitespaceBefore = []

            case "$":
                reader.advance()
                let (name, transforms) = try readName(&reader, state: state)
                guard transforms.isEmpty else { throw .transformAppliedToInheritanceSection }
                if state.atParentCallTop {
                    standalone = isStandalone(&reader, state: state)
                    let body = try parse(&reader, state: state.section(name, newLine: standalone))
                    nodes.append(.blockDefinition(name: name, body: body))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(String(whitespaceBefore))) }
                    standalone = isStandalone(&reader, state: state)
                    let body = try parse(&reader, state: state.section(name, newLine: standalone))
                    nodes.append(.block(name: name, fallback: body, indentation: String(whitespaceBefore)))
                    whitespaceBefore = []
                }

            case "=":
                reader.advance()
                (state.start, state.end) = try readDelimiters(&reader, state: state)
                state.atParentCallTop = false
                standalone = isStandalone(&reader, state: state)

            case "%":
                reader.advance()
                nodes.append(.contentType(try readPragma(&reader, state: state)))
                standalone = isStandalone(&reader, state: state)

            default:
                flushWhitespace()
                let (name, transforms) = try readName(&reader, state: state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return nodes
    }

    /// Text up to a line end (not taken) or an opening delimiter (taken).
    private static func readText(_ reader: inout Reader, state: State) throws(Kind) -> [Character] {
        guard let first = state.start.first else { return [] }
        var text: [Character] = []
        while !reader.atEnd {
            text += reader.read(while: { $0 != "\n" && $0 != "\r\n" && $0 != first })
            if reader.atEnd || reader.current.isNewline { break }
            if try reader.read(state.start) { break }
            text.append(first)
            reader.advance()
        }
        return text
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithCalls = nameCharacters.union("()")
    private static let partialNameCharacters = nameCharactersWithCalls.union("/")

    /// A tag's name up to the closing delimiter, and the transforms wrapped around it.
    private static func readName(_ reader: inout Reader, state: State) throws(Kind) -> (String, [String]) {
        _ = reader.read(while: \.isWhitespace)
        let text = reader.read(while: { nameCharactersWithCalls.contains($0) })
        _ = reader.read(while: \.isWhitespace)
        guard try reader.read(state.end) else { throw .unfinishedName }

        var name = Reader(text)
        let head = name.read(while: { nameCharacters.contains($0) })
        if name.atEnd { return (String(text), []) }
        guard name.current == "(" else { throw .unfinishedName }
        name.advance()
        var transforms = [String(head)]
        while true {
            let inner = name.read(while: { nameCharacters.contains($0) })
            switch name.current {
            case ")":
                name.advance()
                // One `)` for every transform opened.
                guard name.read(while: { $0 == ")" }).count + 1 == transforms.count, name.atEnd else {
                    throw .unfinishedName
                }
                return (String(inner), transforms)
            case "(":
                name.advance()
                transforms.append(String(inner))
            default:
                throw .unfinishedName
            }
        }
    }

    private static func readPartialName(_ reader: inout Reader, state: State) throws(Kind) -> String {
        _ = reader.read(while: \.isWhitespace)
        let text = reader.read(while: { partialNameCharacters.contains($0) })
        _ = reader.read(while: \.isWhitespace)
        guard try reader.read(state.end) else { throw .unfinishedName }
        return String(text)
    }

    /// Up to and past the closing delimiter. The match does not back up: a delimiter whose
    /// first character repeats inside it is found as the template library found it.
    private static func readComment(_ reader: inout Reader, state: State) throws(Kind) {
        var matched = 0
        let start = reader.position
        while !reader.atEnd {
            if reader.current == state.end[matched] {
                matched += 1
                if matched == state.end.count {
                    reader.advance()
                    return
                }
            } else {
                matched = 0
            }
            reader.advance()
        }
        reader.position = start
        throw .overflow
    }

    private static func readDelimiters(_ reader: inout Reader, state: State) throws(Kind) -> ([Character], [Character]) {
        _ = reader.read(while: \.isWhitespace)
        guard let start = reader.read(until: \.isWhitespace) else { throw .invalidSetDelimiter }
        _ = reader.read(while: \.isWhitespace)
        guard let end = reader.read(until: { $0 == "=" || $0.isWhitespace }) else { throw .invalidSetDelimiter }
        _ = reader.read(while: \.isWhitespace)
        guard try reader.read("=") else { throw .invalidSetDelimiter }
        guard try reader.read(state.end) else { throw .invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw .invalidSetDelimiter }
        return (Array(start), Array(end))
    }

    private static func readPragma(_ reader: inout Reader, state: State) throws(Kind) -> TemplateContentType {
        _ = reader.read(while: \.isWhitespace)
        let variable = reader.read(while: { nameCharacters.contains($0) })
        _ = reader.read(while: \.isWhitespace)
        guard !reader.atEnd, reader.current == ":" else { throw .invalidConfigVariableSyntax }
        reader.advance()
        _ = reader.read(while: \.isWhitespace)
        let value = reader.read(while: { nameCharacters.contains($0) })
        _ = reader.read(while: \.isWhitespace)
        guard (try? reader.read(state.end)) == true else { throw .invalidConfigVariableSyntax }
        guard !variable.isEmpty, !value.isEmpty else { throw .invalidConfigVariableSyntax }
        guard String(variable) == "CONTENT_TYPE", let type = TemplateContentType(name: String(value)) else {
            throw .unrecognisedConfigVariable
        }
        return type
    }

    /// A tag alone on its line: only spaces and tabs after it up to the line end, which is taken.
    private static func isStandalone(_ reader: inout Reader, state: State) -> Bool {
        guard state.newLine else { return false }
        if reader.atEnd { return true }
        var ahead = reader
        _ = ahead.read(while: { $0 == " " || $0 == "\t" })
        guard ahead.current.isNewline else { return false }
        ahead.advance()
        reader.position = ahead.position
        return true
    }
}

/// A cursor over a template's Characters.
private struct Reader {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }
    init(_ characters: ArraySlice<Character>) { self.characters = Array(characters) }

    var atEnd: Bool { position == characters.count }
    /// NUL at the end, as a character no test matches.
    var current: Character { atEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }

    mutating func read(while matches: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while position < characters.count, matches(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    /// Up to the first character that matches, or nil (and nothing read) if none does.
    mutating func read(until matches: (Character) -> Bool) -> ArraySlice<Character>? {
        let start = position
        while position < characters.count {
            if matches(characters[position]) { return characters[start..<position] }
            position += 1
        }
        position = start
        return nil
    }

    /// Reads `expected` if it comes next; the text ending before it is an unfinished tag.
    mutating func read(_ expected: [Character]) throws(TemplateSyntaxError.Kind) -> Bool {
        guard !expected.isEmpty else { return true }
        guard characters.count - position >= expected.count else { throw .overflow }
        guard characters[position..<position + expected.count].elementsEqual(expected) else { return false }
        position += expected.count
        return true
    }

    mutating func read(_ expected: Character) throws(TemplateSyntaxError.Kind) -> Bool {
        try read([expected])
    }

    /// Line and column (from 1) of the cursor: lines counted by the line ends before it, the
    /// column from the last `\n`.
    func location() -> (line: Int, column: Int) {
        var column = 0, index = position
        while index > 0 {
            index -= 1
            if characters[index] == "\n" { break }
            column += 1
        }
        // Counted as the template library counted them: the line ends joined into one string, in
        // which a `\r` followed by a `\n` from a later line end reads as one.
        let line = String(characters[..<position].filter(\.isNewline)).count + 1
        return (line, column + 1)
    }
}
