import Testing
@testable import Almanac

@Suite struct LinkResolverTests {
    let resolver = LinkResolver(
        pages: [("", "_index.md", PageAddress(directory: "")),
                ("principles", "principles/_index.md", PageAddress(directory: "principles")),
                ("principles/empathy", "principles/empathy.md", PageAddress(directory: "principles/empathy")),
                ("cases/x", "cases/x.md", PageAddress(directory: "cases/x"))],
        assets: ["cases/photo one.png"], offline: false)
    let from = PageAddress(directory: "cases/x")

    @Test func pagesByRelativeSourcePath() {
        let r = resolver.resolve("../principles/empathy.md#chto-delat", fromContentPath: "cases/x.md", address: from)
        #expect(r.href == "../../principles/empathy/#chto-delat")
        #expect(r.target == .page(id: "principles/empathy", anchor: "chto-delat"))
    }

    @Test func sectionsByIndexFileOrFolder() {
        #expect(resolver.resolve("../principles/_index.md", fromContentPath: "cases/x.md", address: from).href == "../../principles/")
        #expect(resolver.resolve("../principles/", fromContentPath: "cases/x.md", address: from).href == "../../principles/")
        #expect(resolver.resolve("../_index.md", fromContentPath: "cases/x.md", address: from).href == "../../")
    }

    @Test func offlineLinksNameTheFile() {
        let offline = LinkResolver(pages: [("a/b", "a/b.md", PageAddress(directory: "a/b")), ("", "_index.md", PageAddress(directory: ""))],
                                   assets: [], offline: true)
        #expect(offline.resolve("../_index.md", fromContentPath: "a/b.md", address: PageAddress(directory: "a/b")).href
                == "../../index.html")
    }

    @Test func assetsAreRelativeToTheOutputPageAndEncoded() {
        let r = resolver.resolve("photo%20one.png", fromContentPath: "cases/x.md", address: from)
        #expect(r.href == "../photo%20one.png")
    }

    @Test func missingPageSuggestsTheClosestOne() {
        let r = resolver.resolve("../principles/empaty.md", fromContentPath: "cases/x.md", address: from)
        #expect(r.problem == .missingPage(path: "principles/empaty.md", suggestion: "principles/empathy.md"))
    }

    @Test func pathsClimbingOutOfContentAreRefused() {
        let r = resolver.resolve("../../../etc/passwd", fromContentPath: "cases/x.md", address: from)
        #expect(r.problem == .leavesContent(path: "../../../etc/passwd"))
    }

    @Test func externalLinksAreLeftAlone() {
        for url in ["https://negativ.pro", "mailto:pr@example.ru", "//cdn.example.com/x.js", "tel:+7000", "svn+ssh:x", "a1.b-c:y"] {
            #expect(resolver.resolve(url, fromContentPath: "cases/x.md", address: from).target == .external)
        }
        // Not a scheme: a digit first, a character outside the scheme's alphabet, or nothing before the colon.
        for path in ["1ab:x", "схема:x", "a b:x", ":x", "a_b:c", "cases/x.md", "/x:y"] {
            #expect(!LinkResolver.isExternal(path), "\(path)")
        }
    }

    @Test func dotsAndEmptyPartsFoldAway() {
        let cases: [(String, String?)] = [("a/./b/../c", "a/c"), ("a//b/", "a/b"), ("./", ""), ("..", nil), ("a/../..", nil),
                                          ("кейсы/./отзыв.md", "кейсы/отзыв.md"), ("a/..b/.c", "a/..b/.c"), ("", "")]
        for (path, normalized) in cases { #expect(LinkResolver.normalize(path) == normalized, "\(path)") }
    }
}

@Suite struct PageAddressTests {
    @Test func relativeURLs() {
        let page = PageAddress(directory: "a/b")
        #expect(page.outputPath == "a/b/index.html")
        #expect(page.rootPrefix == "../../")
        #expect(page.relativeURL(to: PageAddress(directory: "a/c"), offline: false) == "../c/")
        #expect(page.relativeURL(to: PageAddress(directory: "a/b"), offline: false) == "./")
        #expect(page.relativeURL(to: PageAddress(directory: "a"), offline: true) == "../index.html")
        #expect(PageAddress(directory: "").relativeURL(to: PageAddress(directory: "x y"), offline: false) == "x%20y/")
    }
}

