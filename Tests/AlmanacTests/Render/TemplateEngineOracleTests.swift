import Foundation
import Mustache
import Testing
@testable import Almanac

/// The theme is rendered by our own engine (`AlmanacRender/Templates`), which replaced the
/// template library the theme and writers' templates were written for. The library stays here as
/// the oracle: the same templates and contexts through both must give the same bytes, for every
/// page of the bundled knowledge base and of the fixture sites, and for a few thousand generated
/// templates made of every kind of tag, whitespace and mistake — with the same error, line and
/// column when a template does not parse.
@Suite struct TemplateEngineOracleTests {
    // MARK: Whole sites

    @Test(arguments: [("", false), ("", true), ("typed", false), ("publishing", false), ("import-hugo", false), ("basic", true)])
    func everyPageOfASiteRendersAsTheLibraryRenderedIt(_ fixture: String, offline: Bool) throws {
        let directory = fixture.isEmpty ? SharedMaterial.repositoryRoot : Fixtures.site(fixture)
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let result = Build.run(BuildOptions(siteDirectory: directory, output: out, offline: offline))
        let site = try #require(result.site)
        let ours = try #require(Theme.load(siteDirectory: directory, language: site.config.language).0)
        var theirs = ours
        theirs.library = try MustacheOracle(templates: directory.appendingPathComponent("templates"))

        let renderers = [ThemeRenderer(theme: ours), ThemeRenderer(theme: theirs)]
        let outputs = renderers.map { renderer in
            let sidebars = renderer.lazySidebars(site)
            let files = renderer.deferredPages(site, sidebars: sidebars) + renderer.generatedPages(site, sidebars: sidebars)
            return files.map { ($0.path, $0.text()) }
        }
        #expect(outputs[0].count == outputs[1].count)
        #expect(outputs[0].count > 5, "the site rendered pages")
        var differing: [String] = []
        for (mine, oracle) in zip(outputs[0], outputs[1]) where mine.0 != oracle.0 || mine.1 != oracle.1 {
            differing.append(mine.0)
            if differing.count == 1 { Self.recordFirstDifference(mine.1, oracle.1, path: mine.0) }
        }
        #expect(differing.isEmpty, "\(differing.count) pages differ: \(differing.prefix(5))")
    }

    // MARK: Generated templates

