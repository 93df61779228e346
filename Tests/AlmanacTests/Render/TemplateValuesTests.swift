import Foundation
import Testing
@testable import Almanac

/// The typed template contexts read in templates exactly as the dictionaries and strings they replaced.
@Suite struct TemplateValuesTests {
    /// A root with one text under `x` and a plain `string` below it, typed or as a dictionary.
    struct Root: TemplateObject {
        var x: Any
        func child(named name: String) -> Any? {
            switch name {
            case "x": return x
            case "string": return "outer"
            default: return nil
            }
        }
    }

    static func render(_ template: String, _ context: Any) throws -> String {
        let library = TemplateLibrary(templates: ["t": try CompiledTemplate(parsing: template)])
        return try #require(library.render(context, withTemplate: "t"))
    }

    @Test(arguments: ["", "Ответ «как есть»", "<b>&amp;\"'</b>", "a.b"])
    func textRendersAsAStringWould(_ value: String) throws {
        // Escaped, raw, transformed, as a section (where `string` must come from below, as for
        // a String, whose Mirror has no children), inverted.
        let template = "{{x}}|{{{x}}}|{{uppercased(x)}}|{{empty(x)}}|{{#x}}[{{.}}:{{string}}]{{/x}}|{{^x}}none{{/x}}"
        let typed = try Self.render(template, Root(x: TemplateText(value)))
        let plain = try Self.render(template, ["x": value, "string": "outer"] as [String: Any])
        #expect(typed == plain)
        #expect(typed.contains(":outer]"))
    }

    @Test func paramsReadAsFrontMatterDictionariesDid() throws {
        let entries: [MetaEntry] = [
            .init(key: "none", value: .null, line: 1), .init(key: "flag", value: .bool(true), line: 2),
            .init(key: "off", value: .bool(false), line: 3), .init(key: "n", value: .int(3), line: 4),
            .init(key: "d", value: .double(1.5), line: 5), .init(key: "s", value: .string("<x>"), line: 6),
            .init(key: "list", value: .list([.string("a"), .int(2)]), line: 7),
            .init(key: "map", value: .map([.init(key: "k", value: .string("v"), line: 9)]), line: 8),
            .init(key: "dup", value: .string("first"), line: 10), .init(key: "dup", value: .string("last"), line: 11),
        ]
        let template = "[{{p.none}}]{{#p.flag}}F{{/p.flag}}{{^p.off}}!{{/p.off}}{{p.n}} {{p.d}} {{p.s}} "
            + "{{#p.list}}<{{.}}>{{/p.list}} {{p.map.k}} {{p.dup}} {{p.missing}}{{count(p)}}{{#sorted(p)}}{{key}},{{/sorted(p)}}"
        let html = try Self.render(template, ["p": ParamsContext(entries: entries)] as [String: Any])
        #expect(html == "[]F!3 1.5 &lt;x&gt; <a><2> v last 9d,dup,flag,list,map,n,none,off,s,")
    }

    @Test func uiWordsAreATreeOfTheirDottedKeys() throws {
        let ui = UIContext(UIStrings(values: ["search.label": "Найти", "search.facet.type": "Тип", "edit": "Править"]))
        let html = try Self.render("{{ui.search.label}}/{{ui.search.facet.type}}/{{ui.edit}}/{{ui.nothing.here}}", ["ui": ui] as [String: Any])
        #expect(html == "Найти/Тип/Править/")
    }

    /// The build cache will fingerprint a page's context: it must be a plain value, equal when
    /// built twice from the same site and different when what the page shows changed.
    @Test func aPageContextIsAPlainValueOfWhatThePageShows() throws {
        let (result, _) = Fixtures.build("publishing")
        var site = try #require(result.site)
        let theme = try #require(Theme.load(siteDirectory: SharedMaterial.repositoryRoot, language: "ru").0)
        let index = try #require(site.pages.firstIndex { $0.id == "replies/delay" })
        let context = PageContext(site: site, strings: theme.strings, icons: theme.icons)
        let first = context.page(site.pages[index])
        let again = context.page(site.pages[index])
        #expect(first == again && first.hashValue == again.hashValue)
        site.pages[index].description = "Другое описание"
        let changed = PageContext(site: site, strings: theme.strings, icons: theme.icons).page(site.pages[index])
        #expect(changed != first)
        #expect(theme.render(layout: "reply", changed).contains("Другое описание"))
    }
}
