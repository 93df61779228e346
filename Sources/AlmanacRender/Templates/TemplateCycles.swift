/// Templates that include themselves whatever the page holds: `{{>tree}}` in tree.mustache outside
/// any section, or a → b → a through `{{>…}}` and `{{<…}}`. Rendering one never ends: the engine
/// would stop the page 100 levels deep and leave it cut off without a word (the template library
/// before it crashed the build), so the theme is refused instead, naming the tag.
///
/// Only tags at a template's top level count. One inside a section (`{{#children}}{{>tree}}{{/children}}`)
/// ends when the data does; a block's default and a parent call's blocks render only where another
/// template puts them; a dynamic partial's name is known only with the page. None of those is a
/// mistake by itself, so none is reported.
package enum TemplateCycles {
    package struct Cycle: Sendable, Equatable {
        /// The templates in the order they include one another, the first repeated at the end.
        package var chain: [String]
        /// Line of the tag in `chain[0]` that includes `chain[1]`.
        package var line: Int
    }

    /// Each cycle once, starting at its alphabetically first template.
    package static func find(_ templates: [String: CompiledTemplate]) -> [Cycle] {
        var edges: [String: [(target: String, line: Int)]] = [:]
        for (name, template) in templates {
            edges[name] = template.nodes.compactMap { node in
                guard case .partial(let target, false, _, _, let line) = node, templates[target] != nil else { return nil }
                return (target, line)
            }
        }
        var cycles: [Cycle] = []
        var reported: Set<[String]> = []
        // Depth first from every template, in name order; `path` is the chain being followed.
        var done: Set<String> = []
        func visit(_ name: String, path: [(name: String, line: Int)]) {
            if let start = path.firstIndex(where: { $0.name == name }) {
                let ring = Array(path[start...])
                let first = ring.indices.min { ring[$0].name < ring[$1].name }!
                let rotated = Array(ring[first...] + ring[..<first])
                let chain = rotated.map(\.name) + [rotated[0].name]
                if reported.insert(chain).inserted { cycles.append(Cycle(chain: chain, line: rotated[0].line)) }
                return
            }
            guard !done.contains(name) else { return }
            for edge in edges[name] ?? [] {
                visit(edge.target, path: path + [(name, edge.line)])
            }
            done.insert(name)
        }
        for name in templates.keys.sorted() { visit(name, path: []) }
        return cycles
    }
}
