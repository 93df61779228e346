import Foundation
import Testing
@testable import Almanac

/// The build cache's oracle (issue 19): a build into an output folder it built before — which
/// reuses its last run once the cache exists — must write exactly what a clean build of the same
/// sources writes into a fresh folder, for every kind of edit a writer makes; and a build that
/// fails must leave the previous output as it was, byte for byte and mtime for mtime.
///
/// Each case builds a small site into `A`, applies its edit steps, builds into `A` again after
/// each step, and compares `A` file by file with a clean build into a fresh folder `B`. The clean
/// build is told the anchors `A` had published before the step (`anchorsFrom`), as a clean build
/// of the same published site is: a reworded heading keeps its old anchor as an alias.
@Suite struct BuildCacheOracleTests {
    static let today = IsoDate("2026-06-01")!

    static let config = "title: Тест\nlanguage: ru\n"

    static let pages: [String: String] = [
        "_index.md": "# Главная\n\nНачните с [первого шага](guide/first.md) или с [разбора](cases/alpha.md).\n",
        "guide/_index.md": "---\ntitle: Руководство\n---\nРаздел о [шагах](first.md).\n",
        "guide/first.md": """
            ---
            title: Первый шаг
            description: С чего начать ответ на жалобу.
            tags: [начало]
            weight: 1
            ---
            Текст первого шага. Дальше — [второй](second.md#chto-delat).

            ![Схема ответа](pic.png)

            ## Зачем

            Потому что быстрый ответ снимает половину напряжения.

            """,
        "guide/second.md": """
            ---
            title: Второй шаг
            tags: [начало, ответ]
            weight: 2
            ---
            Вернуться к [первому](first.md).

            ## Что делать

            Ответить по существу и назвать срок.

            """,
        "guide/third.md": """
            ---
            title: Третий шаг
            tags: [ответ]
            weight: 3
            ---
            Подвести итог и [вернуться к началу](first.md).

            """,
        "guide/draft.md": "---\ntitle: Черновик шага\ndraft: true\n---\nЕщё не готово. См. [первый шаг](first.md).\n",
        "guide/pic.png": "\u{89}PNG first picture",
        "cases/_index.md": "---\ntitle: Разборы\n---\nРазборы случаев.\n",
        "cases/alpha.md": "---\ntitle: Случай «Альфа»\ntags: [ответ]\n---\nКак применили [первый шаг](../guide/first.md).\n",
        "cases/beta.md": "---\ntitle: Случай «Бета»\n---\nЕщё один разбор, без ссылок.\n",
        "cases/gamma.md": "---\ntitle: Случай «Гамма»\n---\nРазбор, который удалят.\n",
    ]

    /// One change to the site's files, and whether the build after it must fail.
    struct Step: Sendable {
        var fails = false
        /// False only for the step that changes nothing: every other edit must show in the output,
        /// or comparing the outputs would prove nothing about it.
        var showsInOutput = true
        var apply: @Sendable (URL) throws -> Void
    }

    /// A kind of edit: one or more steps, each followed by a build into the same output.
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var steps: [Step]
        var testDescription: String { name }

        init(_ name: String, showsInOutput: Bool = true, _ apply: @escaping @Sendable (URL) throws -> Void) {
            self.name = name
            steps = [Step(showsInOutput: showsInOutput, apply: apply)]
        }

