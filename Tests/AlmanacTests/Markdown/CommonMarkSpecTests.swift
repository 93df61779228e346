import Foundation
import Testing
@testable import Almanac

/// The Markdown stage must be cmark itself when nothing is decorated and GitHub's extensions
/// are off: all 652 examples of the CommonMark 0.30 spec, byte for byte, with raw HTML allowed
/// and smart punctuation off.
@Suite struct CommonMarkSpecTests {
    static let specPath = "commonmark/spec-0.30.json"

    @Test(SpecExample.available(specPath))
    func allSpecExamplesRenderExactly() throws {
        let examples = try SpecExample.load(Self.specPath)
        #expect(examples.count == 652)
        let renderer = MarkdownRenderer(options: .init(unsafeHTML: true, smartPunctuation: false, decorateHeadings: false,
                                                       extensions: []))
        var failures: [Int] = []
        for example in examples where renderer.render(example.markdown).html != example.html {
            failures.append(example.example)
        }
        #expect(failures.isEmpty, "examples that differ: \(failures)")
    }
}
