@testable import AlmanacRender
import Testing

/// Which self-inclusions the theme is refused for: only those no data can end.
@Suite struct TemplateCyclesTests {
    func cycles(_ sources: [String: String]) throws -> [TemplateCycles.Cycle] {
        TemplateCycles.find(try sources.mapValues { try CompiledTemplate(parsing: $0) })
    }

    @Test func aTemplateIncludingItselfAtItsTopLevelIsACycle() throws {
        #expect(try cycles(["tree": "<ul>\n  {{>tree}}\n</ul>"]) == [.init(chain: ["tree", "tree"], line: 2)])
        #expect(try cycles(["page": "{{<page}}{{$main}}x{{/main}}{{/page}}"]) == [.init(chain: ["page", "page"], line: 1)])
    }

    @Test func aRingIsReportedOnceFromItsFirstName() throws {
        let found = try cycles(["c": "{{>a}}", "b": "x\n{{>c}}", "a": "{{>b}}", "d": "{{>a}}"])
        #expect(found == [.init(chain: ["a", "b", "c", "a"], line: 1)])
    }

    @Test func whatDataOrAnotherTemplateCanEndIsLeftAlone() throws {
        #expect(try cycles([
            "tree": "{{#children}}{{>tree}}{{/children}}{{^leaf}}{{/leaf}}",  // ends with the data
            "inverted": "{{^done}}{{>inverted}}{{/done}}",
            "block": "{{$more}}{{>block}}{{/more}}",  // a default another template may replace
            "dynamic": "{{>*dynamic}}",  // the name comes with the page
            "missing": "{{>nowhere}}",
        ]).isEmpty)
    }
}