@Suite struct OrderingAndSlugTests {
    @Test func russianCollationPutsЁWithЕAndCyrillicFirst() {
        let sorted = ["Ягода", "ёж", "Ель", "Apple", "жук", "Еда"].sorted(by: RussianCollation.less)
        #expect(sorted == ["Еда", "ёж", "Ель", "жук", "Ягода", "Apple"])
    }

    @Test func slugsTransliterate() {
        #expect(Slug.make("Что делать, если «всё сломалось»?") == "chto-delat-esli-vse-slomalos")
        #expect(Slug.make("Щука и подъезд") == "shchuka-i-podezd")
        #expect(Slug.make("SMM-отдел 2024") == "smm-otdel-2024")
        #expect(Slug.make("🔥") == "")
    }
}

@Suite struct SlugCaseTests {
    @Test func capitalsOfEveryCyrillicBlockAreLowered() {
        #expect(Slug.make("ЁЛКА Їжак Єва Ґанок Ўлад") == "elka-yizhak-yeva-ganok-ulad")
        #expect(Slug.make("Don't Panic") == "dont-panic")
    }
}

/// Links written as the built site's URLs, as MkDocs, Hugo and hand-written HTML name pages.
@Suite struct URLStyleLinkTests {
    let resolver = LinkResolver(pages: [
        ("", "index.md", PageAddress(directory: "")),
        ("guide", "guide/README.md", PageAddress(directory: "guide")),
        ("guide/setup", "guide/setup.md", PageAddress(directory: "guide/setup")),
        ("guide/write", "guide/write.md", PageAddress(directory: "guide/write")),
        ("guide/write/setup", "guide/write/setup.md", PageAddress(directory: "guide/write/setup")),
        ("about/license", "about/license.md", PageAddress(directory: "about/legal")),
    ], assets: [], offline: false)

    func resolve(_ link: String, from path: String) -> LinkResolver.Resolution {
        let id = String(path.dropLast(3))
        return resolver.resolve(link, fromContentPath: path, address: PageAddress(directory: id == "index" ? "" : id))
    }

    @Test func folderPageFileAndAddressForms() {
        #expect(resolve("guide/", from: "index.md").target == .page(id: "guide", anchor: nil))
        #expect(resolve("guide/setup/#step", from: "index.md").target == .page(id: "guide/setup", anchor: "step"))
        #expect(resolve("setup.html", from: "guide/write.md").target == .page(id: "guide/setup", anchor: nil))
        #expect(resolve("/about/legal/", from: "guide/setup.md").target == .page(id: "about/license", anchor: nil))
        #expect(resolve("/guide/index.html", from: "guide/setup.md").target == .page(id: "guide", anchor: nil))
        #expect(resolve("setup", from: "guide/write.md").problem != nil, "ambiguous without the slash too")
        #expect(resolve("../../about/legal/", from: "guide/setup.md").href == "../../about/legal/")
        #expect(resolve("/Guide/Setup/", from: "index.md").target == .page(id: "guide/setup", anchor: nil), "Hugo lower-cases URLs")
    }

    @Test func twoReadingsResolveToTheFilesOneWithAWarning() {
        let r = resolve("setup/", from: "guide/write.md")
        #expect(r.target == .page(id: "guide/setup", anchor: nil))
        #expect(r.problem == .ambiguous(path: "setup/", chosen: "guide/setup", other: "guide/write/setup"))
    }

    @Test func hiddenFoldersAreNamedAsSuch() {
        #expect(resolve(".gitbook/assets/a.png", from: "index.md").problem == .hidden(path: ".gitbook/assets/a.png"))
        #expect(resolve("nothing/", from: "index.md").problem == .missingFile(path: "nothing", suggestion: nil))
    }
}
