import Foundation

/// A value templates can look names up in: `{{page.title}}` asks the context for `page`, then
/// the page for `title`. Every context of the theme answers through a `switch` (or a table of its
/// keys), so a lookup is one call, not reflection.
package protocol TemplateObject {
    func child(named name: String) -> Any?
}

/// A value that answers `{{name(value)}}`: `{{uppercased(title)}}`, `{{#empty(list)}}`.
package protocol TemplateTransformable {
    func transform(_ name: String) -> Any?
}

/// Renders a named template of the theme with a context. `TemplateLibrary` is the one the
/// generator uses; the tests put the template library the engine replaced in its place, to
/// compare the two on whole sites.
package protocol TemplateRendering: Sendable {
    func render(_ context: Any, withTemplate name: String) -> String?
}

/// The theme's layouts and partials, parsed, by name.
package struct TemplateLibrary: TemplateRendering {
    private var templates: [String: CompiledTemplate]

    package init(templates: [String: CompiledTemplate] = [:]) { self.templates = templates }

    /// How many partials and blocks deep a render may go. A partial that includes itself whatever
    /// the data, or a block override that holds its own block, would otherwise recurse until the
    /// stack runs out and take the build down; a theme's deepest nesting is a few levels (the
    /// navigation tree's partial, once per level of folders).
    package static let maximumDepth = 100

    package subscript(name: String) -> CompiledTemplate? { templates[name] }

    package mutating func register(_ template: CompiledTemplate, named name: String) { templates[name] = template }

    /// The named template rendered with `context` at the bottom of the stack; nil if there is no
    /// such template.
    package func render(_ context: Any, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: context)
        var out = ""
        renderer.render(template.nodes, frame: .init(), into: &out)
        return out
    }
}

/// One render: the stack of values sections have entered, and the output.
///
/// What a template renders follows the template library the theme was written for (see
/// `CompiledTemplate`), value kind by value kind. What is new is how a value's kind is found: the
/// stack holds each value already known as an object (or not), and a looked-up value is tested
/// first against the concrete types templates meet most (text, a flag) — a compare of two type
/// pointers — before any protocol is asked for, where the library asked up to four protocols of
/// every value at every level of the stack for every name.
struct TemplateRenderer {
    let library: TemplateLibrary
    private var stack: [Entry]

    init(library: TemplateLibrary, root: Any) {
        self.library = library
        stack = [Entry(root)]
    }

    private struct Entry {
        let value: Any
        let object: (any TemplateObject)?

        init(_ value: Any) {
            self.value = value
            object = value as? any TemplateObject
        }

        init(_ value: Any, object: (any TemplateObject)?) {
            self.value = value
            self.object = object
        }
    }

    /// Where a render is: inside a list (for `{{index()}}`), a partial's indentation, the blocks a
    /// child template overrides, how variables are escaped, and how many partials and blocks deep.
    struct Frame {
        var depth = 0
        var position: ListPosition?
        var indentation: String?
        var overrides: [String: [TemplateNode]]?
        var contentType = TemplateContentType.html
    }

