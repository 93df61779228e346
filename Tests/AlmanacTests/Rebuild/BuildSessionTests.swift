import Foundation
import Testing
@testable import Almanac

/// The preview server's incremental rebuilds must give exactly the site a full build gives.
@Suite struct BuildSessionTests {
    static let pages: [String: String] = [
        "_index.md": "# Главная\n\nНачните с [первого шага](guide/first.md).\n",
        "guide/_index.md": "---\ntitle: Руководство\n---\nРаздел о [шагах](first.md).\n",
        "guide/first.md": "---\ntitle: Первый шаг\ntags: [начало]\n---\nТекст первого шага. Дальше — [второй](second.md#chto-delat).\n\n## Зачем\n\nПотому что.\n",
        "guide/second.md": "---\ntitle: Второй шаг\n---\nВернуться к [первому](first.md).\n\n## Что делать\n\nДелать.\n",
        "guide/pic.png": "not really a png",
    ]

    func contents(_ files: [String: OutputFile]) -> [String: Data] {
        files.mapValues { file in
            switch file.contents {
            case .data(let d): return d
            case .copy(let url): return (try? Data(contentsOf: url)) ?? Data()
            }
        }
    }

    func fullBuild(_ site: URL) -> ([String: Data], [Diagnostic]) {
        var fresh = BuildSession(options: BuildOptions(siteDirectory: site))
        let update = fresh.build()
        return (contents(fresh.files), update.diagnostics)
    }