    @Test func generatedTemplatesRenderAndFailAsTheLibraryDoes() throws {
        var generator = TemplateGenerator(seed: 0x5EED)
        let partials = TemplateGenerator.partials
        var mustachePartials: [String: MustacheTemplate] = [:]
        var ourPartials: [String: CompiledTemplate] = [:]
        for (name, text) in partials {
            mustachePartials[name] = try MustacheTemplate(string: text)
            ourPartials[name] = try CompiledTemplate(parsing: text)
        }
        var parsed = 0, refused = 0, mismatches: [String] = []
        // One instance for both: a dictionary's order (seen when a template prints an object) is its own.
        let root = OracleContext.root
        for _ in 0..<4000 {
            let text = generator.template()
            let theirs: Result<MustacheTemplate, MustacheTemplate.ParserError>
            do { theirs = .success(try MustacheTemplate(string: text)) } catch let error as MustacheTemplate.ParserError {
                theirs = .failure(error)
            }
            let mine = Result<CompiledTemplate, TemplateSyntaxError> { () throws(TemplateSyntaxError) in try CompiledTemplate(parsing: text) }
            switch (theirs, mine) {
            case (.success(let template), .success(let compiled)):
                parsed += 1
                var library = MustacheLibrary(templates: mustachePartials)
                library.register(template, named: "t")
                var ours = TemplateLibrary(templates: ourPartials)
                ours.register(compiled, named: "t")
                let expected = library.render(MustacheOracle.bridge(root) as Any, withTemplate: "t")
                let actual = ours.render(root, withTemplate: "t")
                if expected != actual { mismatches.append("render \(text.debugDescription): \(actual.debugDescription) ≠ \(expected.debugDescription)") }
            case (.failure(let error), .failure(let failure)):
                refused += 1
                let same = "\(error.error)" == "\(failure.kind)" && error.context.lineNumber == failure.line
                    && error.context.columnNumber == failure.column
                if !same {
                    mismatches.append("error \(text.debugDescription): \(failure.kind) \(failure.line):\(failure.column) ≠ "
                                      + "\(error.error) \(error.context.lineNumber):\(error.context.columnNumber)")
                }
            case (.success, .failure(let failure)):
                mismatches.append("refused \(text.debugDescription) (\(failure.kind)), the library parses it")
            case (.failure(let error), .success):
                mismatches.append("parsed \(text.debugDescription), the library refuses it (\(error.error))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of 4000 differ; first: \(mismatches.prefix(3).map { $0.prefix(600) })")
        // The generator must exercise both sides: templates that render and templates that fail.
        #expect(parsed > 1500 && refused > 200, "parsed \(parsed), refused \(refused)")
    }

    @Test func theSpecsWhitespaceCasesRenderAsTheLibraryRendersThem() throws {
        // Hand-picked: standalone tags with CRLF, indented partials and blocks, delimiters.
        let cases = [
            "  {{#b}}\r\n  x\r\n  {{/b}}\r\n", "|\r\n{{#b}}\r\n{{/b}}\r\n|", "  {{>p1}}\n", "\t{{>p2}}\r\n>",
            "{{<parent}}\n  {{$body}}\n    one\n    two\n  {{/body}}\n{{/parent}}\n", "{{=<% %>=}}\n<% v %>\n<%={{ }}=%>{{v}}",
            "a{{! comment\n over lines }}b\n  {{! standalone }}\nc", "{{#list}}{{index()}}{{#first()}}F{{/first()}}{{/list}}",
            "{{% CONTENT_TYPE: TEXT }}\n{{v}}{{>p1}}", "{{#obj}}{{.name}}{{name}}{{v}}{{/obj}}", "{{^empty}}none{{/empty}}",
            "{{uppercased(v)}}{{count(list)}}{{#empty(empty)}}E{{/empty(empty)}}{{reversed(v)}}", "x {{$block}}\n  y\n{{/block}}",
        ]
        var library = MustacheLibrary()
        var ours = TemplateLibrary()
        for (name, text) in TemplateGenerator.partials {
            library.register(try MustacheTemplate(string: text), named: name)
            ours.register(try CompiledTemplate(parsing: text), named: name)
        }
        for text in cases {
            library.register(try MustacheTemplate(string: text), named: "t")
            ours.register(try CompiledTemplate(parsing: text), named: "t")
            #expect(ours.render(OracleContext.root, withTemplate: "t")
                    == library.render(MustacheOracle.bridge(OracleContext.root) as Any, withTemplate: "t"), "\(text.debugDescription)")
        }
    }

    /// A block that holds itself, or a partial that includes itself whatever the data: the library
    /// recursed until the stack ran out and the build crashed; the engine stops at a depth no theme
    /// reaches.
    @Test func aTemplateThatIncludesItselfStops() throws {
        var library = TemplateLibrary()
        library.register(try CompiledTemplate(parsing: "<{{$body}}default{{/body}}>"), named: "parent")
        library.register(try CompiledTemplate(parsing: "{{<parent}}{{$body}}[{{$body}}x{{/body}}]{{/body}}{{/parent}}"), named: "t")
        library.register(try CompiledTemplate(parsing: "({{>self}})"), named: "self")
        let blocks = try #require(library.render(OracleContext.root, withTemplate: "t"))
        #expect(blocks.hasPrefix("<[[[") && blocks.hasSuffix("]]]>"))
        let partials = try #require(library.render(OracleContext.root, withTemplate: "self"))
        #expect(partials.hasPrefix("((((") && partials.count == 2 * (TemplateLibrary.maximumDepth + 1))
    }

    /// Where the engine goes further than the library: `{{>*name}}` takes the partial our text
    /// values name (the library looked for a Swift `String`, which no context of ours holds).
    @Test func aDynamicPartialTakesTheNameATextHolds() throws {
        var library = TemplateLibrary()
        library.register(try CompiledTemplate(parsing: "[{{v}}]"), named: "inline")
        library.register(try CompiledTemplate(parsing: "{{>*kind}}|{{>*missing}}|{{>*n}}"), named: "t")
        let context = OracleContext(values: ["kind": TemplateText("inline"), "v": TemplateText("<x>"), "n": 3])
        #expect(library.render(context, withTemplate: "t") == "[&lt;x&gt;]||")
    }

    private static func recordFirstDifference(_ mine: String, _ oracle: String, path: String) {
        let a = Array(mine.utf8), b = Array(oracle.utf8)
        let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let window = { (bytes: [UInt8]) in String(decoding: bytes[max(0, at - 80)..<min(bytes.count, at + 80)], as: UTF8.self) }
        Issue.record("\(path) first differs at byte \(at):\nours:   \(window(a))\noracle: \(window(b))")
    }
}

// MARK: - The library as an engine, and our values as it sees them

/// The template library behind `TemplateRendering`, reading the same template files. Our values
/// reach it through `bridge`: a text as the library's custom-renderable, an object as a
/// `MustacheParent` whose children are bridged in turn, a list as an array of bridged items.
struct MustacheOracle: TemplateRendering {
    let library: MustacheLibrary

