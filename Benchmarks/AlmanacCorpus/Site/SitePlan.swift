/// What the generator is asked for.
public struct CorpusOptions: Sendable {
    public var pages: Int
    public var seed: UInt64
    /// Also write `hugo.toml` and `layouts/` so Hugo builds the same pages.
    public var hugo: Bool
    /// Regular pages per section; the last section takes what is left.
    public var sectionSize: ClosedRange<Int>
    /// Links per page that lead nowhere, for the benchmark of a build full of problems.
    public var brokenLinks: Int

    public init(pages: Int, seed: UInt64 = 1, hugo: Bool = false, sectionSize: ClosedRange<Int> = 100...200,
                brokenLinks: Int = 0) {
        self.pages = pages
        self.brokenLinks = brokenLinks
        self.seed = seed
        self.hugo = hugo
        self.sectionSize = sectionSize
    }
}

struct PlannedHeading: Sendable {
    var level: Int
    var text: String
    var anchor: String
    /// Other pages may link to it: not the leading `#` title (Almanac lifts it out) nor «Читайте также».
    var linkable: Bool
}

/// Everything other pages need to know about a page before any body is written.
struct PlannedPage: Sendable {
    var number: Int
    var section: Int
    var fileName: String
    var title: String
    var headings: [PlannedHeading]
    var bodyBytes: Int
    var weight: Int
    var hasSeeAlso: Bool
    var linkableHeadings: [Int]
}

struct PlannedSection: Sendable {
    var folder: String
    var title: String
    var pages: Range<Int>
}

/// The whole site decided up front — sections, titles, headings — so that page bodies can be
/// written in any order (in parallel) and still link only to pages and anchors that exist.
struct SitePlan: Sendable {
    let options: CorpusOptions
    let sections: [PlannedSection]
    let pages: [PlannedPage]
    let tags: [String]
    let tagTable: WeightedTable
    /// Link popularity: rank r of a Zipf draw is page (r × stride + offset) mod N, so hubs are spread out.
    let popularity: WeightedTable
    let popularityStride: Int
    let popularityOffset: Int
    let names: NameForge

    /// Purposes of the independent random streams.
    enum Stream: UInt64 { case layout = 1, pagePlan, pageBody, sectionPlan, sectionBody, home }

    init(options: CorpusOptions, lexicon: Lexicon) {
        self.options = options
        let n = max(options.pages, 1)

        var layoutRNG = SplitMix64(seed: options.seed, item: 0, purpose: Stream.layout.rawValue)
        var ranges: [Range<Int>] = []
        var start = 0
        while start < n {
            let size = layoutRNG.inRange(options.sectionSize)
            var end = min(start + size, n)
            // A tiny last section is folded into the one before it.
            if n - end < options.sectionSize.lowerBound / 2 { end = n }
            ranges.append(start..<end)
            start = end
        }
        let folderWidth = max(2, String(ranges.count).count)
        let pageWidth = max(5, String(n).count)

        var titles = Set<String>()
        func unique(_ make: () -> String, suffix: Int) -> String {
            for _ in 0..<4 {
                let t = make()
                if titles.insert(t).inserted { return t }
            }
            let t = make() + " № \(suffix)"
            titles.insert(t)
            return t
        }

        var sections: [PlannedSection] = []
        for (i, range) in ranges.enumerated() {
            var composer = Composer(lexicon: lexicon, rng: SplitMix64(seed: options.seed, item: i, purpose: Stream.sectionPlan.rawValue))
            let title = unique({ composer.title() }, suffix: i + 1)
            sections.append(PlannedSection(folder: "section-" + SitePlan.padded(i + 1, width: folderWidth), title: title, pages: range))
        }

        var pages: [PlannedPage] = []
        pages.reserveCapacity(n)
        for (s, section) in sections.enumerated() {
            for index in section.pages {
                var composer = Composer(lexicon: lexicon, rng: SplitMix64(seed: options.seed, item: index, purpose: Stream.pagePlan.rawValue))
                let title = unique({ composer.title() }, suffix: index + 1)
                pages.append(SitePlan.planPage(number: index + 1, section: s, weight: index - section.pages.lowerBound + 1,
                                               fileName: "page-" + SitePlan.padded(index + 1, width: pageWidth) + ".md",
                                               title: title, composer: &composer))
            }
        }
        self.sections = sections
        self.pages = pages
        self.tags = SitePlan.tagPool(lexicon)
        self.tagTable = WeightedTable.zipf(count: tags.count)
        self.popularity = WeightedTable.zipf(count: n)
        var stride = 7919
        while n % stride == 0 || stride % n == 0 { stride += 2 }
        self.popularityStride = stride
        self.popularityOffset = Int(options.seed % UInt64(n))
        self.names = NameForge(seed: options.seed, pages: n)
    }

