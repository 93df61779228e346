import Foundation
import Testing
@testable import Almanac
import AlmanacFuzzing

/// Icons are inlined unescaped, so the loader lets through drawings and nothing else.
@Suite struct ThemeIconsTests {
    private let icons = SharedMaterial.repositoryRoot.appendingPathComponent("templates/icons")

    private func svg(_ body: String, root: String = #"viewBox="0 0 24 24""#) -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" \#(root)>\#(body)</svg>"#
    }

    @Test func bundledIconsAllLoadAsHiddenDrawings() throws {
        let (loaded, diagnostics) = ThemeIcons.load(icons)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        for name in ["menu", "close", "search", "copy", "check", "chevron-right", "external", "warning", "info", "clock",
                     "book", "list", "home", "truck", "alert", "shield", "message", "users", "money", "megaphone",
                     "gavel", "bot", "flame", "star", "fake"] {
            let icon = try #require(loaded[name], "no icon \(name)")
            #expect(icon.hasPrefix("<svg ") && icon.hasSuffix("</svg>"))
            #expect(icon.contains(#"aria-hidden="true""#) && icon.contains(#"focusable="false""#))
            #expect(icon.contains(#"class="icon icon-\#(name)""#))
            #expect(icon.contains(#"viewBox="0 0 24 24""#) && icon.contains(#"stroke="currentColor""#))
        }
    }

    @Test(arguments: [
        #"<script>alert(1)</script>"#,
        #"<path d="M0 0" onload="alert(1)"/>"#,
        #"<path d="M0 0" style="fill:red"/>"#,
        #"<a href="javascript:alert(1)"><path d="M0 0"/></a>"#,
        ##"<use href="#x"/>"##,
        #"<foreignObject><div>x</div></foreignObject>"#,
        #"<!-- <script> -->"#,
        #"hello"#,
        #"<path d="M0 0" fill="url(https://e.example/x)"/>"#,
        #"<path d='M0 0'/>"#,
        #"<path d="M0 0" fill="&#106;"/>"#,
        #"<svg><path d="M0 0"/></svg>"#,
    ])
    func hostileMarkupIsRefused(body: String) {
        if case .success(let out) = ThemeIcons.sanitise(svg(body), name: "x") {
            Issue.record("accepted: \(out)")
        }
    }

    @Test func aRefusedIconStopsTheBuildWithFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("icons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<svg viewBox=\"0 0 24 24\">\n<path d=\"M0 0\"/>\n<script>x</script></svg>".write(
            to: dir.appendingPathComponent("bad.svg"), atomically: true, encoding: .utf8)
        try svg(#"<path d="M1 1"/>"#).write(to: dir.appendingPathComponent("good.svg"), atomically: true, encoding: .utf8)
        let (loaded, diagnostics) = ThemeIcons.load(dir)
        #expect(loaded.keys.sorted() == ["good"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.file == "templates/icons/bad.svg" && diagnostics.first?.line == 3)
        #expect(diagnostics.hasErrors)
    }

    @Test func textAroundTheRootAndASecondRootAreRefused() {
        for text in ["x" + svg(""), svg("") + svg(""), "<path d=\"M0 0\"/>", "", svg("<g>")] {
            if case .success = ThemeIcons.sanitise(text, name: "x") { Issue.record("accepted: \(text)") }
        }
    }

    @Test func everyLayoutSeesIconsByHyphenatedName() throws {
        let template = try CompiledTemplate(parsing: "<p>{{{icons.chevron-right}}}</p>")
        var theme = try #require(Theme.load(siteDirectory: SharedMaterial.repositoryRoot, language: "ru").0)
        var library = try #require(theme.library as? TemplateLibrary)
        library.register(template, named: "probe")
        theme.library = library
        theme.layouts.insert("probe")
        let html = theme.render(layout: "probe", RedirectContext(url: "", title: "", ui: UIContext(), root: "", language: "ru"))
        #expect(html.hasPrefix("<p><svg xmlns=") && html.contains(#"class="icon icon-chevron-right""#))
    }

    @Test func theMarkupAuditPassesIconsAndStillCatchesSVGThatOnlyLooksLikeOne() throws {
        let (loaded, _) = ThemeIcons.load(icons)
        let icon = try #require(loaded["copy"])
        #expect(MarkupAudit.findings(in: "<button>\(icon)<span>x</span></button><script>x</script>").count == 1,
                "the tag right after an icon is still audited")
        #expect(MarkupAudit.findings(in: "<p>\(icon)\(loaded["check"]!)</p>") == [])
        let fakes = [
            #"<svg class="icon icon-x" aria-hidden="true"><script>alert(1)</script></svg>"#,
            #"<svg class="icon icon-x" aria-hidden="true"><animate attributeName="href" to="javascript:alert(1)"/></svg>"#,
            #"<svg class="icon icon-x" aria-hidden="true" onload="alert(1)"><path d="M0 0"/></svg>"#,
            #"<svg class="icon icon-x" aria-hidden="true"><foreignObject><iframe src="x"></iframe></foreignObject></svg>"#,
            #"<svg class="icon icon-x"><path d="M0 0"/></svg>"#,
        ]
        for fake in fakes { #expect(!MarkupAudit.findings(in: fake).isEmpty, "\(fake)") }
    }
}