    init(templates root: URL) throws {
        var templates: [String: MustacheTemplate] = [:]
        for folder in ["layouts", "partials"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".mustache") {
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            }
        }
        library = MustacheLibrary(templates: templates)
    }

    func render(_ context: Any, withTemplate name: String) -> String? {
        library.render(Self.bridge(context) as Any, withTemplate: name)
    }

    static func bridge(_ value: Any?) -> Any? {
        guard let value else { return nil }
        if let text = value as? TemplateText { return Text(text: text) }
        if value is Bool || value is Int || value is Double || value is String { return value }
        if let object = value as? any TemplateObject { return Object(base: object) }
        if let list = value as? any TemplateSequence { return list.templateElements.map { bridge($0)! } }
        if let pair = value as? (key: String, value: Any) { return (key: pair.key, value: bridge(pair.value)!) }
        return value
    }

    // Printed (`{{.}}` on an object, a list) as our value prints.
    struct Text: MustacheParent, MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible, CustomDebugStringConvertible {
        let text: TemplateText
        var description: String { String(describing: text) }
        var debugDescription: String { String(reflecting: text) }
        var renderText: String { text.string }
        var isNull: Bool { false }
        func child(named: String) -> Any? { nil }
        func transform(_ name: String) -> Any? { text.string.transform(name) }
    }

    struct Object: MustacheParent, MustacheTransformable, CustomStringConvertible, CustomDebugStringConvertible {
        let base: any TemplateObject
        var debugDescription: String { String(reflecting: base) }
        func child(named name: String) -> Any? { bridge(base.child(named: name)) }
        func transform(_ name: String) -> Any? { (base as? any TemplateTransformable)?.transform(name).flatMap(bridge) }
        var description: String { String(describing: base) }
    }
}

/// The context generated templates render with: every kind of value a theme's context holds.
struct OracleContext: TemplateObject {
    let values: [String: Any]

    func child(named name: String) -> Any? { values[name] }

    static var root: OracleContext { OracleContext(values: [
        "v": TemplateText("Текст <b>&\"'</b>"),
        "w": TemplateText("  отступ\nи строка"),
        "n": 3, "zero": 0, "d": 1.5, "b": true, "f": false,
        "empty": [TemplateText](),
        "list": [OracleContext(values: ["name": TemplateText("первый"), "n": 1]),
                 OracleContext(values: ["name": TemplateText("второй")]),
                 OracleContext(values: ["name": TemplateText("<третий>"), "b": false])],
        "texts": [TemplateText("a"), TemplateText("b")],
        "obj": OracleContext(values: ["name": TemplateText("объект"), "inner": OracleContext(values: ["deep": TemplateText("глубоко")])]),
        "params": ParamsContext(entries: [.init(key: "k", value: .string("v"), line: 1), .init(key: "flag", value: .bool(true), line: 2)]),
        "blank": TemplateText(""),
    ]) }
}

