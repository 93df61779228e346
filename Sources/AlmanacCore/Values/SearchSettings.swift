/// How the search index ranks and expands: filled from the `search:` block of almanac.yml.
public struct SearchSettings: Sendable, Hashable {
    /// BM25F weight of each field. A word in the title counts several times a word in the body.
    public struct FieldWeights: Sendable, Hashable {
        public var title: Double
        public var headings: Double
        /// Tags and description: chosen by the writer to say what the page is about.
        public var meta: Double
        public var body: Double
        /// How readers describe the page (`asked_as`): almost a title, but many of them.
        public var phrasings: Double

        public init(title: Double = 6, headings: Double = 3, meta: Double = 2, body: Double = 1, phrasings: Double = 4) {
            self.title = title
            self.headings = headings
            self.meta = meta
            self.body = body
            self.phrasings = phrasings
        }
    }

    public var fieldWeights: FieldWeights
    /// Multiplies every score of a page of that content type; types not named count 1.
    /// Reply templates come first because readers search for something to answer with.
    public var typeBoosts: [String: Double]
    /// Words and phrases that mean the same here (`[кризис, инцидент, ЧП]`). Applied at query time
    /// to stems, so one group serves every grammatical form.
    public var synonyms: [[String]]
    /// Stemming languages, in the order they are tried for a word of their script.
    public var languages: [String]
    /// Display names of content types for result lists and filters (`reply` → «Шаблон ответа»).
    public var typeNames: [String: String]
    /// Words that carry no topic in this field (что, написать, клиент): they weigh little in a
    /// query and are never required.
    public var weakWords: [String] = []
    /// Channel value → words and phrases readers name it by (`ВКонтакте: [ВК, VK]`); a query that
    /// names a channel prefers the pages that list it, without dropping the others.
    public var channelWords: [(String, [String])] = []

    public init(
        fieldWeights: FieldWeights = FieldWeights(),
        typeBoosts: [String: Double] = ["reply": 1.3, "principle": 1.15, "case": 1.0, "article": 1.0],
        synonyms: [[String]] = [],
        languages: [String] = ["ru", "en"],
        typeNames: [String: String] = ["section": "Раздел"]
    ) {
        self.fieldWeights = fieldWeights
        self.typeBoosts = typeBoosts
        self.synonyms = synonyms
        self.languages = languages
        self.typeNames = typeNames
    }

    package func boost(forType type: String) -> Double { typeBoosts[type] ?? 1 }

    public static func == (a: SearchSettings, b: SearchSettings) -> Bool {
        a.fieldWeights == b.fieldWeights && a.typeBoosts == b.typeBoosts && a.synonyms == b.synonyms
            && a.languages == b.languages && a.typeNames == b.typeNames && a.weakWords == b.weakWords
            && a.channelWords.map(\.0) == b.channelWords.map(\.0) && a.channelWords.map(\.1) == b.channelWords.map(\.1)
    }

    public func hash(into h: inout Hasher) {
        h.combine(fieldWeights); h.combine(typeBoosts); h.combine(synonyms); h.combine(languages)
        h.combine(typeNames); h.combine(weakWords)
        for (k, v) in channelWords { h.combine(k); h.combine(v) }
    }
}
