import Foundation
import Testing
@testable import Almanac

@Suite struct DiagnosticTests {
    @Test func sortsByFileThenLine() {
        let a = Diagnostic.error("b", file: "content/b.md", line: 3, code: .schema)
        let b = Diagnostic.error("a", file: "content/a.md", line: 9, code: .schema)
        let c = Diagnostic.warning("c", file: "content/a.md", line: 2, code: .schema)
        #expect([a, b, c].sorted().map(\.message) == ["c", "a", "b"])
    }

    @Test func printsLikeACompiler() {
        let d = Diagnostic.error("ссылка на несуществующую страницу", file: "content/x.md", line: 12, column: 5,
                                 code: .brokenLink, hint: "может быть, principles/speed.md?")
        let out = DiagnosticPrinter(format: .text).render([d])
        #expect(out == "content/x.md:12:5: error: ссылка на несуществующую страницу [broken-link]\n    hint: может быть, principles/speed.md?\n")
    }

    @Test func githubFormatEscapesNewlines() {
        let d = Diagnostic.warning("a\nb", file: "content/x.md", line: 1, code: .schema)
        #expect(DiagnosticPrinter(format: .github).render([d]) == "::warning file=content/x.md,line=1::a%0Ab\n")
    }

    @Test func jsonCarriesTheCodeByItsName() throws {
        let d = Diagnostic.warning("абзац", file: "content/a.md", line: 2, code: .repeatedParagraph)
        let json = DiagnosticPrinter(format: .json).render([d])
        #expect(json.contains("\"code\" : \"repeated-paragraph\""), "\(json)")
        let back = try JSONDecoder().decode([Diagnostic].self, from: Data(json.utf8))
        #expect(back == [d])
    }

    @Test func codesKeepTheNamesWritersUse() {
        // almanac.yml files in use name these codes under `lint:`; a renamed case must not drop one.
        #expect(DiagnosticCode.silenceable.map(\.rawValue) == [
            "alias", "anchor-alias", "anchor-removed", "broken-anchor", "broken-link", "duplicate-title",
            "duplicate-url", "edited-after-approval", "front-matter", "hidden-file", "icon", "image-alt",
            "index-file", "link-style", "missing-image", "no-owner", "orphan-page", "placeholder",
            "repeated-paragraph", "review-overdue", "schema", "slug", "symlink",
        ])
        #expect(DiagnosticCode(rawValue: "broken-link") == .brokenLink)
        #expect("\(DiagnosticCode.duplicateURL)" == "duplicate-url")
        #expect(!DiagnosticCode.config.isSilenceable && !DiagnosticCode.footnoteMissing.isSilenceable)
    }
}
