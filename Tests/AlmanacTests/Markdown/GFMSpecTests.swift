import Foundation
import Testing
@testable import Almanac

/// The GitHub layer against GitHub's own examples (../shared/commonmark/gfm-extensions.json):
/// tables, strikethrough, autolinks, task lists and their interplay byte for byte as cmark-gfm
/// renders them, the footnote example in GitHub's current markup.
@Suite struct GFMSpecTests {
    static let path = "commonmark/gfm-extensions.json"
    /// Example 31 expects `<IGNORE>`: it only must not crash.
    static let noCrashExample = 31
    /// Example 33 is written for cmark-gfm's footnote markup before 2021; `currentFootnoteMarkup`
    /// is the same document as GitHub renders it today.
    static let footnoteExample = 33

    let renderer = MarkdownRenderer(options: .init(unsafeHTML: true, smartPunctuation: false, decorateHeadings: false,
                                                   extensions: .all, labels: .github))

    static func examples() throws -> [SpecExample] { try SpecExample.load(path) }

    @Test(SpecExample.available(path))
    func everyExampleRendersAsGitHubDoes() throws {
        let examples = try Self.examples()
        #expect(examples.count == 38)
        var failures: [Int] = []
        for example in examples {
            let html = renderer.render(example.markdown).html
            switch example.example {
            case Self.noCrashExample:
                #expect(html.hasPrefix("<p>This shouldn"))
            case Self.footnoteExample:
                if html != Self.currentFootnoteMarkup { failures.append(example.example) }
            default:
                if html != example.html { failures.append(example.example) }
            }
        }
        #expect(failures.isEmpty, "examples that differ: \(failures)")
    }

    @Test(SpecExample.available(path))
    func theFootnoteExampleIsTheOneInTheFile() throws {
        let example = try #require(try Self.examples().first { $0.example == Self.footnoteExample })
        #expect(example.markdown.contains("[^codeblock-note]:"))
        #expect(example.html.contains("<section class=\"footnotes\">"), "the file still holds the old markup")
    }

    /// With every extension off, GitHub's syntax is plain text again (the switch really switches).
    @Test(SpecExample.available(path))
    func extensionsOffLeaveCommonMark() throws {
        let plain = MarkdownRenderer(options: .init(unsafeHTML: true, smartPunctuation: false, decorateHeadings: false, extensions: []))
        for example in try Self.examples() {
            let html = plain.render(example.markdown).html
            #expect(!html.contains("<table>") && !html.contains("<del>") && !html.contains("type=\"checkbox\""))
        }
    }

    static let currentFootnoteMarkup = """
    <p>This is some text!<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>. Other text.<sup class="footnote-ref"><a href="#fn-footnote" id="fnref-footnote" data-footnote-ref>2</a></sup>.</p>
    <p>Here's a thing<sup class="footnote-ref"><a href="#fn-other-note" id="fnref-other-note" data-footnote-ref>3</a></sup>.</p>
    <p>And another thing<sup class="footnote-ref"><a href="#fn-codeblock-note" id="fnref-codeblock-note" data-footnote-ref>4</a></sup>.</p>
    <p>This doesn't have a referent[^nope].</p>
    <p>Hi!</p>
    <section class="footnotes" data-footnotes>
    <ol>
    <li id="fn-1">
    <p>Some <em>bolded</em> footnote definition. <a href="#fnref-1" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to reference 1">↩</a></p>
    </li>
    <li id="fn-footnote">
    <blockquote>
    <p>Blockquotes can be in a footnote.</p>
    </blockquote>
    <pre><code>as well as code blocks
    </code></pre>
    <p>or, naturally, simple paragraphs. <a href="#fnref-footnote" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="2" aria-label="Back to reference 2">↩</a></p>
    </li>
    <li id="fn-other-note">
    <p>no code block here (spaces are stripped away) <a href="#fnref-other-note" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="3" aria-label="Back to reference 3">↩</a></p>
    </li>
    <li id="fn-codeblock-note">
    <pre><code>this is now a code block (8 spaces indentation)
    </code></pre>
    <a href="#fnref-codeblock-note" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="4" aria-label="Back to reference 4">↩</a>
    </li>
    </ol>
    </section>

    """
}
