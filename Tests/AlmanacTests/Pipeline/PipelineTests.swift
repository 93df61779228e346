import Foundation
import Testing
@testable import Almanac

@Suite struct PipelineTests {
    @Test func everyContentFileBecomesAPageAndEveryInternalLinkResolves() throws {
        let (result, out) = Fixtures.build("basic")
        #expect(result.succeeded, "\(result.diagnostics)")
        let files = Fixtures.files(in: out)
        for page in ["index.html", "guide/index.html", "guide/first-step/index.html", "guide/second-step/index.html",
                     "cases/ёлка/index.html", "cases/index.html", "guide/diagram.png", "404.html", "search/index.html",
                     "tags/index.html", "tags/start/index.html", "robots.txt", "assets/css/almanac.css"] {
            #expect(files.contains(page), "missing \(page)")
        }
        for file in files where file.hasSuffix(".html") && file != "404.html" {
            for href in LinkScan.internalTargets(in: Fixtures.read(out, file)) {
                let target = LinkScan.resolve(href, from: file)
                #expect(files.contains(target) || files.contains(target + "index.html"),
                        "\(file): link \(href) → \(target) leads nowhere")
            }
        }
    }

    /// `--base-url` is checked as `base_url:` is, and a bad one is reported under the option's name
    /// (it used to be pasted into YAML text and parsed, so a quote in it broke the parse).
    @Test func commandLineBaseURLIsCheckedAndAppliedAsTheConfigurationsIs() {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        var options = BuildOptions(siteDirectory: Fixtures.site("basic"), output: out, baseURL: "https://wiki.example.ru/crisis")
        let built = Build.run(options)
        #expect(built.succeeded, "\(built.diagnostics)")
        #expect(Fixtures.read(out, "index.html").contains("<link rel=\"canonical\" href=\"https://wiki.example.ru/crisis/\">"))

        for bad in ["ftp://wiki.example.ru/", "wiki.example.ru/crisis", "https://x.ru/\"\nlinks: warn"] {
            options.baseURL = bad
            options.output = Fixtures.temporaryDirectory().appendingPathComponent("public")
            let failed = Build.run(options)
            #expect(!failed.succeeded, "\(bad) was accepted")
            #expect(failed.diagnostics.contains { $0.file == "--base-url" && $0.code == .config }, "\(failed.diagnostics)")
        }
    }

    @Test func offlineLinksNameIndexFilesSoTheyOpenFromDisk() {
        let (result, out) = Fixtures.build("basic", offline: true)
        #expect(result.succeeded)
        let html = Fixtures.read(out, "guide/first-step/index.html")
        #expect(html.contains("href=\"../second-step/index.html\""))
        #expect(html.contains("href=\"../../index.html\""))
        for href in LinkScan.internalTargets(in: html) {
            let file = [".html", ".css", ".js", ".png", ".svg"].contains { href.hasSuffix($0) }
            #expect(file || href.contains(".html#"), "offline link \(href) would open a folder")
        }
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let (_, a) = Fixtures.build("basic")
        let (_, b) = Fixtures.build("basic")
        let files = Fixtures.files(in: a)
        #expect(files == Fixtures.files(in: b))
        for file in files {
            let da = try Data(contentsOf: a.appendingPathComponent(file)), db = try Data(contentsOf: b.appendingPathComponent(file))
            #expect(da == db, "\(file) differs between builds")
        }
    }

    @Test func brokenSiteReportsEveryProblemWithItsLineAndKeepsThePreviousSite() throws {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let (good, _) = Fixtures.build("basic", output: out)
        #expect(good.succeeded)
        let before = Fixtures.files(in: out)

        let (result, _) = Fixtures.build("broken", output: out)
        let printed = DiagnosticPrinter().render(result.diagnostics)
        #expect(!result.succeeded)
        #expect(printed.contains("content/_index.md:4:11: error: ссылка на несуществующую страницу «guide/frist-step.md»"))
        #expect(printed.contains("content/_index.md:4:63: error: на странице content/page.md нет заголовка с якорем «#net-takogo»"))
        #expect(printed.contains("content/page.md:3:1: error: ошибка в front matter"))
        #expect(printed.contains("content/schema.md:3: error: поле «level»: недопустимое значение «средний»"))
        #expect(Fixtures.files(in: out) == before, "a failed build must leave the previous site as it was")
    }

    @Test func staleFilesFromAnEarlierBuildDisappear() throws {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "old".write(to: out.appendingPathComponent("stale.html"), atomically: true, encoding: .utf8)
        let (result, _) = Fixtures.build("basic", output: out)
        #expect(result.succeeded)
        #expect(!Fixtures.files(in: out).contains("stale.html"))
    }

    @Test func titlesFromFrontMatterAreEscapedAndRawHTMLIsDropped() {
        let (_, out) = Fixtures.build("basic")
        let html = Fixtures.read(out, "cases/ёлка/index.html")
        #expect(html.contains("<h1>Кейс &lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("onclick"))
    }

    @Test func theOutputFolderMayNotBeTheSiteItself() {
        let site = Fixtures.makeSite(["a.md": "# A\n"])
        let result = Build.run(BuildOptions(siteDirectory: site, output: site))
        #expect(!result.succeeded)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/a.md").path))
    }
}

