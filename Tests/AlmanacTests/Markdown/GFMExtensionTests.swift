import Foundation
import Testing
@testable import Almanac

/// The edges of each GitHub extension, in the site's own markup (Russian labels, scroll
/// containers, heading ids) unless a test says otherwise.
@Suite struct GFMExtensionTests {
    let site = MarkdownRenderer()
    /// cmark-gfm's markup, to compare with GitHub byte for byte.
    let github = MarkdownRenderer(options: .init(smartPunctuation: false, decorateHeadings: false, labels: .github))

    // MARK: Tables

    @Test func escapedPipesStayInTheirCellAlsoInCode() {
        let html = github.render("| a | b |\n|---|---|\n| x \\| y | `p\\|q` |\n").html
        #expect(html.contains("<td>x | y</td>\n<td><code>p|q</code></td>"))
    }

    @Test func alignmentComesFromTheColons() {
        let html = github.render("| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n").html
        #expect(html.contains("<th align=\"left\">l</th>\n<th align=\"center\">c</th>\n<th align=\"right\">r</th>\n<th>n</th>"))
        #expect(html.contains("<td align=\"left\">1</td>\n<td align=\"center\">2</td>\n<td align=\"right\">3</td>\n<td>4</td>"))
    }

    @Test func aTableEndsAtABlankLineAndAtAnotherBlock() {
        let blank = github.render("| a |\n|---|\n| 1 |\n\nпосле\n").html
        #expect(blank.hasSuffix("</table>\n<p>после</p>\n"))
        let list = github.render("| a |\n|---|\n| 1 |\n- пункт\n").html
        #expect(list.hasSuffix("</table>\n<ul>\n<li>пункт</li>\n</ul>\n"))
        let heading = github.render("| a |\n|---|\n| 1 |\n## Дальше\n").html
        #expect(heading.hasSuffix("</table>\n<h2>Дальше</h2>\n"))
    }

    @Test func textBeforeTheHeaderRowStaysAParagraph() {
        let html = github.render("Вводная строка *с акцентом*\n| a | b |\n|---|---|\n| 1 | 2 |\n").html
        #expect(html.hasPrefix("<p>Вводная строка <em>с акцентом</em></p>\n<table>\n"))
    }

    @Test func aTableInsideAQuoteAndAListItem() {
        let quote = github.render("> | a | b |\n> |---|---|\n> | 1 | 2 |\n").html
        #expect(quote.hasPrefix("<blockquote>\n<table>\n<thead>"))
        #expect(quote.contains("<td>1</td>\n<td>2</td>"))
        let item = github.render("- пункт\n\n  | a |\n  |---|\n  | 1 |\n").html
        #expect(item.contains("<li>\n<p>пункт</p>\n<table>"))
    }

    @Test func cellsAreInlineOnlyAndEmphasisDoesNotCrossThem() {
        let html = github.render("| *a | b* |\n|---|---|\n| # не заголовок | > не цитата |\n").html
        #expect(html.contains("<th>*a</th>\n<th>b*</th>"))
        #expect(html.contains("<td># не заголовок</td>\n<td>&gt; не цитата</td>"))
    }

    @Test func referenceLinksInCellsUseThePageDefinitions() {
        let html = github.render("| a |\n|---|\n| [тут][ref] |\n\n[ref]: https://example.org/\n").html
        #expect(html.contains("<td><a href=\"https://example.org/\">тут</a></td>"))
    }

    @Test func siteTablesScrollInALabelledFocusableRegion() {
        let html = site.render("| Поле | Зачем |\n|---|---|\n| a | b |\n").html
        #expect(html.hasPrefix("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Таблица: Поле, Зачем\">\n<table>"))
        #expect(html.contains("</table>\n</div>\n"))
    }

    @Test func searchTextHasTheCellsWithoutPipes() {
        let page = site.render("## Поля\n\n| поле | зачем |\n|---|---|\n| `title` | заголовок \\| имя |\n")
        let text = page.sections.first { $0.anchor == "polya" }?.text ?? ""
        #expect(text == "поле зачем\ntitle заголовок | имя")
        #expect(!text.contains("---"))
    }

    @Test func smartPunctuationWorksInCellsAndDashRowsStayRows() {
        let html = site.render("| \"цитата\" | a -- b |\n|---|---|\n| x | y |\n").html
        #expect(html.contains("<th>“цитата”</th>\n<th>a – b</th>"))
        #expect(!html.contains("—"))
    }

    @Test func aDelimiterRowOfTheWrongWidthIsNoTable() {
        #expect(!github.render("| a | b |\n|---|\n| 1 |\n").html.contains("<table>"))
        #expect(!github.render("Текст\n:--\n").html.contains("<table>"), "a row without a pipe is a sentence")
    }

