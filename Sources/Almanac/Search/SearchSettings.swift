/// How the search index ranks and expands: filled from the `search:` block of almanac.yml.
public struct SearchSettings: Sendable, Hashable {
    /// BM25F weight of each field. A word in the title counts several times a word in the body.
    public struct FieldWeights: Sendable, Hashable {
        public var title: Double
        public var headings: Double
        /// Tags and description: chosen by the writer to say what the page is about.
        public var meta: Double
        public var body: Double

        public init(title: Double = 6, headings: Double = 3, meta: Double = 2, body: Double = 1) {
            self.title = title
            self.headings = headings
            self.meta = meta
            self.body = body
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

    func boost(forType type: String) -> Double { typeBoosts[type] ?? 1 }
}