    mutating func render(_ nodes: [TemplateNode], frame: Frame, into out: inout String) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, frame: &frame, into: &out) }
            return
        }
        // Indented (a standalone partial's lines): a node's output that starts a new line of this
        // render is indented. Each render counts its own lines from its own start.
        var local = ""
        for node in nodes {
            var piece = ""
            render(node, frame: &frame, into: &piece)
            if !piece.isEmpty, local.utf8.last == 0x0A, !Self.endsWithCRLF(local) { local += indentation }
            local += piece
        }
        out += local
    }

    /// `\r\n` is one Character, not a `\n` a line starts after.
    private static func endsWithCRLF(_ s: String) -> Bool {
        let utf8 = s.utf8
        return utf8.count >= 2 && utf8[utf8.index(utf8.endIndex, offsetBy: -2)] == 0x0D
    }

    private mutating func render(_ node: TemplateNode, frame: inout Frame, into out: inout String) {
        switch node {
        case .text(let text):
            out += text

        case .variable(let name, let escaped):
            guard let value = lookup(name, frame: frame) else { return }
            let text: String
            if let value = value as? TemplateText {
                text = value.string
            } else {
                text = String(describing: unwrapped(value))
            }
            if escaped, frame.contentType == .html {
                HTMLEscaping.append(text, to: &out)
            } else {
                out += text
            }

        case .section(let name, let inverted, let body):
            let value = lookup(name, frame: frame)
            if inverted {
                renderInverted(value, body: body, frame: frame, into: &out)
            } else {
                renderSection(value, body: body, frame: frame, into: &out)
            }

        case .block(let name, let fallback, let indentation):
            guard frame.depth < TemplateLibrary.maximumDepth else { return }
            var inner = frame
            inner.depth += 1
            inner.position = nil
            inner.indentation = (frame.indentation ?? "") + indentation
            render(frame.overrides?[name] ?? fallback, frame: inner, into: &out)

        case .partial(let name, let dynamic, let indentation, let overrides, _):
            var templateName = name
            if dynamic {
                // `{{>*name}}`: the partial the context's text names. (The template library took only
                // a Swift `String`, which no context of ours holds, so it never found one.)
                switch lookup(TemplateName(name, transforms: []), frame: frame) {
                case let text as TemplateText: templateName = text.string
                case let string as String: templateName = string
                default: return
                }
            }
            guard let template = library[templateName], frame.depth < TemplateLibrary.maximumDepth else { return }
            var inner = Frame()
            inner.depth = frame.depth + 1
            inner.indentation = indentation.map { (frame.indentation ?? "") + $0 } ?? frame.indentation
            if let overrides {
                // A block the outer template already overrides keeps the outer override.
                inner.overrides = frame.overrides?.merging(overrides) { outer, _ in outer } ?? overrides
            } else {
                inner.overrides = frame.overrides
            }
            render(template.nodes, frame: inner, into: &out)

        case .contentType(let type):
            frame.contentType = type

        case .blockDefinition:
            // Only inside `{{<parent}}`, where the parser takes it as an override.
            return
        }
    }

    private mutating func renderSection(_ value: Any?, body: [TemplateNode], frame: Frame, into out: inout String) {
        guard let value else { return }
        if let text = value as? TemplateText {
            enter(Entry(value, object: text), body: body, frame: frame, into: &out)
        } else if let flag = value as? Bool {
            if flag { render(body, frame: frame, into: &out) }
        } else if let object = value as? any TemplateObject {
            enter(Entry(value, object: object), body: body, frame: frame, into: &out)
        } else if let list = value as? any TemplateSequence {
            let items = list.templateElements
            for (index, item) in items.enumerated() {
                var inner = frame
                inner.position = ListPosition(first: index == 0, last: index == items.count - 1, index: index)
                stack.append(Entry(item))
                render(body, frame: inner, into: &out)
                stack.removeLast()
            }
        } else {
            enter(Entry(value), body: body, frame: frame, into: &out)
        }
    }

    private mutating func renderInverted(_ value: Any?, body: [TemplateNode], frame: Frame, into out: inout String) {
        guard let value else { return render(body, frame: frame, into: &out) }
        if value is TemplateText { return }
        if let flag = value as? Bool {
            if !flag { render(body, frame: frame, into: &out) }
        } else if value is any TemplateObject {
            return
        } else if let list = value as? any TemplateSequence {
            // An empty list is entered (it answers no names) as the template library did.
            if list.templateElements.isEmpty { enter(Entry(value, object: nil), body: body, frame: frame, into: &out) }
        }
    }

    private mutating func enter(_ entry: Entry, body: [TemplateNode], frame: Frame, into out: inout String) {
        var inner = frame
        inner.position = nil
        stack.append(entry)
        render(body, frame: inner, into: &out)
        stack.removeLast()
    }

    // MARK: Lookup

    private func lookup(_ name: TemplateName, frame: Frame) -> Any? {
        var value: Any?
        if name.isCurrent {
            value = stack[stack.count - 1].value
        } else if name.isPosition {
            value = frame.position
        } else if name.fromTop {
            value = follow(name.path[...], from: stack[stack.count - 1])
        } else if let first = name.path.first {
            // The first name down the stack, the rest in what it found.
            var found: Any?
            for index in stack.indices.reversed() {
                if let child = Self.child(named: first, of: stack[index]) {
                    found = child
                    break
                }
            }
            guard let found else { return nil }
            value = name.path.count == 1 ? found : follow(name.path.dropFirst(), from: Entry(found))
        } else {
            value = stack[stack.count - 1].value
        }
        guard var value else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformable = value as? any TemplateTransformable,
                  let transformed = transformable.transform(transform) else { return nil }
            value = transformed
        }
        return value
    }

    private func follow(_ path: ArraySlice<String>, from entry: Entry) -> Any? {
        var entry = entry
        for (offset, name) in path.enumerated() {
            guard let child = Self.child(named: name, of: entry) else { return nil }
            if offset == path.count - 1 { return child }
            entry = Entry(child)
        }
        return entry.value
    }

    private static func child(named name: String, of entry: Entry) -> Any? {
        if let object = entry.object { return object.child(named: name) }
        // Anything else by its stored properties' labels: a `(key:, value:)` pair.
        guard let child = Mirror(reflecting: entry.value).children.first(where: { $0.label == name })?.value else {
            return nil
        }
        let mirror = Mirror(reflecting: child)
        guard mirror.displayStyle == .optional else { return child }
        return mirror.children.first?.value
    }

    private func unwrapped(_ value: Any) -> Any {
        guard let optional = value as? any AnyOptionalValue else { return value }
        return optional.wrappedAny ?? value
    }
}

/// `{{#first()}}`, `{{index()}}`…: where an item is in the list being rendered.
struct ListPosition: TemplateTransformable {
    var first: Bool
    var last: Bool
    var index: Int

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": first
        case "last": last
        case "index": index
        case "even": index & 1 == 0
        case "odd": index & 1 == 1
        default: nil
        }
    }
}

private protocol AnyOptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: AnyOptionalValue {
    fileprivate var wrappedAny: Any? { self }
}
