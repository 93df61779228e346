import Foundation

/// search/meta.json: everything the runtime must know before its first fetch of index data.
/// The format is described in docs/search-index.md; `version` is "major.minor", and the runtime
/// refuses another major version.
struct IndexMeta: Sendable, Equatable {
    static let formatName = "almanac-search"
    static let version = "1.1"

    struct FacetValue: Sendable, Equatable {
        var value: String
        var label: String
        var count: Int
    }

    struct Scoring: Sendable, Equatable {
        /// What impact byte 1 is worth; scores in results are multiplied by it to read like BM25.
        var impactScale: Double
        var fieldWeights: [Double]
        var typeBoosts: [String: Double]
    }

    var format = formatName
    var version = IndexMeta.version
    /// Hash of all pieces: the runtime appends it to URLs so a rebuilt site never mixes cached pieces.
    var build: String
    var documents: Int
    /// "deflate" (zlib, for DecompressionStream) or "none".
    var compression: String
    /// First term (shortest distinguishing prefix) of each term shard; shard i is t/i.bin.
    var shards: [String]
    /// Keys of the typo lexicons (first character's code point in hex); lexicon k is l/k.bin.
    var lexicons: [String]
    var stopwords: [String]
    var languages: [String]
    /// Synonym groups as stems: group → member → the stems of its words (all must occur).
    var synonyms: [[[String]]]
    /// Stems of the words that weigh little in a query and are never required.
    var weakWords: [String] = []
    /// Channel value → its names as stems (each name: the stems of its words, all must occur).
    var channels: [(value: String, names: [[String]])] = []
    /// Pages of the writers' documentation, as ranges of page numbers («3-9 41»).
    var authors: String = ""
    var facets: [String: [FacetValue]]
    var scoring: Scoring

    /// Keys in a fixed order, UTF-8 text unescaped (JSONEncoder would spell every Cyrillic letter
    /// as six bytes of \\u escape), facet values as arrays: a site with hundreds of tags lists each in a few bytes.
    func json() -> Data {
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
    func facetsJSON() -> Data {
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

    static func == (a: IndexMeta, b: IndexMeta) -> Bool { a.json() == b.json() }

    static func weakStems(_ words: [String], analyzer: TermAnalyzer) -> [String] {
        var out: [String] = []
        for w in words { for t in Tokenizer.words(w).flatMap({ analyzer.terms(ofWord: $0) }) where !out.contains(t) { out.append(t) } }
        return out
    }

    static func channelStems(_ channels: [(String, [String])], analyzer: TermAnalyzer) -> [(value: String, names: [[String]])] {
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
    static func ranges(_ docs: [Int]) -> String {
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
    static func synonymStems(_ groups: [[String]], analyzer: TermAnalyzer) -> [[[String]]] {
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