    private static func planPage(number: Int, section: Int, weight: Int, fileName: String, title: String,
                                 composer: inout Composer) -> PlannedPage {
        // Bodies of about 3–12 KB, one page in ten 2.5 times longer: 9 KB per page on average with front matter
        // (blocks overshoot their budget by about a fifth).
        let base = 2_500 + composer.rng.below(6_700)
        let bodyBytes = composer.rng.chance(10) ? base * 5 / 2 : base
        var used = Anchor.reserved
        var headings: [PlannedHeading] = []
        func add(_ level: Int, _ text: String, linkable: Bool) -> Bool {
            let anchor = Anchor.make(text)
            guard !anchor.isEmpty, used.insert(anchor).inserted else { return false }
            headings.append(PlannedHeading(level: level, text: text, anchor: anchor, linkable: linkable))
            return true
        }
        func addGenerated(_ level: Int) {
            for attempt in 0..<8 {
                let text = composer.heading()
                if add(level, attempt < 7 ? text : text + " \(attempt)", linkable: true) { return }
            }
        }
        if composer.rng.chance(20) { _ = add(1, title, linkable: false) }
        let sections = min(max(bodyBytes / 1_700, 2), 14) + composer.rng.below(2)
        for _ in 0..<sections {
            addGenerated(2)
            if composer.rng.chance(25) { addGenerated(3) }
            if composer.rng.chance(10) { addGenerated(3) }
        }
        let hasSeeAlso = composer.rng.chance(45) && add(2, composer.rng.pick(["Читайте также", "Связанные материалы", "См. также"]),
                                                         linkable: false)
        let linkable = headings.indices.filter { headings[$0].linkable }
        return PlannedPage(number: number, section: section, fileName: fileName, title: title, headings: headings,
                           bodyBytes: bodyBytes, weight: weight, hasSeeAlso: hasSeeAlso, linkableHeadings: linkable)
    }

    /// About 200 tags: set phrases, a few Latin ones, then nouns by rank (plural where countable).
    private static func tagPool(_ lexicon: Lexicon) -> [String] {
        var tags: [String] = []
        var seen = Set<String>()
        func add(_ t: String) { if seen.insert(t).inserted { tags.append(t) } }
        for phrase in PhraseBank.tagPhrases { add(phrase.description) }
        for latin in ["smm", "crm", "telegram", "serm", "nps", "faq"] { add(latin) }
        for noun in lexicon.nouns where tags.count < 200 {
            let countable = !noun.singularOnly && !noun.kinds.isDisjoint(with: [.event, .document, .channel])
            add(String(decoding: noun.form(.nominative, plural: countable), as: UTF8.self))
        }
        return tags
    }

    static func padded(_ n: Int, width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Path of page `target` as written in a link from a file in section `from` (nil: the home page).
    func link(toPage target: Int, fromSection from: Int?) -> String {
        let page = pages[target]
        if page.section == from { return page.fileName }
        let folder = sections[page.section].folder + "/" + page.fileName
        return from == nil ? folder : "../" + folder
    }

    func link(toSection target: Int, fromSection from: Int?) -> String {
        if target == from { return "_index.md" }
        let path = sections[target].folder + "/_index.md"
        return from == nil ? path : "../" + path
    }
}
