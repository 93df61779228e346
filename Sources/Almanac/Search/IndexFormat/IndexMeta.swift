import Foundation

/// search/meta.json: everything the runtime must know before its first fetch of index data.
/// The format is described in docs/search-index.md; `version` is "major.minor", and the runtime
/// refuses another major version.
struct IndexMeta: Sendable, Equatable {
    static let formatName = "almanac-search"
    static let version = "1.0"

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
            j.key("stopwords"); j.array(stopwords) { j.string($0) }
            j.key("synonyms"); j.array(synonyms) { group in j.array(group) { member in j.array(member) { j.string($0) } } }
            j.key("scoring")
            j.object {
                j.key("impactScale"); j.number(scoring.impactScale)
                j.key("fieldWeights"); j.array(scoring.fieldWeights) { j.number($0) }
                j.key("typeBoosts")
                j.object {
                    for (type, boost) in scoring.typeBoosts.sorted(by: { $0.key < $1.key }) { j.key(type); j.number(boost) }
                }
            }
            j.key("facets")
            j.object {
                for facet in FilterWriter.facets {
                    j.key(facet)
                    j.array(facets[facet] ?? []) { v in
                        j.list { j.string(v.value); j.string(v.label); j.number(Double(v.count)) }
                    }
                }
            }
            j.key("lexicons"); j.array(lexicons) { j.string($0) }
            j.key("shards"); j.array(shards) { j.string($0) }
        }
        return Data(j.text.utf8)
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
