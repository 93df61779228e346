/// The home page and each section's `_index.md`: an introduction and links down the tree.
struct IndexWriter {
    let plan: SitePlan
    let lexicon: Lexicon

    func section(_ s: Int) -> [UInt8] {
        let section = plan.sections[s]
        var c = Composer(lexicon: lexicon, rng: SplitMix64(seed: plan.options.seed, item: s, purpose: SitePlan.Stream.sectionBody.rawValue))
        c.names = plan.names
        FrontMatter.write(into: &c.out, title: section.title, description: c.plainSentence(), weight: s + 1)
        for _ in 0..<2 {
            c.paragraph(sentences: c.rng.inRange(2...4), code: false)
            c.out.endBlock()
        }
        c.out.raw("## Главное в разделе")
        c.out.endBlock()
        let count = min(section.pages.count, 5 + c.rng.below(6))
        for index in section.pages.prefix(count) {
            c.out.raw("- [")
            c.out.raw(plan.pages[index].title)
            c.out.raw("](")
            c.out.raw(plan.link(toPage: index, fromSection: s))
            c.out.raw(")")
            c.out.endLine()
        }
        return c.out.bytes
    }

    func home() -> [UInt8] {
        var c = Composer(lexicon: lexicon, rng: SplitMix64(seed: plan.options.seed, item: 0, purpose: SitePlan.Stream.home.rawValue))
        FrontMatter.write(into: &c.out, title: "Синтетическая база знаний",
                          description: "Сгенерированный сайт для замеров: \(plan.pages.count) страниц в \(plan.sections.count) разделах.")
        c.paragraph(sentences: 4, code: false)
        c.out.endBlock()
        c.out.raw("## Разделы")
        c.out.endBlock()
        for s in plan.sections.indices {
            c.out.raw("- [")
            c.out.raw(plan.sections[s].title)
            c.out.raw("](")
            c.out.raw(plan.link(toSection: s, fromSection: nil))
            c.out.raw(")")
            c.out.endLine()
        }
        return c.out.bytes
    }

    var almanacConfig: [UInt8] {
        Array("""
        # Written by almanac-corpus: \(plan.pages.count) pages, seed \(plan.options.seed).
        title: "Синтетическая база знаний"
        description: "Сайт для замеров скорости сборки и поиска."
        language: ru
        links: error

        """.utf8)
    }
}
