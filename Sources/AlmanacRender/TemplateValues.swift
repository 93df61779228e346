import AlmanacCore
import AlmanacContent
import AlmanacMarkdown
import AlmanacSite

/// The values templates read are typed structs, not `[String: Any]` dictionaries: plain
/// `Sendable`, `Hashable` values (a page's context can be fingerprinted), each answering the
/// template engine's lookups through `TemplateObject.child(named:)`: a `switch` on the name, or
/// for the contexts with many keys one hash into a table of their keys (a switch compares the name
/// with every case in turn).
///
/// A name a value does not have answers `nil`, and the engine looks for it further down the context
/// stack, as it did for a key absent from a dictionary; so every key a dictionary sometimes left
/// out is an optional here, and a key it always had is always answered.
package typealias TemplateValue = TemplateObject & Sendable & Hashable

/// The names of a context's keys, hashed once per lookup instead of compared case by case.
package struct TemplateKeys<Key: RawRepresentable & CaseIterable & Sendable>: Sendable where Key.RawValue == String {
    private let table: [String: Key]

    package init() { table = Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, $0) }) }

    package subscript(name: String) -> Key? { table[name] }
}

/// A string as a template renders it: the engine recognises it by its type alone, the first test
/// it makes of a value. It answers no names and takes the transforms of a `String`
/// (`{{uppercased(x)}}`).
package struct TemplateText: TemplateObject, TemplateTransformable, Sendable, Hashable {
    package let string: String

    package init(_ string: String) { self.string = string }

    package func child(named: String) -> Any? { nil }
    package func transform(_ name: String) -> Any? { string.transform(name) }
}

/// How a context hands a string to a template.
@inline(__always) package func asText(_ string: String) -> Any { TemplateText(string) }
@_disfavoredOverload @inline(__always) package func asText(_ string: String?) -> Any? { string.map { asText($0) } }

/// A context too large to copy at every lookup, held once and handed out by reference. An `Any`
/// holds three words inline; a larger struct returned from `child(named:)` is copied into a new
/// heap box, with a retain per string, each time a template names it (`{{page.title}}` copied
/// the whole page). Equal and hashed by its value, so the context stays a plain value.
package final class Shared<Value: TemplateValue>: TemplateValue {
    package let value: Value

    package init(_ value: Value) { self.value = value }

    package func child(named name: String) -> Any? { value.child(named: name) }
    package static func == (lhs: Shared, rhs: Shared) -> Bool { lhs === rhs || lhs.value == rhs.value }
    package func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
}

/// Strings by name, read as `{{icons.NAME}}` or `{{typeTitles.ID}}`.
package struct TextTable: TemplateValue {
    package var values: [String: String] = [:]

    package func child(named name: String) -> Any? { asText(values[name]) }
}

/// The theme's words (`{{ui.search.label}}`): the dotted keys of templates/i18n/LANG.yml as a tree.
package struct UIContext: TemplateValue {
    private var texts: [String: String] = [:]
    private var groups: [String: UIContext] = [:]

    package init() {}

    package init(_ strings: UIStrings) {
        for (key, value) in strings.values { insert(key.split(separator: ".")[...], value) }
    }

    private mutating func insert(_ path: ArraySlice<Substring>, _ value: String) {
        guard let head = path.first.map(String.init) else { return }
        if path.count == 1 {
            texts[head] = value
            return
        }
        var group = groups[head] ?? UIContext()
        group.insert(path.dropFirst(), value)
        groups[head] = group
    }

    /// A key that is both a text and a group (`a` and `a.b`) reads as the text.
    package func child(named name: String) -> Any? {
        if let value = texts[name] { return asText(value) }
        return groups[name]
    }
}

/// Front matter and `params:` of almanac.yml as templates see them: `{{page.params.NAME}}`. A null
/// reads as an empty string, a list as a list, a mapping as another `ParamsContext`; when a key is
/// written twice the last one counts. It takes the transforms Mustache gives a dictionary.
package struct ParamsContext: TemplateValue, TemplateTransformable {
    package var entries: [MetaEntry] = []

    package func child(named name: String) -> Any? {
        entries.last(where: { $0.key == name }).map { Self.value($0.value) }
    }

    package static func value(_ value: MetaValue) -> Any {
        switch value {
        case .null: return asText("")
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return asText(s)
        case .list(let l): return l.map(Self.value)
        case .map(let m): return ParamsContext(entries: m)
        }
    }

    /// Each key once, with its last value, sorted by key.
    private var sorted: [(key: String, value: Any)] {
        var last: [String: MetaValue] = [:]
        for e in entries { last[e.key] = e.value }
        return last.sorted { $0.key < $1.key }.map { (key: $0.key, value: Self.value($0.value)) }
    }

    package func transform(_ name: String) -> Any? {
        switch name {
        case "count": return Set(entries.map(\.key)).count
        case "empty": return entries.isEmpty
        case "enumerated", "sorted": return sorted
        default: return nil
        }
    }

    package init(entries: [MetaEntry] = []) {
        self.entries = entries
    }
}

/// `{{iso}}` for the `<time datetime>`, `{{text}}` as the reader sees it.
package struct DatedText: TemplateValue {
    package var iso: String
    package var text: String

    package func child(named name: String) -> Any? {
        switch name {
        case "iso": return asText(iso)
        case "text": return asText(text)
        default: return nil
        }
    }
}

/// A title and an address: breadcrumbs, the urgent pages atop the sidebar.
package struct TitledLink: TemplateValue {
    package var title: String
    package var url: String

    package func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "url": return asText(url)
        default: return nil
        }
    }
}
