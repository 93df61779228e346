import Foundation
import Testing
@testable import Almanac
@testable import AlmanacServer
import FlyingFox

/// The preview server, started in-process on a free loopback port.
@Suite(.serialized) struct PreviewServerTests {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// A small site with its own copy of the theme, an image, and a secret just outside it.
    static func makeSite() throws -> (site: URL, outside: URL) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("almanac-serve-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try fm.createDirectory(at: site.appendingPathComponent("content/guide"), withIntermediateDirectories: true)
        try fm.copyItem(at: repository.appendingPathComponent("templates"), to: site.appendingPathComponent("templates"))
        try "title: Тест\nlanguage: ru\n".write(to: site.appendingPathComponent("almanac.yml"), atomically: true, encoding: .utf8)
        let pages = [
            "_index.md": "# Главная\n\nК [руководству](guide/step.md).\n",
            "guide/step.md": "# Шаг\n\nТекст шага. ![Схема](scheme.svg) и [домой](../_index.md).\n",
            "guide/scheme.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "guide/photo.png": "\u{89}PNG",
            "guide/Схема процесса.pdf": "%PDF-1.4",
        ]
        for (path, text) in pages {
            try text.write(to: site.appendingPathComponent("content/" + path), atomically: true, encoding: .utf8)
        }
        let outside = root.appendingPathComponent("secret.txt")
        try "secret".write(to: outside, atomically: true, encoding: .utf8)
        return (site, outside)
    }

    static func start(_ site: URL) async throws -> (PreviewServer, RawHTTP) {
        let server = PreviewServer(options: .init(siteDirectory: site, port: 0))
        let url = try await server.start()
        return (server, RawHTTP(port: UInt16(url.port!)))
    }