/// Templates made of random pieces: texts with every kind of whitespace and line end, every tag
/// kind, nested sections, partials and parents, and now and then a broken tag.
struct TemplateGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    static let partials: [String: String] = [
        "p1": "первая {{v}}\n  вторая {{n}}\n{{#b}}\n  третья\n{{/b}}\n",
        "p2": "{{#list}}\n  - {{name}}\n{{/list}}\n",
        "p3": "{{>p1}}\n  {{>p2}}",
        "parent": "<h>{{$title}}T{{/title}}</h>\n  {{$body}}\n  тело\n  {{/body}}\n{{>p1}}",
        "inline": "[{{v}}]",
    ]

    private mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    private mutating func pick(_ items: [String]) -> String { items[next(items.count)] }

    private static let names = ["v", "w", "n", "zero", "d", "b", "f", "empty", "list", "texts", "obj", "obj.name",
                                "obj.inner.deep", ".", "name", ".name", "params.k", "params", "blank", "missing", "list.name"]
    private static let transforms = ["uppercased", "lowercased", "capitalized", "empty", "reversed", "count", "first",
                                     "last", "plusone", "equalzero", "even", "odd", "sorted", "enumerated", "nothing"]
    private static let texts = ["a", "текст", " ", "  ", "\t", "\n", "\r\n", "<&>", "\"'", "x y", "{", "}", "{ {", "=", "$", "\r"]

    mutating func template() -> String {
        var out = ""
        for _ in 0..<(1 + next(8)) { out += piece(depth: 0) }
        // Now and then a mistake: a character gone or doubled.
        if next(6) == 0, !out.isEmpty {
            var chars = Array(out)
            let at = next(chars.count)
            if next(2) == 0 { chars.remove(at: at) } else { chars.insert(chars[at], at: at) }
            out = String(chars)
        }
        return out
    }

    private mutating func name() -> String {
        let base = pick(Self.names)
        switch next(8) {
        // `reversed` of a list would print its Swift type, which differs through the bridge.
        case 0: return "\(pick(["empty", "list", "texts"].contains(base) ? Self.transforms.filter { $0 != "reversed" } : Self.transforms))(\(base))"
        case 1: return "\(pick(Self.transforms))()"
        case 2: return " \(base) "
        default: return base
        }
    }

    private mutating func indentation() -> String { ["", "", " ", "  ", "\t"][next(5)] }

    private mutating func body(depth: Int) -> String {
        var out = ""
        for _ in 0..<next(4) { out += piece(depth: depth + 1) }
        return out
    }

    private mutating func piece(depth: Int) -> String {
        let line = next(3) == 0 ? "\n" : (next(5) == 0 ? "\r\n" : "")
        switch next(depth > 2 ? 6 : 13) {
        case 0, 1: return pick(Self.texts)
        case 2: return "{{\(name())}}" + line
        case 3: return "{{{\(name())}}}"
        case 4: return "{{&\(name())}}" + line
        case 5: return indentation() + "{{! заметка \(pick(Self.texts)) }}" + line
        case 6, 7:
            let n = name(), kind = next(3) == 0 ? "^" : "#"
            let open = indentation() + "{{\(kind)\(n)}}" + (next(2) == 0 ? "\n" : "")
            let close = indentation() + "{{/\(next(12) == 0 ? "other" : n)}}" + (next(2) == 0 ? "\n" : "")
            return open + body(depth: depth) + close
        case 8: return indentation() + "{{>\(pick(["p1", "p2", "p3", "inline", "absent", "*v"]))}}" + line
        case 9 where depth == 0:
            // Only at the top: a parent call inside an override of the same parent expands that
            // override inside itself, which the library recurses on until it crashes.
            var out = indentation() + "{{<\(pick(["parent", "parent", "inline", "absent"]))}}" + (next(2) == 0 ? "\n" : "")
            for _ in 0..<next(3) {
                out += indentation() + "{{$\(pick(["title", "body", "other"]))}}" + (next(2) == 0 ? "\n" : "")
                out += body(depth: depth) + indentation() + "{{/\(pick(["title", "body", "other"]))}}" + (next(2) == 0 ? "\n" : "")
                if next(4) == 0 { out += pick(Self.texts) }
            }
            return out + indentation() + "{{/parent}}" + line
        case 9, 10:
            // Not a name a parent call overrides: an override that holds its own block recurses
            // without end in the library (see `aTemplateThatIncludesItselfStops`).
            let n = pick(["block", "side"])
            return indentation() + "{{$\(n)}}" + (next(2) == 0 ? "\n" : "") + body(depth: depth) + indentation() + "{{/\(n)}}" + line
        case 11: return indentation() + pick(["{{=<% %>=}}<% v %><%={{ }}=%>", "{{= | | =}}|v||={{ }}=|", "{{=<% %>}}", "{{= =}}"]) + line
        case 12 where next(4) == 0: return pick(["{{v", "{{#b}}", "{{/b}}", "{{}}", "{{ }}", "{{(v)}}", "{{a(b}}", "{{>}}", "}}", "{{{v}}"])
        default: return indentation() + pick(["{{% CONTENT_TYPE: TEXT }}", "{{% CONTENT_TYPE: HTML }}", "{{% CONTENT_TYPE: JSON }}", "{{%CONTENT_TYPE}}"]) + line
        }
    }
}
