/// Writes one page's Markdown — front matter, headings from the plan, paragraphs, lists,
/// quotes and 3–8 links to other pages — from the page's own random stream.
struct PageWriter {
    let plan: SitePlan
    let lexicon: Lexicon

    /// A link decided before the body is written: where it goes and what to call it if it ends up in a list.
    private struct Link {
        var destination: [UInt8]
        var title: String
    }

    func page(_ index: Int) -> [UInt8] {
        let page = plan.pages[index]
        var c = Composer(lexicon: lexicon, rng: SplitMix64(seed: plan.options.seed, item: index, purpose: SitePlan.Stream.pageBody.rawValue),
                         capacity: page.bodyBytes + 4_096)
        c.names = plan.names
        let description = c.plainSentence()
        var tags: [String] = []
        for _ in 0..<c.rng.inRange(2...5) {
            let tag = plan.tags[plan.tagTable.draw(&c.rng)]
            if !tags.contains(tag) { tags.append(tag) }
        }
        let date = CalendarDate.string(daysSinceEpoch: CalendarDate.firstDay + c.rng.below(2_800))
        FrontMatter.write(into: &c.out, title: page.title, description: description, tags: tags, weight: page.weight, date: date)

        var links = chooseLinks(for: index, count: c.rng.inRange(3...8), rng: &c.rng)
        let chosen = links
        let listed = page.hasSeeAlso ? min(links.count - 1, 2 + c.rng.below(3)) : 0
        let seeAlso = Array(links.suffix(listed))
        links.removeLast(listed)
        var inline = links
        let expectedSentences = max(page.bodyBytes / 190, 1)
        let linkChance = max(1, inline.count * 1000 / expectedSentences)
        let bodyStart = c.out.count

        var contentHeadings = page.headings
        if page.hasSeeAlso { contentHeadings.removeLast() }
        if let first = contentHeadings.first, first.level == 1 {
            heading(first, into: &c)
            contentHeadings.removeFirst()
        }
        for _ in 0..<c.rng.inRange(1...2) {
            paragraph(&c, inline: &inline, linkChance: linkChance)
        }
        let perSection = max(page.bodyBytes - (c.out.count - bodyStart), 400) / max(contentHeadings.count, 1)
        for h in contentHeadings {
            heading(h, into: &c)
            let sectionStart = c.out.count
            paragraph(&c, inline: &inline, linkChance: linkChance)
            while c.out.count - sectionStart < perSection {
                block(&c, inline: &inline, linkChance: linkChance)
            }
        }
        // Links that found no sentence get one of their own.
        if !inline.isEmpty {
            for link in inline {
                c.out.startSentence()
                c.out.word(c.rng.pick(["подробнее об этом — в материале", "см. также материал", "разбор похожего случая — в статье"] as [StaticString]))
                linkWithTitle(link, into: &c)
                c.out.close(".")
            }
            c.out.endBlock()
        }
        if page.hasSeeAlso, let last = page.headings.last {
            heading(last, into: &c)
            for link in seeAlso {
                c.out.raw("- ")
                linkWithTitle(link, into: &c)
                c.out.endLine()
            }
            c.out.endLine()
        }
        if plan.options.brokenLinks > 0 { brokenLinks(after: chosen, into: &c) }
        return finish(c.out.bytes)
    }

    /// `--broken-links N`: N links that lead nowhere, in turn a misspelt page, a missing heading
    /// of a real page and a missing file, as an imported tree has them. They draw nothing from
    /// the random stream, so the rest of the page is the same as without them.
    private func brokenLinks(after links: [Link], into c: inout Composer) {
        for i in 0..<plan.options.brokenLinks {
            let page = links[i % links.count].destination.split(separator: UInt8(ascii: "#"), maxSplits: 1)[0]
            var destination: [UInt8]
            switch i % 3 {
            case 0: destination = Array(page.dropLast(3)) + Array("x.md".utf8)
            case 1: destination = Array(page) + Array("#net-takogo-razdela".utf8)
            default: destination = Array("files/otchet-\(i).pdf".utf8)
            }
            c.out.startSentence()
            c.out.word("см. также")
            linkWithTitle(Link(destination: destination, title: "материал \(i + 1)"), into: &c)
            c.out.close(".")
        }
        c.out.endBlock()
    }

    private func heading(_ h: PlannedHeading, into c: inout Composer) {
        c.out.raw(String(repeating: "#", count: h.level) + " " + h.text)
        c.out.endBlock()
    }

    private func linkWithTitle(_ link: Link, into c: inout Composer) {
        c.out.open("«[")
        c.out.raw(link.title)
        c.out.raw("](")
        c.out.raw(link.destination)
        c.out.close(")»")
    }