/// Reads href/src values out of generated HTML to check where they lead.
enum LinkScan {
    static func internalTargets(in html: String) -> [String] {
        var out: [String] = []
        for attr in ["href=\"", "src=\""] {
            var rest = html[...]
            while let r = rest.range(of: attr) {
                rest = rest[r.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = String(rest[..<end])
                if !value.isEmpty, !value.hasPrefix("#"), !LinkResolver.isExternal(value) { out.append(value) }
            }
        }
        return out
    }

    static func resolve(_ href: String, from file: String) -> String {
        let path = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let base = (file as NSString).deletingLastPathComponent
        let joined = (base.isEmpty ? "" : base + "/") + (path.removingPercentEncoding ?? path)
        let normalized = LinkResolver.normalize(joined) ?? "<outside>"
        return path.hasSuffix("/") || path.isEmpty || path == "./" ? (normalized.isEmpty ? "" : normalized + "/") : normalized
    }
}

@Suite struct ThemeErrorTests {
    /// A site whose templates/ is a copy of the theme, there to be broken.
    static func siteWithItsOwnTheme() throws -> (site: URL, templates: URL) {
        let site = Fixtures.makeSite(["a.md": "# A\n"])
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.removeItem(at: templates)
        try FileManager.default.copyItem(at: SharedMaterial.repositoryRoot.appendingPathComponent("templates"), to: templates)
        return (site, templates)
    }

    @Test func templateErrorsNameTheTemplateFileAndLine() throws {
        let (site, templates) = try Self.siteWithItsOwnTheme()
        try "<p>\n{{#page.title}}\n{{/page.tiltle}}\n".write(
            to: templates.appendingPathComponent("layouts/article.mustache"), atomically: true, encoding: .utf8)
        let result = Build.run(BuildOptions(siteDirectory: site, output: site.appendingPathComponent("public")))
        let error = result.diagnostics.first { $0.code == .template }
        #expect(error?.file == "templates/layouts/article.mustache")
        #expect(error?.line == 3)
        #expect(!result.succeeded)
    }

    /// Every way a template can fail to parse is named in the writer's words, each broken file in
    /// the same run, with its line and column.
    @Test func everyKindOfTemplateMistakeIsNamedAtOnce() throws {
        let (site, templates) = try Self.siteWithItsOwnTheme()
        let broken: [(name: String, text: String, line: Int, words: String)] = [
            ("end", "<p>\n{{title", 2, "незакрытый тег"),
            ("block", "{{$main(x)}}{{/main}}", 1, "преобразование"),
            ("parent", "{{<base}}\n{{title}}\n{{/base}}", 3, "только блоки"),  // reported where the call closes
            ("pragma", "{{%CONTENT_TYPE}}", 1, "прагма пишется так"),
            ("unknown", "x\n{{% CONTENT_TYPE: JSON }}", 2, "неизвестная прагма"),
            ("delimiters", "{{=<% %>}}", 1, "разделител"),
            ("unclosed", "{{#page}}\n", 2, "секция не закрыта"),
            // Includes itself (through loop-back.mustache below) whatever the page holds: reported
            // once, at the tag, with the chain; the inclusion inside a section is no mistake.
            ("loop", "<ul>\n{{#items}}{{>loop}}{{/items}}\n{{>loop-back}}\n</ul>", 3,
             "включает сам себя при любых данных: loop → loop-back → loop"),
        ]
        try "<li>{{>loop}}</li>".write(to: templates.appendingPathComponent("partials/loop-back.mustache"), atomically: true, encoding: .utf8)
        for template in broken {
            try template.text.write(to: templates.appendingPathComponent("partials/\(template.name).mustache"),
                                    atomically: true, encoding: .utf8)
        }
        let result = Build.run(BuildOptions(siteDirectory: site, output: site.appendingPathComponent("public")))
        #expect(!result.succeeded)
        for template in broken {
            let found = result.diagnostics.first { $0.file == "templates/partials/\(template.name).mustache" }
            #expect(found?.line == template.line, "\(template.name)")
            #expect(found?.message.contains(template.words) == true, "\(template.name): \(found?.message ?? "nothing")")
        }
    }
}
