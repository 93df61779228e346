import Foundation
import AlmanacCore
import AlmanacMarkdown

/// search/meta.json: everything the runtime must know before its first fetch of index data.
/// The format is described in docs/search-index.md; `version` is "major.minor", and the runtime
/// refuses another major version.
package struct IndexMeta: Sendable, Equatable {
    package static let formatName = "almanac-search"
    package static let version = "1.1"

    package struct FacetValue: Sendable, Equatable {
        package var value: String
        package var label: String
        package var count: Int
    }

    package struct Scoring: Sendable, Equatable {
        /// What impact byte 1 is worth; scores in results are multiplied by it to read like BM25.
        package var impactScale: Double
        package var fieldWeights: [Double]
        package var typeBoosts: [String: Double]
    }

    package var format = formatName
    package var version = IndexMeta.version
    /// Hash of all pieces: the runtime appends it to URLs so a rebuilt site never mixes cached pieces.
    package var build: String
    package var documents: Int
    /// "deflate" (zlib, for DecompressionStream) or "none".
    package var compression: String
    /// First term (shortest distinguishing prefix) of each term shard; shard i is t/i.bin.
    package var shards: [String]
    /// Keys of the typo lexicons (first character's code point in hex); lexicon k is l/k.bin.
    package var lexicons: [String]
    package var stopwords: [String]
    package var languages: [String]
    /// Synonym groups as stems: group → member → the stems of its words (all must occur).
    package var synonyms: [[[String]]]
    /// Stems of the words that weigh little in a query and are never required.
    package var weakWords: [String] = []
    /// Channel value → its names as stems (each name: the stems of its words, all must occur).
    package var channels: [(value: String, names: [[String]])] = []
    /// Pages of the writers' documentation, as ranges of page numbers («3-9 41»).
    package var authors: String = ""
    package var facets: [String: [FacetValue]]
    package var scoring: Scoring

    /// Keys in a fixed order, UTF-8 text unescaped (JSONEncoder would spell every Cyrillic letter
    /// as six bytes of \\u escape), facet values as arrays: a site with hundreds of tags lists each in a few bytes.
    package func json() -> Data {
        let j = JSONWriter()
        j.object {
            j.key("format"); j.string(format)
            j.key("version"); j.string(version)
            j.key("build"); j.string(build)
            j.key("documents"); j.number(Double(documents))
            j.key("compression"); j.string(compression)
            j.key("languages"); j.array(languages) { j.string($0) }
            j.key("stopwords"); j.string(stopwords.joined(separator: " "))
            j.key("synonyms"); j.array(synonyms) { group in j.array(group) { member in j.array(member) { j.string($0) } } }
            j.key("weak"); j.string(weakWords.joined(separator: " "))
            j.key("channels"); j.array(channels) { c in j.list { j.string(c.value); j.array(c.names) { n in j.array(n) { j.string($0) } } } }
            j.key("authors"); j.string(authors)
            j.key("scoring")
            j.object {
                j.key("impactScale"); j.number(scoring.impactScale)
                j.key("fieldWeights"); j.array(scoring.fieldWeights) { j.number($0) }
                j.key("typeBoosts")
                j.object {
                    for (type, boost) in scoring.typeBoosts.sorted(by: { $0.key < $1.key }) { j.key(type); j.number(boost) }
                }
            }
            // Only content types here: results show their names. The rest is for filter
            // controls, which the search page loads from facets.json.
            j.key("types"); Self.writeFacet(facets["type"] ?? [], to: j)
            j.key("lexicons"); j.string(lexicons.joined(separator: " "))
            // Space-separated: terms hold no spaces, and 700 boundaries save 2 KB of quotes and commas.
            j.key("shards"); j.string(shards.joined(separator: " "))
        }
        return Data(j.text.utf8)
    }

    /// search/facets.json: every facet's values, labels and page counts, in filter-piece order.
    package func facetsJSON() -> Data {
        let j = JSONWriter()
        j.object {
            for facet in FilterWriter.facets {
                j.key(facet)
                Self.writeFacet(facets[facet] ?? [], to: j)
            }
        }
        return Data(j.text.utf8)
    }

    private static func writeFacet(_ values: [FacetValue], to j: JSONWriter) {
        j.array(values) { v in j.list { j.string(v.value); j.string(v.label); j.number(Double(v.count)) } }
    }

    package static func == (a: IndexMeta, b: IndexMeta) -> Bool { a.json() == b.json() }

    package static func weakStems(_ words: [String], analyzer: TermAnalyzer) -> [String] {
        var out: [String] = []
        for w in words { for t in Tokenizer.words(w).flatMap({ analyzer.terms(ofWord: $0) }) where !out.contains(t) { out.append(t) } }
        return out
    }

    package static func channelStems(_ channels: [(String, [String])], analyzer: TermAnalyzer) -> [(value: String, names: [[String]])] {
        channels.map { value, names in
            var stems: [[String]] = []
            for name in [value] + names {
                let s = Tokenizer.words(name).flatMap { analyzer.terms(ofWord: $0) }
                if !s.isEmpty && !stems.contains(s) { stems.append(s) }
            }
            return (value: value.lowercased(), names: stems)
        }
    }

    /// Sorted page numbers as «a-b c» ranges: the documentation is usually one run of pages.
    package static func ranges(_ docs: [Int]) -> String {
        var parts: [String] = [], i = 0
        while i < docs.count {
            var j = i
            while j + 1 < docs.count && docs[j + 1] == docs[j] + 1 { j += 1 }
            parts.append(i == j ? "\(docs[i])" : "\(docs[i])-\(docs[j])")
            i = j + 1
        }
        return parts.joined(separator: " ")
    }

    /// Synonyms from almanac.yml as the index sees them: each member analysed like page text.
    package static func synonymStems(_ groups: [[String]], analyzer: TermAnalyzer) -> [[[String]]] {
        groups.compactMap { group in
            var members: [[String]] = []
            for phrase in group {
                let stems = Tokenizer.words(phrase).flatMap { analyzer.terms(ofWord: $0) }
                if !stems.isEmpty && !members.contains(stems) { members.append(stems) }
            }
            return members.count > 1 ? members : nil
        }
    }
}
