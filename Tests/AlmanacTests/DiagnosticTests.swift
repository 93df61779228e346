import Foundation
import Testing
@testable import Almanac

@Suite struct DiagnosticTests {
    @Test func sortsByFileThenLine() {
        let a = Diagnostic(file: "content/b.md", line: 3, severity: .error, code: .schema, message: "b")
        let b = Diagnostic(file: "content/a.md", line: 9, severity: .error, code: .schema, message: "a")
        let c = Diagnostic(file: "content/a.md", line: 2, severity: .warning, code: .schema, message: "c")
        #expect([a, b, c].sorted().map(\.message) == ["c", "a", "b"])
    }

    @Test func printsLikeACompiler() {
        let d = Diagnostic.error(.linkToMissingPage(path: "principles/sped.md"), file: "content/x.md", line: 12, column: 5,
                                 code: .brokenLink, hint: .maybe(suggestion: "principles/speed.md"))
        let out = DiagnosticPrinter(format: .text).render([d])
        #expect(out == "content/x.md:12:5: error: ссылка на несуществующую страницу «principles/sped.md» [broken-link]\n"
            + "    hint: может быть, principles/speed.md?\n")
    }

    @Test func githubFormatEscapesNewlines() {
        let d = Diagnostic(file: "content/x.md", line: 1, severity: .warning, code: .schema, message: "a\nb")
        #expect(DiagnosticPrinter(format: .github).render([d]) == "::warning file=content/x.md,line=1::a%0Ab\n")
    }

    @Test func jsonCarriesTheCodeByItsName() throws {
        let d = Diagnostic.warning(.repeatedParagraph(source: "content/b.md", line: 7), file: "content/a.md", line: 2,
                                   code: .repeatedParagraph, hint: .keepOneCopy)
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

    /// The catalogue renders the words the checks used to write inline; the cases whose text depends
    /// on a value are pinned here with both readings.
    @Test func catalogueRendersTheTextTheChecksPrinted() {
        #expect(DiagnosticMessage.addressTaken(address: "/a/", other: "content/b.md", skipped: false).text
            == "страница получает тот же адрес «/a/», что и content/b.md")
        #expect(DiagnosticMessage.addressTaken(address: "/a/", other: "content/b.md", skipped: true).text
            == "страница получает тот же адрес «/a/», что и content/b.md; адрес остаётся за content/b.md, эта страница пропущена")
        #expect(DiagnosticMessage.filePathTakenByPage(path: "a/x.html", page: "content/a/x.md", skipped: true).text
            == "файл займёт тот же путь «a/x.html», что и страница content/a/x.md; файл не копируется")
        #expect(DiagnosticMessage.filePathTakenByListing(path: "a/index.html", folder: "a", skipped: false).text
            == "файл займёт тот же путь «a/index.html», что и список раздела content/a/")
        #expect(DiagnosticMessage.filePathTakenByListing(path: "index.html", folder: "", skipped: true).text
            == "файл займёт тот же путь «index.html», что и список раздела content/; файл не копируется")
        #expect(DiagnosticHint.rereadText(owner: nil).text
            == "перечитайте текст, затем перенесите review_by или поставьте status: устарело")
        #expect(DiagnosticHint.rereadText(owner: "Юрист").text
            == "перечитайте текст с владельцем (Юрист), затем перенесите review_by или поставьте status: устарело")
        #expect(DiagnosticHint.nameThePageFile(chosen: "").text == "назовите файл страницы, например _index.md")
        #expect(DiagnosticMessage.fieldTooFewItems(field: "steps", count: 1, minimum: 3).text
            == "поле «steps»: в списке 1 из не менее чем 3 пунктов")
        #expect(DiagnosticHint.allowedValues(values: ["a", "b"]).text == "допустимые значения: a, b")
        #expect(DiagnosticHint.knownExtensions(names: ["tables", "footnotes"]).text == "известны: tables, footnotes")
        #expect(DiagnosticMessage.serverFailed(reason: "address in use").text == "address in use")
    }
}
