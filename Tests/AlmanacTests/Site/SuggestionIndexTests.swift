import Testing
@testable import Almanac

@Suite struct SuggestionIndexTests {
    /// Paths shaped like a large imported tree: many folders, many pages each.
    static let paths: [String] = (0..<2_000).map { i in
        "section-\(i / 150)/" + ["page", "zametka", "инструкция", "faq"][i % 4] + "-\(i).md"
    }

    @Test func findsTheMisspeltPathAmongThousands() {
        let index = SuggestionIndex(Self.paths)
        #expect(index.suggestion(for: "section-3/page-4y8.md").map { ["section-3/page-468.md", "section-3/page-488.md"].contains($0) } == true)
        #expect(index.suggestion(for: "section-12/инструкця-1802.md") == "section-12/инструкция-1802.md")
        #expect(index.suggestion(for: "section-8/инструкция-13q6.md") == "section-8/инструкция-1306.md")
        #expect(index.suggestion(for: "section-0/zametka-1.md") == "section-0/zametka-1.md")
    }

    @Test func saysNothingWhenNoPathIsClose() {
        let index = SuggestionIndex(Self.paths)
        #expect(index.suggestion(for: "совсем/другая-страница-о-кризисе.md") == nil)
        #expect(index.suggestion(for: "") == nil)
    }

    /// The short list must not lose the answer the exhaustive comparison gives: typos of every
    /// kind (a letter dropped, added, changed, two swapped) in pages all over the tree.
    @Test func agreesWithTheExhaustiveComparison() {
        let index = SuggestionIndex(Self.paths)
        // Spread over the tree by fixed strides, so that a failure is the same on every run.
        for k in 0..<40 {
            var word = Array(Self.paths[k * 997 % Self.paths.count])
            let at = k * 7 % (word.count - 3)
            switch k % 4 {
            case 0: word.remove(at: at)
            case 1: word.insert("ы", at: at)
            case 2: word[at] = "q"
            default: word.swapAt(at, at + 1)
            }
            let typo = String(word)
            let expected = EditDistance.suggestion(for: typo, among: Self.paths)
            let found = index.suggestion(for: typo)
            // Several paths can be equally close; the index must find one at the same distance.
            #expect(found.map { EditDistance.levenshtein(typo, $0) } == expected.map { EditDistance.levenshtein(typo, $0) },
                    "«\(typo)»: index \(found ?? "nil"), exhaustive \(expected ?? "nil")")
        }
    }

    @Test func smallSetsAreComparedWithEveryCandidate() {
        let index = SuggestionIndex(["principles/empathy.md", "principles/speed.md"])
        #expect(index.suggestion(for: "principles/empaty.md") == "principles/empathy.md")
    }

    @Test func brokenLinksInALargeSiteGetTheirHint() {
        let pages = Self.paths.map { path in
            (id: String(path.dropLast(3)), contentPath: path, address: PageAddress(directory: String(path.dropLast(3))))
        }
        let resolver = LinkResolver(pages: pages, assets: ["files/report.pdf"], offline: false)
        let from = PageAddress(directory: "section-1/page-150")
        let page = resolver.resolve("../section-2/faq-3o3.md", fromContentPath: "section-1/page-150.md", address: from)
        #expect(page.problem == .missingPage(path: "section-2/faq-3o3.md", suggestion: "section-2/faq-303.md"))
        let file = resolver.resolve("../files/reprt.pdf", fromContentPath: "section-1/page-150.md", address: from)
        #expect(file.problem == .missingFile(path: "files/reprt.pdf", suggestion: "files/report.pdf"))
    }
}
