import Testing
@testable import Almanac

@Suite struct DiagnosticTests {
    @Test func sortsByFileThenLine() {
        let a = Diagnostic.error("b", file: "content/b.md", line: 3, code: "x")
        let b = Diagnostic.error("a", file: "content/a.md", line: 9, code: "x")
        let c = Diagnostic.warning("c", file: "content/a.md", line: 2, code: "x")
        #expect([a, b, c].sorted().map(\.message) == ["c", "a", "b"])
    }

    @Test func printsLikeACompiler() {
        let d = Diagnostic.error("ссылка на несуществующую страницу", file: "content/x.md", line: 12, column: 5,
                                 code: "broken-link", hint: "может быть, principles/speed.md?")
        let out = DiagnosticPrinter(format: .text).render([d])
        #expect(out == "content/x.md:12:5: error: ссылка на несуществующую страницу [broken-link]\n    hint: может быть, principles/speed.md?\n")
    }

    @Test func githubFormatEscapesNewlines() {
        let d = Diagnostic.warning("a\nb", file: "content/x.md", line: 1, code: "x")
        #expect(DiagnosticPrinter(format: .github).render([d]) == "::warning file=content/x.md,line=1::a%0Ab\n")
    }
}