    @Test func servesTheSiteWithTheRightTypes() async throws {
        let (site, _) = try Self.makeSite()
        let (server, http) = try await Self.start(site)
        defer { Task { await server.stop() } }
        let expected: [(String, String)] = [
            ("/", "text/html; charset=utf-8"), ("/guide/step/", "text/html; charset=utf-8"),
            ("/assets/css/almanac.css", "text/css; charset=utf-8"), ("/assets/js/almanac.js", "text/javascript; charset=utf-8"),
            ("/search/meta.json", "application/json"), ("/guide/scheme.svg", "image/svg+xml"), ("/guide/photo.png", "image/png"),
            ("/guide/%D0%A1%D1%85%D0%B5%D0%BC%D0%B0%20%D0%BF%D1%80%D0%BE%D1%86%D0%B5%D1%81%D1%81%D0%B0.pdf", "application/pdf"),
            ("/robots.txt", "text/plain; charset=utf-8"), ("/__almanac/live.js", "text/javascript; charset=utf-8"),
            ("/__almanac/live.css", "text/css; charset=utf-8"),
        ]
        for (path, type) in expected {
            let response = await http.get(path)
            #expect(response?.status == 200, "\(path)")
            #expect(response?.headers["content-type"] == type, "\(path)")
        }
        let page = try #require(await http.get("/guide/step/"))
        #expect(page.text.contains("<script defer src=\"/__almanac/live.js\"></script></head>"))
        #expect(page.headers["cache-control"] == "no-store")
        #expect(await http.get("/guide/step")?.status == 301)
        #expect(await http.get("/guide/step")?.headers["location"] == "/guide/step/")
        let missing = try #require(await http.get("/guide/nothing-here/"))
        #expect(missing.status == 404)
        #expect(missing.text.contains("<base href=\"/\">"))
        #expect(await http.get("/", method: "POST")?.status == 405)
        #expect(await http.get("/", method: "HEAD")?.status == 200)
        // Nothing is written into the site folder.
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    /// The 404 page carries the published address as its base when base_url is set; the preview
    /// server must point it at itself, or its links would leave for the live site.
    @Test func notFoundPageLinksIntoThePreviewNotTheLiveSite() async throws {
        let (site, _) = try Self.makeSite()
        try "title: Тест\nlanguage: ru\nbase_url: https://wiki.example.ru/crisis/\n"
            .write(to: site.appendingPathComponent("almanac.yml"), atomically: true, encoding: .utf8)
        let (server, http) = try await Self.start(site)
        defer { Task { await server.stop() } }
        let missing = try #require(await http.get("/a/b/c"))
        #expect(missing.status == 404)
        #expect(missing.text.components(separatedBy: "<base ").count == 2, "one base element")
        #expect(missing.text.contains("<base href=\"/\">"))
        #expect(!missing.text.contains("wiki.example.ru/crisis/\">"))
        #expect(missing.text.contains("class=\"site-header\""))
    }

    @Test func refusesPathsThatLeaveTheSite() async throws {
        let (site, outside) = try Self.makeSite()
        // A theme asset and a content file that are symbolic links to a file outside the site.
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("templates/assets/leak.txt"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("content/guide/leak.txt"), withDestinationURL: outside)
        let (server, http) = try await Self.start(site)
        defer { Task { await server.stop() } }
        let probes = [
            "/../almanac.yml", "/guide/../../almanac.yml", "/%2e%2e/almanac.yml", "/%2E%2E/%2e%2e/secret.txt",
            "/..%2f..%2fsecret.txt", "/guide/%2e%2e/%2e%2e/almanac.yml", "//etc/passwd", "/guide//step/",
            "/guide%5c..%5c..%5calmanac.yml", "/guide\\..\\almanac.yml", "/%00", "/./index.html",
        ]
        for probe in probes {
            let response = await http.get(probe)
            #expect(response?.status == 403, "\(probe): \(response?.status ?? 0)")
            #expect(response?.text.contains("secret") == false)
        }
        for path in ["/almanac.yml", "/content/_index.md", "/templates/layouts/base.mustache", "/etc/passwd"] {
            #expect(await http.get(path)?.status == 404, "\(path)")
        }
        let asset = try #require(await http.get("/assets/leak.txt"))
        #expect([403, 404].contains(asset.status))  // the theme loader does not follow links either
        #expect(!asset.text.contains("secret"))
        let content = try #require(await http.get("/guide/leak.txt"))
        #expect(content.status == 404)  // discovery skips links out of content/ with a warning
    }

    @Test func anEditReloadsTheOpenPageAndAnErrorShowsUntilFixed() async throws {
        let (site, _) = try Self.makeSite()
        let (server, http) = try await Self.start(site)
        defer { Task { await server.stop() } }
        let fd = try #require(http.connectSocket())
        defer { close(fd) }
        http.send(fd, "GET /__almanac/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let hello = await http.read(fd, until: "\n\n")
        #expect(hello.contains("text/event-stream"))
        #expect(hello.contains("event: hello"))

        let file = site.appendingPathComponent("content/guide/step.md")
        try "# Шаг\n\nТекст шага. ![Схема](scheme.svg) и [домой](../_index.md).\n\nНовый абзац.\n".write(to: file, atomically: true, encoding: .utf8)
        server.applyNow(["content/guide/step.md"])
        let reload = await http.read(fd, until: "\"pages\"")
        #expect(reload.contains("event: reload"))
        #expect(reload.contains("\"pages\":[\"/guide/step/\"]"))
        #expect(await http.get("/guide/step/")?.text.contains("Новый абзац.") == true)

        try "# Шаг\n\nТекст. [Куда-то](nowhere.md)\n".write(to: file, atomically: true, encoding: .utf8)
        server.applyNow(["content/guide/step.md"])
        let problems = await http.read(fd, until: "event: problems")
        #expect(problems.contains("event: problems"))
        let data = await http.read(fd, until: "\n\n", timeout: 2)
        #expect((problems + data).contains("\"file\":\"content/guide/step.md\""))
        #expect((problems + data).contains("\"line\":3"))
        // The last good page stays served meanwhile.
        #expect(await http.get("/guide/step/")?.text.contains("Новый абзац.") == true)

        try "# Шаг\n\nИсправлено. [Домой](../_index.md)\n".write(to: file, atomically: true, encoding: .utf8)
        server.applyNow(["content/guide/step.md"])
        let fixed = await http.read(fd, until: "event: reload")
        #expect(fixed.contains("event: reload"))
        #expect(await http.get("/guide/step/")?.text.contains("Исправлено.") == true)
    }

    @Test func survivesABurstAndStopsCleanly() async throws {
        let (site, _) = try Self.makeSite()
        let (server, http) = try await Self.start(site)
        // 400 requests over 16 connections at once: bounded, loopback only.
        let paths = ["/", "/guide/step/", "/assets/css/almanac.css", "/search/meta.json", "/nope/", "/%2e%2e/x"]
        // Blocking clients on threads of their own: the server shares Swift's cooperative pool.
        let statuses = await withCheckedContinuation { (done: CheckedContinuation<[Int], Never>) in
            let results = Results()
            let group = DispatchGroup()
            for worker in 0..<16 {
                group.enter()
                Thread {
                    results.append((0..<25).map { i in http.getBlocking(paths[(worker + i) % paths.count])?.status ?? 0 })
                    group.leave()
                }.start()
            }
            group.notify(queue: .global()) { done.resume(returning: results.all) }
        }
        #expect(statuses.count == 400)
        #expect(statuses.allSatisfy { [200, 403, 404].contains($0) }, "\(Set(statuses))")
        #expect(await http.get("/")?.status == 200)
        // An open event stream must not keep the server from stopping.
        let fd = try #require(http.connectSocket())
        http.send(fd, "GET /__almanac/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        _ = await http.read(fd, until: "event: hello")
        let started = Date()
        await server.stop()
        close(fd)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(http.connectSocket() == nil, "the port is released")
    }

    @Test func sitePathRules() {
        let exists: (String) -> Bool = { ["index.html", "a/index.html", "a/b.png"].contains($0) }
        #expect(SitePath.resolve("/", exists: exists) == .file("index.html"))
        #expect(SitePath.resolve("/a/", exists: exists) == .file("a/index.html"))
        #expect(SitePath.resolve("/a", exists: exists) == .folder("a/"))
        #expect(SitePath.resolve("/a/b.png", exists: exists) == .file("a/b.png"))
        #expect(SitePath.resolve("/a/%D1%91.png", exists: exists) == .file("a/ё.png"))
        for bad in ["/..", "/a/..", "/a/%2E%2E/b", "//a", "/a//b", "a", "/a\\b", "/%5c", "/%00", "/.", "/a/./b", "/%zz"] {
            #expect(SitePath.resolve(bad, exists: exists) == .refused, "\(bad)")
        }
    }

    @Test func copiedFilesMustLieInsideContentOrTemplates() async throws {
        let (site, outside) = try Self.makeSite()
        let responder = SiteResponder(siteDirectory: site, events: LiveEvents())
        responder.publish([
            "leak.txt": OutputFile(path: "leak.txt", copyFrom: outside),
            "config.txt": OutputFile(path: "config.txt", copyFrom: site.appendingPathComponent("almanac.yml")),
            "ok.svg": OutputFile(path: "ok.svg", copyFrom: site.appendingPathComponent("content/guide/scheme.svg")),
        ])
        func status(_ path: String) async -> Int {
            await responder.respond(to: HTTPRequest(method: .GET, version: .http11, path: path, query: [], headers: [:],
                                                    body: Data()), hello: { "{}" }).statusCode.code
        }
        #expect(await status("/leak.txt") == 403)
        #expect(await status("/config.txt") == 403)
        #expect(await status("/ok.svg") == 200)
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func append(_ more: [Int]) { lock.withLock { values += more } }
    var all: [Int] { lock.withLock { values } }
}