    /// A paragraph of 2–6 sentences; a pending link goes on a noun phrase in one of them.
    private func paragraph(_ c: inout Composer, inline: inout [Link], linkChance: Int) {
        let count = c.rng.inRange(2...6)
        let codeAt = c.rng.chance(12) ? c.rng.below(count) : -1
        for i in 0..<count {
            sentence(&c, inline: &inline, linkChance: linkChance, code: i == codeAt)
        }
        c.out.endBlock()
    }

    private func sentence(_ c: inout Composer, inline: inout [Link], linkChance: Int, code: Bool = false, instruction: Bool = false) {
        var link: Link?
        if !inline.isEmpty && c.rng.below(1000) < linkChance {
            link = inline.removeFirst()
            c.pendingLink = link!.destination
        }
        if code { c.codeSentence() } else if instruction { c.out.startSentence(); c.instruction() } else { c.sentence() }
        if c.pendingLink != nil, let link {
            // The sentence had no noun phrase to carry it: say where to read more instead.
            c.pendingLink = nil
            c.out.startSentence()
            c.out.word("подробнее —")
            c.out.word("в материале")
            linkWithTitle(link, into: &c)
            c.out.close(".")
        }
    }

    private func block(_ c: inout Composer, inline: inout [Link], linkChance: Int) {
        switch c.rng.below(100) {
        case 0..<58:
            paragraph(&c, inline: &inline, linkChance: linkChance)
        case 58..<72:
            for _ in 0..<c.rng.inRange(3...7) {
                c.out.raw("- ")
                if c.rng.chance(40) {
                    let saved = c.allowEmphasis
                    c.allowEmphasis = false
                    c.out.open("**")
                    c.out.startSentence()
                    c.nounPhrase(.nominative, depth: 1)
                    c.out.close("**")
                    c.allowEmphasis = saved
                    c.out.word("—")
                    c.clause()
                    c.out.close(".")
                } else {
                    sentence(&c, inline: &inline, linkChance: linkChance)
                }
                c.out.endLine()
            }
            c.out.endLine()
        case 72..<82:
            for i in 1...c.rng.inRange(3...6) {
                c.out.appendDecimal(i)
                c.out.raw(". ")
                sentence(&c, inline: &inline, linkChance: linkChance, instruction: true)
                c.out.endLine()
            }
            c.out.endLine()
        case 82..<89:
            c.out.raw("> ")
            c.out.word(c.rng.pick(PhraseBank.salutations))
            for _ in 0..<c.rng.inRange(1...3) { c.sentence() }
            c.out.endBlock()
        case 89..<95:
            c.out.raw(c.rng.pick(["**Важно.** ", "**Совет.** ", "**Обратите внимание:** ", "**Пример.** "] as [StaticString]))
            for _ in 0..<c.rng.inRange(1...2) { sentence(&c, inline: &inline, linkChance: linkChance) }
            c.out.endBlock()
        default:
            paragraph(&c, inline: &inline, linkChance: linkChance)
        }
    }

    /// 3–8 distinct targets: half in the same section, the rest across the site with a few hubs,
    /// now and then a section's own page or a heading on the target page.
    private func chooseLinks(for index: Int, count: Int, rng: inout SplitMix64) -> [Link] {
        let page = plan.pages[index]
        let section = plan.sections[page.section]
        var chosen = Set<String>()
        var links: [Link] = []
        var attempts = 0
        while links.count < count && attempts < count * 10 {
            attempts += 1
            let r = rng.below(100)
            var destination: String
            var title: String
            if r < 5 {
                let s = rng.below(plan.sections.count)
                destination = plan.link(toSection: s, fromSection: page.section)
                title = plan.sections[s].title
            } else {
                let target: Int
                if r < 50 && section.pages.count > 1 {
                    target = section.pages.lowerBound + rng.below(section.pages.count)
                } else if rng.chance(50) {
                    target = (plan.popularity.draw(&rng) * plan.popularityStride + plan.popularityOffset) % plan.pages.count
                } else {
                    target = rng.below(plan.pages.count)
                }
                if target == index { continue }
                let targetPage = plan.pages[target]
                destination = plan.link(toPage: target, fromSection: page.section)
                title = targetPage.title
                if !targetPage.linkableHeadings.isEmpty && rng.chance(20) {
                    let h = targetPage.headings[targetPage.linkableHeadings[rng.below(targetPage.linkableHeadings.count)]]
                    destination += "#" + h.anchor
                    title += ": " + h.text
                }
            }
            if chosen.insert(destination).inserted {
                links.append(Link(destination: Array(destination.utf8), title: title))
            }
        }
        return links
    }

    private func finish(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while bytes.count > 1 && bytes[bytes.count - 1] == 0x0A && bytes[bytes.count - 2] == 0x0A { bytes.removeLast() }
        return bytes
    }
}