        init(_ name: String, steps: [Step]) {
            self.name = name
            self.steps = steps
        }
    }

    static let repeatedParagraph = "Ответ в первый час снимает половину напряжения, если в нём есть срок, имя ответственного и следующий шаг.\n"

    static let brokenLink = Step(fails: true) {
        try replace($0, "content/guide/second.md", "[первому](first.md)", "[первому](frist.md)")
    }
    /// Fixed with other words than before, so that the output differs from the one before the break.
    static let fixedLink = Step {
        try replace($0, "content/guide/second.md", "[первому](frist.md)", "[первому шагу](first.md)")
    }

    /// Every kind of edit the cache has to notice; `allEditsInSequenceMatchACleanBuild` applies
    /// them one after another too.
    static let edits: [Edit] = [
        Edit("nothing changed", showsInOutput: false) { _ in },
        Edit("page body") {
            try replace($0, "content/guide/second.md", "назвать срок.", "назвать срок. Срок лучше держать коротким.")
        },
        Edit("page title (sidebar, neighbours, listings)") {
            try replace($0, "content/guide/second.md", "title: Второй шаг", "title: Шаг второй")
        },
        Edit("title of a page another section shows in its backlinks") {
            try replace($0, "content/cases/alpha.md", "title: Случай «Альфа»", "title: Случай «Альфа», разбор")
        },
        Edit("description") {
            try replace($0, "content/guide/first.md", "description: С чего начать ответ на жалобу.", "description: С чего начать ответ.")
        },
        Edit("tags") { try replace($0, "content/guide/third.md", "tags: [ответ]", "tags: [итог, начало]") },
        Edit("weight (reorders the section)") { try replace($0, "content/guide/third.md", "weight: 3", "weight: 0") },
        Edit("heading reworded (anchor alias)") { try replace($0, "content/guide/first.md", "## Зачем", "## Зачем это") },
        Edit("new page") {
            try write($0, "content/guide/fourth.md", "---\ntitle: Четвёртый шаг\nweight: 4\n---\nПосле [второго](second.md).\n")
        },
        Edit("deleted page") { try FileManager.default.removeItem(at: $0.appendingPathComponent("content/cases/gamma.md")) },
        Edit("renamed page") { try move($0, "content/guide/third.md", "content/guide/summary.md") },
        Edit("page moved to another section") { try move($0, "content/cases/beta.md", "content/guide/beta.md") },
        Edit("broken link (the build fails)", steps: [brokenLink]),
        // first.md links to second.md#chto-delat and does not change: its link check must not
        // come from the memo once the heading it names is gone (the build fails).
        Edit("heading another page links to reworded beyond recognition", steps: [Step(fails: true) {
            try replace($0, "content/guide/second.md", "## Что делать", "## Порядок действий")
        }]),
        Edit("broken link, then fixed", steps: [brokenLink, fixedLink]),
        Edit("image changed") { try write($0, "content/guide/pic.png", "\u{89}PNG second picture, longer") },
        Edit("image added") { try write($0, "content/cases/chart.png", "\u{89}PNG chart") },
        Edit("layout template") {
            try replace($0, "templates/layouts/article.mustache", "<div class=\"content\">", "<div class=\"content body\">")
        },
        Edit("partial template") {
            try replace($0, "templates/partials/footer.mustache", "<footer class=\"site-footer\">", "<footer class=\"site-footer wide\">")
        },
        Edit("stylesheet") { try append($0, "templates/assets/css/almanac.css", "\n.page h1 { letter-spacing: 0.01em; }\n") },
        Edit("interface strings") { try replace($0, "templates/i18n/ru.yml", "tags.title: Метки", "tags.title: Все метки") },
        Edit("almanac.yml") { try write($0, "almanac.yml", "title: Тест, второе издание\nlanguage: ru\n") },
        Edit("draft published") { try replace($0, "content/guide/draft.md", "draft: true\n", "") },
        Edit("section _index.md") {
            try replace($0, "content/guide/_index.md", "title: Руководство\n---\nРаздел о", "title: Руководство по шагам\n---\nРаздел обо всех")
        },
        Edit("paragraph copied to a second page (repeated-paragraph warning)", steps: [
            Step { try append($0, "content/guide/second.md", "\n" + repeatedParagraph) },
            Step { try append($0, "content/cases/alpha.md", "\n" + repeatedParagraph) },
        ]),
        Edit("home _index.md") { try append($0, "content/_index.md", "\nИ ещё одна строка на главной.\n") },
    ]

    @Test(arguments: edits)
    func rebuildAfterEditMatchesACleanBuild(_ edit: Edit) throws {
        let site = try Self.makeSite()
        let a = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let first = Self.build(site, into: a)
        #expect(first.succeeded, "\(first.diagnostics)")
        for step in edit.steps { try Self.expectStep(step, site: site, output: a) }
    }

    /// The same edits one after another on one site: each build starts from the cache the one
    /// before it left, failed builds included.
    @Test func allEditsInSequenceMatchACleanBuild() throws {
        let site = try Self.makeSite()
        let a = Fixtures.temporaryDirectory().appendingPathComponent("public")
        #expect(Self.build(site, into: a).succeeded)
        for edit in Self.edits {
            // An edit that leaves the site broken would break every later step.
            guard edit.steps.last?.fails != true else { continue }
            for step in edit.steps { try Self.expectStep(step, site: site, output: a, context: edit.name) }
        }
    }

    /// The knowledge base Almanac ships, where replies name the principles they rest on in a typed
    /// field: a principle's new title must show in every reply that names it, in another section.
    @Test func retitledPrincipleShowsInTheRepliesThatNameIt() throws {
        let site = Fixtures.temporaryDirectory().appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["almanac.yml", "content", "templates"] {
            try FileManager.default.copyItem(at: SharedMaterial.repositoryRoot.appendingPathComponent(item),
                                             to: site.appendingPathComponent(item))
        }
        let a = Fixtures.temporaryDirectory().appendingPathComponent("public")
        #expect(Self.build(site, into: a).succeeded)
        let title = try #require(try String(contentsOf: site.appendingPathComponent("content/principles/empathy.md"), encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("title: ") })
        try Self.expectStep(Step { try Self.replace($0, "content/principles/empathy.md", String(title), String(title) + " (правка)") },
                            site: site, output: a)
    }

    /// Files whose bytes did not change are not rewritten: an rsync or a CDN sync moves only what
    /// changed.
    @Test func unchangedFilesKeepTheirMtimes() throws {
        let site = try Self.makeSite()
        let a = Fixtures.temporaryDirectory().appendingPathComponent("public")
        #expect(Self.build(site, into: a).succeeded)

        // Unchanged sources: nothing is rewritten.
        var before = try Self.snapshot(a)
        Thread.sleep(forTimeInterval: 0.05)  // beyond the file system's timestamp granularity
        #expect(Self.build(site, into: a).succeeded)
        var after = try Self.snapshot(a)
        #expect(Set(after.keys) == Set(before.keys))
        for (path, old) in before.sorted(by: { $0.key < $1.key }) {
            #expect(after[path]?.mtime == old.mtime, "\(path) was rewritten by an unchanged rebuild")
        }

        // One page's body: only the files whose bytes changed get a new mtime.
        before = after
        Thread.sleep(forTimeInterval: 0.05)
        try Self.replace(site, "content/guide/second.md", "назвать срок.", "назвать срок. Срок лучше держать коротким.")
        #expect(Self.build(site, into: a).succeeded)
        after = try Self.snapshot(a)
        #expect(after["guide/second/index.html"]?.bytes != before["guide/second/index.html"]?.bytes, "the edit shows")
        var rewritten: [String] = []
        for (path, old) in before.sorted(by: { $0.key < $1.key }) {
            guard let new = after[path] else { continue }
            if new.bytes == old.bytes {
                #expect(new.mtime == old.mtime, "\(path) has the same bytes but was rewritten")
            } else {
                rewritten.append(path)
                #expect(new.mtime != old.mtime, "\(path) changed but kept its mtime")
            }
        }
        #expect(rewritten.contains("guide/second/index.html"))
        #expect(rewritten.count < before.count / 2, "a body edit rewrote \(rewritten.count) of \(before.count) files: \(rewritten)")
    }

    /// The comparison is not vacuous: outputs that differ in one file's bytes, or in one file's
    /// presence, are reported.
    @Test func comparisonSeesADifferentOutput() throws {
        let site = try Self.makeSite()
        let a = Fixtures.temporaryDirectory().appendingPathComponent("public")
        #expect(Self.build(site, into: a).succeeded)
        let b = Fixtures.temporaryDirectory().appendingPathComponent("public")
        #expect(Self.build(site, into: b).succeeded)
        #expect(try Self.differences(a, b).isEmpty)

        let page = b.appendingPathComponent("guide/second/index.html")
        var bytes = try Data(contentsOf: page)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: page)
        #expect(try Self.differences(a, b) == ["guide/second/index.html: bytes differ"])

        try FileManager.default.removeItem(at: b)
        #expect(Self.build(site, into: b).succeeded)
        try Data("stray".utf8).write(to: b.appendingPathComponent("stray.txt"))
        #expect(try Self.differences(a, b) == ["stray.txt: only in the clean build"])
    }

    // MARK: - Building and comparing

    static func build(_ site: URL, into output: URL, anchorsFrom: URL? = nil) -> BuildResult {
        var options = BuildOptions(siteDirectory: site, output: output, today: today)
        options.anchorsFrom = anchorsFrom
        // Every file of these sites changed milliseconds ago: with the usual margin no file would
        // be known by the last build's record of it, and the rebuild would read them all.
        options.stampMargin = 0
        return Build.run(options)
    }

    /// Applies one step, builds into `output` again, and checks it against a clean build.
    static func expectStep(_ step: Step, site: URL, output a: URL, context: String = "",
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        // What `A` held before: the clean build publishes after the same site, and a failed
        // build must leave exactly this.
        let published = Fixtures.temporaryDirectory().appendingPathComponent("published")
        try FileManager.default.copyItem(at: a, to: published)
        let before = try snapshot(a)
        Thread.sleep(forTimeInterval: 0.02)  // so that a rewrite gets another mtime

        try step.apply(site)
        let rebuilt = build(site, into: a)
        let b = Fixtures.temporaryDirectory().appendingPathComponent("public")
        let clean = build(site, into: b, anchorsFrom: published)
        let label = context.isEmpty ? "" : "\(context): "

        #expect(rebuilt.diagnostics == clean.diagnostics, "\(label)diagnostics differ from a clean build's", sourceLocation: sourceLocation)
        if step.fails {
            #expect(!rebuilt.succeeded, "\(label)the build should fail", sourceLocation: sourceLocation)
            #expect(!clean.succeeded, "\(label)the clean build should fail", sourceLocation: sourceLocation)
            let after = try snapshot(a)
            #expect(Set(after.keys) == Set(before.keys), "\(label)a failed build changed the output's files", sourceLocation: sourceLocation)
            for (path, old) in before.sorted(by: { $0.key < $1.key }) where after[path] != old {
                Issue.record("\(label)\(path) was touched by a failed build", sourceLocation: sourceLocation)
            }
        } else {
            #expect(rebuilt.succeeded, "\(label)\(rebuilt.diagnostics)", sourceLocation: sourceLocation)
            #expect(clean.succeeded, "\(label)\(clean.diagnostics)", sourceLocation: sourceLocation)
            #expect(!Fixtures.files(in: a).isEmpty, sourceLocation: sourceLocation)
            for difference in try differences(a, b) {
                Issue.record("\(label)\(difference)", sourceLocation: sourceLocation)
            }
            let changed = try !differences(published, a).isEmpty
            #expect(changed == step.showsInOutput, "\(label)the edit \(changed ? "changed" : "did not change") the output",
                    sourceLocation: sourceLocation)
        }
        try? FileManager.default.removeItem(at: published.deletingLastPathComponent())
        try? FileManager.default.removeItem(at: b.deletingLastPathComponent())
    }

    /// Every way the rebuilt output `a` differs from the clean build `b`: files only in one, and
    /// files whose bytes differ.
    static func differences(_ a: URL, _ b: URL) throws -> [String] {
        let left = Set(Fixtures.files(in: a)), right = Set(Fixtures.files(in: b))
        var found = left.subtracting(right).sorted().map { "\($0): only in the rebuilt output" }
        found += right.subtracting(left).sorted().map { "\($0): only in the clean build" }
        for path in left.intersection(right).sorted()
        where try Data(contentsOf: a.appendingPathComponent(path)) != Data(contentsOf: b.appendingPathComponent(path)) {
            found.append("\(path): bytes differ")
        }
        return found
    }

    struct FileState: Equatable {
        var bytes: Data
        var mtime: Date
    }

    /// Each file's bytes and modification time, by path.
    static func snapshot(_ dir: URL) throws -> [String: FileState] {
        var states: [String: FileState] = [:]
        for path in Fixtures.files(in: dir) {
            let url = dir.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            states[path] = FileState(bytes: try Data(contentsOf: url), mtime: attributes[.modificationDate] as! Date)
        }
        return states
    }

    // MARK: - The fixture and its edits

    /// The fixture with its own copy of the theme, so that template edits stay in it.
    static func makeSite() throws -> URL {
        let site = Fixtures.makeSite(pages, config: config)
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.removeItem(at: templates)
        try FileManager.default.copyItem(at: SharedMaterial.repositoryRoot.appendingPathComponent("templates"), to: templates)
        return site
    }

    static func write(_ site: URL, _ path: String, _ text: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func replace(_ site: URL, _ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
        guard text.contains(old) else { throw FixtureError.missing(old, in: path) }
        try write(site, path, text.replacingOccurrences(of: old, with: new))
    }

    static func append(_ site: URL, _ path: String, _ text: String) throws {
        try write(site, path, try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) + text)
    }

    static func move(_ site: URL, _ from: String, _ to: String) throws {
        let target = site.appendingPathComponent(to)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: site.appendingPathComponent(from), to: target)
    }

    enum FixtureError: Error, CustomStringConvertible {
        case missing(String, in: String)
        var description: String {
            switch self { case .missing(let text, let path): return "\(path) does not contain «\(text)»" }
        }
    }
}