    @Test func rawHTMLInCellsIsDroppedInSafeMode() {
        let html = site.render("| a |\n|---|\n| <script>alert(1)</script> [x](javascript:alert(1)) |\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
    }

    // MARK: Footnotes

    @Test func aReferenceToAMissingDefinitionStaysTextAndIsReported() {
        let page = site.render("Текст[^нет].\n", firstLine: 4)
        #expect(page.html == "<p>Текст[^нет].</p>\n")
        #expect(page.problems.map(\.code) == [.footnoteMissing])
        #expect(page.problems.first?.line == 4)
    }

    @Test func aDuplicateDefinitionIsReportedAndTheFirstWins() {
        let page = github.render("А[^1].\n\n[^1]: первая\n[^1]: вторая\n")
        #expect(page.html.contains("<p>первая <a href=\"#fnref-1\""))
        #expect(!page.html.contains("вторая"))
        #expect(page.problems.map(\.code) == [.footnoteDuplicate])
        #expect(page.problems.first?.line == 4)
    }

    @Test func footnotesInsideTablesAndRepeatedReferences() {
        let html = github.render("| a |\n|---|\n| x[^n] |\n\nИ снова[^n].\n\n[^n]: Примечание.\n").html
        #expect(html.contains("<td>x<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n\" data-footnote-ref>1</a></sup></td>"))
        #expect(html.contains("<a href=\"#fn-n\" id=\"fnref-n-2\" data-footnote-ref>1</a>"))
        #expect(html.contains("<a href=\"#fnref-n-2\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1-2\" aria-label=\"Back to reference 1-2\">↩<sup class=\"footnote-ref\">2</sup></a>"))
    }

    @Test func footnotesAreNumberedByFirstReferenceAndUnusedOnesDropped() {
        let html = github.render("Б[^b], А[^a].\n\n[^a]: про а\n[^b]: про б\n[^c]: никем не упомянута\n").html
        #expect(html.contains("id=\"fnref-b\" data-footnote-ref>1<"))
        #expect(html.contains("id=\"fnref-a\" data-footnote-ref>2<"))
        #expect(html.range(of: "<li id=\"fn-b\">")!.lowerBound < html.range(of: "<li id=\"fn-a\">")!.lowerBound)
        #expect(!html.contains("никем"))
    }

    @Test func aDefinitionInAFencedCodeBlockIsCode() {
        let page = github.render("```\n[^1]: код\n```\n")
        #expect(page.html == "<pre><code>[^1]: код\n</code></pre>\n")
    }

    @Test func anIndentedDefinitionInAListItemIsNotTurnedIntoANumberedList() {
        let html = github.render("- пункт[^1]\n\n  [^1]: не сноска\n").html
        #expect(!html.contains("<ol>"))
        #expect(!html.contains("footnote"))
    }

    @Test func siteFootnotesHaveAHiddenHeadingAndRussianBackLinks() {
        let page = site.render("Текст[^1].\n\n[^1]: Сноска.\n")
        #expect(page.html.contains("<section class=\"footnotes\" data-footnotes>\n<h2 class=\"visually-hidden\">Сноски</h2>\n<ol>"))
        #expect(page.html.contains("aria-label=\"Вернуться к ссылке 1\""))
        #expect(page.sections.first?.text.contains("Сноска.") == true, "footnote text is searchable")
        #expect(page.headings.isEmpty, "the hidden heading is not a section of the page")
    }

    @Test func footnotesOffLeaveCommonMark() {
        let plain = MarkdownRenderer(options: .init(decorateHeadings: false, extensions: []))
        #expect(!plain.render("Текст[^1].\n\n[^1]: Сноска.\n").html.contains("footnote"))
    }

    // MARK: Task lists, strikethrough, autolinks

    @Test func taskCheckboxesAreDisabledAndNamed() {
        let html = site.render("- [ ] открыть\n- [x] закрыть\n- [X] тоже\n- [y] не задача\n- [ ]без пробела\n").html
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" aria-label=\"не выполнено\" /> открыть</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"выполнено\" /> закрыть</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"выполнено\" /> тоже</li>"))
        #expect(html.contains("<li>[y] не задача</li>"))
        #expect(html.contains("<li>[ ]без пробела</li>"))
        #expect(html.components(separatedBy: "disabled=\"\"").count == 4)
    }

    @Test func strikethroughNeedsMatchingRuns() {
        #expect(github.render("~~да~~ ~нет~~ ~~~нет~~~\n").html == "<p><del>да</del> ~нет~~ ~~~нет~~~</p>\n")
        #expect(github.render("a ~~**жирный**~~ b\n").html == "<p>a <del><strong>жирный</strong></del> b</p>\n")
        #expect(github.render("`~~код~~`\n").html == "<p><code>~~код~~</code></p>\n")
    }

    @Test func autolinksLeaveTrailingPunctuationOut() {
        let html = github.render("См. https://example.org/путь. Или (www.example.ru/a_(b)). И https://x.org/?q=1&amp; и mail@example.ru, и http://a.ru/b?c!\n").html
        #expect(html.contains("<a href=\"https://example.org/%D0%BF%D1%83%D1%82%D1%8C\">https://example.org/путь</a>. "))
        #expect(html.contains("(<a href=\"http://www.example.ru/a_(b)\">www.example.ru/a_(b)</a>)"))
        #expect(html.contains("<a href=\"mailto:mail@example.ru\">mail@example.ru</a>,"))
        #expect(html.contains("<a href=\"http://a.ru/b?c\">http://a.ru/b?c</a>!"))
    }

    @Test func autolinksAreNotMadeInsideLinksOrCode() {
        #expect(github.render("[https://a.org](https://b.org) `www.c.org`\n").html
                == "<p><a href=\"https://b.org\">https://a.org</a> <code>www.c.org</code></p>\n")
        #expect(github.render("xhttp://a.org awww.b.org\n").html == "<p>xhttp://a.org awww.b.org</p>\n")
    }

    @Test func autolinksAreCheckedLinks() {
        let page = site.render("Пишите на mail@example.ru или www.example.ru.\n")
        #expect(page.links.map(\.destination) == ["mailto:mail@example.ru", "http://www.example.ru"])
    }

    // MARK: Callouts

    @Test(arguments: [("NOTE", "note", "Примечание"), ("TIP", "tip", "Совет"), ("IMPORTANT", "important", "Важно"),
                      ("WARNING", "warning", "Внимание"), ("caution", "caution", "Осторожно")])
    func calloutTypes(marker: String, type: String, title: String) {
        let html = site.render("> [!\(marker)]\n> Текст *важный*.\n>\n> Второй абзац.\n").html
        #expect(html == "<div class=\"markdown-alert markdown-alert-\(type)\">\n<p class=\"markdown-alert-title\">\(title)</p>\n"
                + "<p>Текст <em>важный</em>.</p>\n<p>Второй абзац.</p>\n</div>\n")
    }

    @Test func unknownOrMisplacedMarkersLeaveAQuote() {
        #expect(site.render("> [!FOO]\n> текст\n").html == "<blockquote>\n<p>[!FOO]\nтекст</p>\n</blockquote>\n")
        #expect(site.render("> [!NOTE] в той же строке\n").html.hasPrefix("<blockquote>"))
        #expect(site.render("> [!NOTE]\n").html.hasPrefix("<blockquote>"), "a callout with nothing in it stays a quote")
        #expect(site.render("Текст\n\n[!NOTE]\n").html == "<p>Текст</p>\n<p>[!NOTE]</p>\n")
    }

    // MARK: Headings

    @Test func headingIdsAreHonouredAndTakenOffTheText() {
        let page = site.render("## Что делать {#chek-list}\n\n## Ещё {#chek-list}\n\n## Не id {#не-ascii}\n")
        #expect(page.headings.map(\.anchor) == ["chek-list", "chek-list-2", "ne-id-ne-ascii"])
        #expect(page.headings.first?.text == "Что делать")
        #expect(page.html.hasPrefix("<h2 id=\"chek-list\">Что делать <a class=\"permalink\""))
    }

    @Test func latinAnchorsKeepUnderscoresAndFoldAccents() {
        let page = site.render("## Café\n\n## snake_case name\n\n## Ærø straße\n\n## Что делать, если «всё сломалось»?\n")
        #expect(page.headings.map(\.anchor) == ["cafe", "snake_case-name", "aero-strasse", "chto-delat-esli-vse-slomalos"])
    }

    // MARK: Linear time and depth

    /// Each hostile shape at n and 4n: linear work takes about 4 times as long, quadratic 16.
    /// Thread CPU time, so that other tests running beside it do not count. Not under a sanitizer
    /// (`make sanitize` sets ASAN_OPTIONS or TSAN_OPTIONS): there the ratio measures the sanitizer's
    /// bookkeeping, and the run took 13 minutes under AddressSanitizer on a busy machine.
    @Test(.timeLimit(.minutes(5)),
          .disabled(if: ["ASAN_OPTIONS", "TSAN_OPTIONS"].contains { ProcessInfo.processInfo.environment[$0] != nil },
                    "timing under a sanitizer measures the sanitizer"))
    func hostileRunsStayLinear() {
        let shapes: [(String, (Int) -> String)] = [
            ("tildes", { String(repeating: "~a ", count: $0) + "\n" }),
            ("parens", { "www.example.org/" + String(repeating: ")", count: $0) + "\n" }),
            ("ats", { String(repeating: "a@", count: $0) + "\n" }),
            ("cells", { "| a |\n|---|\n" + String(repeating: "| x ", count: $0) + "|\n" }),
            ("rows", { "| a |\n|---|\n" + String(repeating: "| x |\n", count: $0) }),
            ("references", { String(repeating: "[^x]", count: $0) + "\n\n[^x]: y\n" }),
            ("brackets", { String(repeating: "[^", count: $0) + "\n" }),
        ]
        func cpu(_ text: String) -> Double {
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
            _ = site.render(text)
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
            return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        }
        for (name, make) in shapes {
            let small = cpu(make(10_000)), large = cpu(make(40_000))
            #expect(large < max(small * 8, 0.05), "\(name): \(small) s for 10,000, \(large) s for 40,000")
        }
    }

    @Test func aTableAndACalloutTenThousandQuotesDeep() {
        let depth = 10_000
        let prefix = String(repeating: "> ", count: depth)
        let page = site.render(prefix + "[!NOTE]\n" + prefix + "| a |\n" + prefix + "|---|\n" + prefix + "| 1 |\n")
        #expect(page.html.contains("<td>1</td>"))
    }
}
