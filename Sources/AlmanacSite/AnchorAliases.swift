import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown

/// Keeps links that people already shared working when headings change.
///
/// A page may declare `anchors: {old-id: new-id}`. Beyond that, the build compares each page's
/// anchors with those it published last time (kept in the output as `.almanac/anchors.json`):
/// an anchor that vanished because its heading was reworded slightly is kept as an alias of
/// the new one automatically; one that vanished without a close successor is reported, so the
/// writer can decide where old links should land.
public enum AnchorAliases {
    package static let manifestPath = ".almanac/anchors.json"

    /// What one page published: its heading anchors and the aliases kept for older ones.
    /// Only decoded: `manifest(_:)` writes the same two keys.
    public struct Published: Decodable, Sendable {
        package var anchors: [String]
        package var aliases: [String: String]
    }

    /// Page id → what it published in the previous build.
    package static func readManifest(output: URL) -> [String: Published] {
        guard let data = try? Data(contentsOf: output.appendingPathComponent(manifestPath)),
              let manifest = try? JSONDecoder().decode([String: Published].self, from: data) else { return [:] }
        return manifest
    }

    /// The JSON `readManifest` decodes, keys sorted. Written by hand: JSONEncoder took 130 ms of
    /// a 10,000-page build, on one core while the other waited.
    package static func manifest(_ pages: [Page]) -> OutputFile {
        let j = JSONWriter()
        j.object {
            // Positions are sorted, not pages: a page is a large value, and sorting 10,000 of them
            // copied each many times over.
            for i in pages.indices.sorted(by: { pages[$0].id < pages[$1].id }) {
                j.key(pages[i].id)
                j.object {
                    j.key("aliases")
                    j.object {
                        for (old, new) in pages[i].anchorAliases.sorted(by: { $0.key < $1.key }) { j.key(old); j.string(new) }
                    }
                    j.key("anchors"); j.array(pages[i].rendered.headings) { j.string($0.anchor) }
                }
            }
        }
        return OutputFile(path: manifestPath, data: Data(j.text.utf8))
    }

    /// Fills `anchorAliases` of every page and puts the alias targets into its HTML.
    package static func apply(to pages: inout [Page], previous: [String: Published]) -> [Diagnostic] {
        let found = aliases(of: pages, previous: previous)
        var diagnostics: [Diagnostic] = []
        for (i, page) in found.enumerated() {
            diagnostics += page.diagnostics
            guard !page.aliases.isEmpty || !pages[i].anchorAliases.isEmpty else { continue }
            pages[i].anchorAliases = page.aliases
            if let html = page.html { pages[i].rendered.html = html }
        }
        return diagnostics
    }

    /// Each page's aliases, its HTML with their targets when it has any, and what was wrong: a
    /// page's follow from its own headings, front matter and published anchors, so they are found
    /// on every core.
    private static func aliases(of pages: [Page], previous: [String: Published])
        -> [(aliases: [String: String], html: String?, diagnostics: [Diagnostic])] {
        Array(pages.indices).concurrentMap { i in
            let page = pages[i]
            var diagnostics: [Diagnostic] = []
            let current = Set(page.rendered.headings.map(\.anchor))
            let published = previous[page.id]
            // Aliases from earlier builds stay while the heading they lead to exists.
            var aliases = (published?.aliases ?? [:]).filter { !current.contains($0.key) && current.contains($0.value) }
            if let entry = page.source.frontMatter["anchors"] {
                for e in entry.value.entries ?? [] {
                    guard let target = e.value.string, current.contains(target) else {
                        diagnostics.append(.error(.anchorAliasTargetMissing(anchor: e.value.string ?? ""),
                                                  file: page.source.sourcePath, line: e.line, code: .anchorAlias,
                                                  hint: EditDistance.suggestion(for: e.value.string ?? "", among: current)
                                                    .map { .maybe(suggestion: $0) }))
                        continue
                    }
                    if !current.contains(e.key) { aliases[e.key] = target }
                }
            }
            let oldAnchors = (published?.anchors ?? []) + (published?.aliases.keys.sorted() ?? [])
            for old in oldAnchors where !current.contains(old) && aliases[old] == nil {
                if let successor = successor(of: old, among: current.subtracting(published?.anchors ?? [])) {
                    aliases[old] = successor
                } else {
                    diagnostics.append(.warning(
                        .anchorRemoved(anchor: old),
                        file: page.source.sourcePath, line: max(page.source.frontMatterLine, 1), code: .anchorRemoved,
                        hint: .pointOldAnchor(anchor: old)))
                }
            }
            // Aliases of aliases resolve to the heading they finally point at.
            aliases = aliases.mapValues { target in
                var t = target, hops = 0
                while let next = aliases[t], hops < 8 { t = next; hops += 1 }
                return t
            }
            let html = aliases.isEmpty ? nil : insertTargets(aliases, into: page.rendered.html, headings: page.rendered.headings)
            return (aliases, html, diagnostics)
        }
    }

    /// The new anchor a reworded heading most likely got: a small edit (`chto-delat` →
    /// `chto-delet`), words added or dropped (`chto-delat` → `chto-delat-srazu`), or most words kept.
    /// Only anchors that are new on the page qualify, and only an unambiguous best one.
    package static func successor(of old: String, among candidates: Set<String>) -> String? {
        let oldWords = Set(old.split(separator: "-"))
        var scored: [(String, Double)] = []
        for candidate in candidates {
            let words = Set(candidate.split(separator: "-"))
            let shared = Double(oldWords.intersection(words).count) / Double(max(1, oldWords.union(words).count))
            let distance = EditDistance.levenshtein(old, candidate)
            let isPrefix = candidate.hasPrefix(old + "-") || old.hasPrefix(candidate + "-")
            var score = shared
            if distance <= max(2, old.count / 4) { score = max(score, 0.9) }
            if isPrefix { score = max(score, 0.8) }
            if score >= 0.6 { scored.append((candidate, score)) }
        }
        scored.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best = scored.first else { return nil }
        if scored.count > 1 && scored[1].1 == best.1 { return nil }
        return best.0
    }

    /// `<h2 id="new">` gains `<span id="old"></span>` so `#old` scrolls to the same heading.
    private static func insertTargets(_ aliases: [String: String], into html: String, headings: [Heading]) -> String {
        var html = html
        for (old, new) in aliases.sorted(by: { $0.key < $1.key }) {
            guard let heading = headings.first(where: { $0.anchor == new }) else { continue }
            let open = "<h\(heading.level) id=\"\(new)\">"
            if let range = html.range(of: open) {
                // Both ids are ASCII [a-z0-9-] (Slug) or checked writer input below.
                html.insert(contentsOf: "<span class=\"anchor-alias\" id=\"\(old.htmlEscaped)\"></span>", at: range.upperBound)
            }
        }
        return html
    }
}