    /// Applies an edit, updates the session, refreshes derived files, and compares with a fresh build.
    func expectSameAsFullBuild(_ session: inout BuildSession, site: URL, changed: Set<String>,
                               sourceLocation: SourceLocation = #_sourceLocation) -> BuildSession.Update {
        let update = session.update(changed: changed)
        if let snapshot = session.derivedSnapshot(), session.derivedIsStale {
            session.applyDerived(snapshot.derive(), generation: snapshot.generation)
        }
        let (expected, expectedDiagnostics) = fullBuild(site)
        let actual = contents(session.files)
        #expect(Set(actual.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        for (path, data) in expected where actual[path] != data {
            Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
        }
        #expect(session.diagnostics == expectedDiagnostics, sourceLocation: sourceLocation)
        return update
    }

    func write(_ site: URL, _ path: String, _ text: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func fullSessionBuildMatchesBuildRun() throws {
        let site = Fixtures.makeSite(Self.pages)
        let out = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let result = Build.run(BuildOptions(siteDirectory: site, output: out))
        var session = BuildSession(options: BuildOptions(siteDirectory: site, output: out.deletingLastPathComponent().appendingPathComponent("none")))
        let update = session.build()
        #expect(update.diagnostics == result.diagnostics)
        let written = Dictionary(uniqueKeysWithValues: Fixtures.files(in: out).map {
            ($0, try! Data(contentsOf: out.appendingPathComponent($0)))
        })
        let actual = contents(session.files)
        #expect(Set(actual.keys) == Set(written.keys))
        for (path, data) in written where actual[path] != data { Issue.record("\(path) differs from Build.run") }
    }

    @Test func bodyEditRendersOnlyThatPage() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/second.md", "---\ntitle: Второй шаг\n---\nВернуться к [первому](first.md).\n\n## Что делать\n\nДелать быстро.\n")
        let update = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/second.md"])
        #expect(update.scope == .pages(["guide/second.md"]))
        #expect(update.changedPaths == ["guide/second/index.html"])
    }

    @Test func newLinkRendersTheTargetForItsBacklinks() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/second.md", "---\ntitle: Второй шаг\n---\nВернуться к [первому](first.md).\n\n## Что делать\n\nДелать или идти [домой](../_index.md).\n")
        let update = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/second.md"])
        #expect(Set(update.changedPaths ?? []) == ["guide/second/index.html", "index.html"])
        // And dropping both links again.
        try write(site, "content/guide/second.md", "---\ntitle: Второй шаг\n---\nБез ссылок.\n\n## Что делать\n\nДелать.\n")
        _ = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/second.md"])
    }

    @Test func headingChangeRechecksLinksIntoThePage() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/second.md", "---\ntitle: Второй шаг\n---\nВернуться к [первому](first.md).\n\n## Как делать\n\nДелать.\n")
        let update = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/second.md"])
        #expect(update.diagnostics.contains { $0.code == .brokenAnchor && $0.file == "content/guide/first.md" })
    }

    @Test func titleChangeRebuildsFromTheGraph() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/second.md", "---\ntitle: Шаг второй\n---\nВернуться к [первому](first.md).\n\n## Что делать\n\nДелать.\n")
        let update = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/second.md"])
        #expect(update.scope == .graph)
        #expect(update.changedPaths == nil)
    }

    @Test func firstParagraphIsTheDescriptionOthersShow() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/first.md", "---\ntitle: Первый шаг\ntags: [начало]\n---\nДругой первый абзац. Дальше — [второй](second.md#chto-delat).\n\n## Зачем\n\nПотому что.\n")
        let update = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/first.md"])
        #expect(update.scope == .pages(["guide/first.md"]))
        #expect(Set(update.changedPaths ?? []).isSuperset(of: ["guide/first/index.html", "guide/index.html"]))
    }

    @Test func titleChangeThatKeepsTheOrderRendersWhereTheTitleShows() throws {
        var pages = Self.pages
        for i in 1...4 { pages["other/p\(i).md"] = "# Другая \(i)\n\nК [первому шагу](../guide/first.md).\n" }
        let site = Fixtures.makeSite(pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/first.md", "---\ntitle: Первый шаг, исправленный\ntags: [начало]\n---\nТекст первого шага. Дальше — [второй](second.md#chto-delat).\n\n## Зачем\n\nПотому что.\n")
        let update = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/first.md"])
        #expect(update.scope == .pages(["guide/first.md"]))
        // Pages in another folder with the guide closed in their sidebar need nothing.
        #expect(!(update.changedPaths ?? []).contains("other/p1/index.html"))
        // A folder without _index.md: its generated listing shows the new title.
        try write(site, "content/other/p2.md", "# Другая 2б\n\nК [первому шагу](../guide/first.md).\n")
        let listed = expectSameAsFullBuild(&session, site: site, changed: ["content/other/p2.md"])
        #expect((listed.changedPaths ?? []).contains("other/index.html"))
    }

    @Test func titleOfAReferencedPageShowsInTheReferringPage() throws {
        let config = """
            title: Тест
            language: ru
            types:
              principle:
                folder: principles
                fields:
                  order: {type: int, required: true}
              reply:
                folder: replies
                fields:
                  principles: {type: list, ref: principle}

            """
        let site = Fixtures.makeSite([
            "_index.md": "# Главная\n",
            "principles/_index.md": "# Принципы\n",
            "principles/speed.md": "---\ntitle: Скорость\norder: 1\n---\nБыстро.\n",
            "principles/tact.md": "---\ntitle: Такт\norder: 2\n---\nВежливо.\n",
            "replies/_index.md": "# Ответы\n",
            "replies/late.md": "---\ntitle: Опоздание\nprinciples: [principles/speed]\n---\nИзвините.\n",
        ], config: config)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/principles/speed.md", "---\ntitle: Скорость реакции\norder: 1\n---\nБыстро.\n")
        let update = expectSameAsFullBuild(&session, site: site, changed: ["content/principles/speed.md"])
        #expect(update.scope == .pages(["principles/speed.md"]))
        try write(site, "content/replies/late.md", "---\ntitle: Опоздание\nprinciples: [principles/speed, principles/tact]\n---\nИзвините.\n")
        _ = expectSameAsFullBuild(&session, site: site, changed: ["content/replies/late.md"])
    }

    @Test func addedAndDeletedFilesRebuildEverything() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/third.md", "# Третий\n\nК [первому](first.md).\n")
        #expect(expectSameAsFullBuild(&session, site: site, changed: ["content/guide/third.md"]).scope == .full)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/guide/third.md"))
        #expect(expectSameAsFullBuild(&session, site: site, changed: ["content/guide/third.md"]).scope == .full)
    }

    @Test func brokenFrontMatterIsHeldBackUntilFixed() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        let good = session.files["guide/second/index.html"]
        try write(site, "content/guide/second.md", "---\ntitle: [Второй шаг\n---\nТекст.\n")
        let broken = session.update(changed: ["content/guide/second.md"])
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.contains { $0.file == "content/guide/second.md" && $0.code == .frontMatter && (2...3).contains($0.line) },
                "\(broken.diagnostics)")
        if case .data(let a)? = session.files["guide/second/index.html"]?.contents, case .data(let b)? = good?.contents {
            #expect(a == b, "the last good page stays")
        }
        // An unrelated edit meanwhile keeps the error.
        try write(site, "content/guide/first.md", "---\ntitle: Первый шаг\ntags: [начало]\n---\nТекст первого шага. Дальше — [второй](second.md#chto-delat).\n\n## Зачем\n\nПотому что так.\n")
        #expect(!session.update(changed: ["content/guide/first.md"]).succeeded)
        try write(site, "content/guide/second.md", "---\ntitle: Второй шаг\n---\nВернуться к [первому](first.md).\n\n## Что делать\n\nИсправлено.\n")
        let fixed = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/second.md"])
        #expect(fixed.succeeded)
    }

    @Test func brokenLinkIsAnErrorAndFixingItClearsIt() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/second.md", "---\ntitle: Второй шаг\n---\nВернуться к [первому](frist.md).\n\n## Что делать\n\nДелать.\n")
        let broken = expectSameAsFullBuild(&session, site: site, changed: ["content/guide/second.md"])
        #expect(broken.diagnostics.contains { $0.code == .brokenLink && $0.line == 4 && $0.hint == "может быть, guide/first.md?" })
        try write(site, "content/guide/second.md", Self.pages["guide/second.md"]!)
        #expect(expectSameAsFullBuild(&session, site: site, changed: ["content/guide/second.md"]).succeeded)
    }

    @Test func assetEditsAndStrayFilesNeedNoRebuild() throws {
        let site = Fixtures.makeSite(Self.pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/pic.png", "another picture")
        let update = session.update(changed: ["content/guide/pic.png", "content/guide/.first.md.swp", "content/guide/gone.tmp"])
        #expect(update.scope == .assets)
        #expect(update.changedPaths == ["guide/pic.png"])
    }

    @Test func editingADraftChangesNothing() throws {
        var pages = Self.pages
        pages["guide/draft.md"] = "---\ndraft: true\n---\n# Черновик\n"
        let site = Fixtures.makeSite(pages)
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        _ = session.build()
        try write(site, "content/guide/draft.md", "---\ndraft: true\n---\n# Черновик, правка\n")
        #expect(session.update(changed: ["content/guide/draft.md"]).scope == .nothing)
        try write(site, "content/guide/draft.md", "# Уже не черновик\n\nК [первому](first.md).\n")
        #expect(expectSameAsFullBuild(&session, site: site, changed: ["content/guide/draft.md"]).scope == .full)
    }

    /// The bundled knowledge base: typed pages, listings with filters, references between types.
    @Test func editsToTheBundledSiteMatchAFullBuild() throws {
        let site = Fixtures.temporaryDirectory()
        let fm = FileManager.default
        for item in ["almanac.yml", "content"] {
            try fm.copyItem(at: SharedMaterial.repositoryRoot.appendingPathComponent(item), to: site.appendingPathComponent(item))
        }
        try fm.createSymbolicLink(at: site.appendingPathComponent("templates"),
                                  withDestinationURL: SharedMaterial.repositoryRoot.appendingPathComponent("templates"))
        var session = BuildSession(options: BuildOptions(siteDirectory: site))
        #expect(session.build().succeeded)
        func edit(_ path: String, _ change: (String) -> String) throws -> BuildSession.Update {
            let url = site.appendingPathComponent(path)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
            return expectSameAsFullBuild(&session, site: site, changed: [path])
        }
        let retitled = try edit("content/principles/speed.md") {
            $0.replacingOccurrences(of: "title: Скорость реакции", with: "title: Скорость первой реакции")
        }
        #expect(retitled.scope == .pages(["principles/speed.md"]))
        _ = try edit("content/replies/apology.md") {
            $0.replacingOccurrences(of: "description: Публичное извинение,", with: "description: Публичное и честное извинение,")
        }
        _ = try edit("content/replies/apology.md") { $0 + "\nЕщё один абзац в конце.\n" }
        _ = try edit("content/replies/apology.md") { $0.replacingOccurrences(of: "status: согласовано", with: "status: устарело") }
    }
}
