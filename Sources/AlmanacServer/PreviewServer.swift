import Almanac
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// `almanac serve`: builds the site into memory, answers on a loopback port, watches the sources,
/// rebuilds what an edit affects and tells the open pages to reload (or shows them the errors).
///
/// Rebuilds run one at a time on a queue of their own, off the HTTP server's threads; the pages
/// are answered from the last good build meanwhile. The search index, sitemap and lint follow a
/// moment after each edit, from a snapshot, so they never delay the page the writer is looking at.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var siteDirectory: URL
        public var host: String
        /// nil: 8080, or the next free port up to 8099.
        public var port: UInt16?
        public var includeDrafts: Bool
        public var links: SiteConfig.LinkPolicy?

        public init(siteDirectory: URL, host: String = "127.0.0.1", port: UInt16? = nil, includeDrafts: Bool = false,
                    links: SiteConfig.LinkPolicy? = nil) {
            self.siteDirectory = siteDirectory
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
            self.links = links
        }
    }

    /// What the command line reports to the writer.
    public enum Event: Sendable {
        /// A build or rebuild finished; `trigger` lists the changed files (empty for the first build).
        case built(BuildSession.Update, trigger: [String])
        /// Search index, sitemap and lint caught up with the pages; the current diagnostics.
        case refreshed([Diagnostic], seconds: Double)
    }

    public struct StartError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public let options: Options
    private let report: @Sendable (Event) -> Void
    private let queue = DispatchQueue(label: "almanac.preview.rebuild")
    private let events = LiveEvents()
    private let responder: SiteResponder

    /// What `start` sets up and `stop` takes down.
    private struct Running {
        var watcher: SourceWatcher?
        var server: HTTPServer?
        var serverTask: Task<Void, Error>?
        var heartbeat: DispatchSourceTimer?
    }
    private let running = Mutex(Running())

    /// The session and where the rebuilds stand. Only work on `queue` takes this lock, one item at
    /// a time, so it is never waited for; it lets the compiler check that nothing else touches them.
    private struct Rebuild {
        var session: BuildSession
        var failing = false
        var derivedRunning = false
    }
    private let rebuild: Mutex<Rebuild>

    /// Read by HTTP handlers for `hello`.
    private struct Published {
        var buildNumber = 0
        var problems: [Diagnostic] = []
    }
    private let published = Mutex(Published())

    public init(options: Options, report: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.options = options
        self.report = report
        let site = options.siteDirectory.standardizedFileURL
        responder = SiteResponder(siteDirectory: site, events: events)
        // The session writes nothing; `output` only names the published site whose anchors readers may have links to.
        rebuild = Mutex(Rebuild(session: BuildSession(options: BuildOptions(siteDirectory: site, links: options.links, includeDrafts: options.includeDrafts))))
    }

    /// Builds the site, starts listening and watching; returns the address to open.
    public func start() async throws -> URL {
        queue.sync {
            rebuild.withLock { state in
                let update = state.session.build()
                report(.built(update, trigger: []))
                let number = setState(problems: update.diagnostics.filter { $0.severity == .error }, newBuild: true)
                responder.publish(state.session.files, build: number)
                state.failing = !update.succeeded
            }
        }
        let url = try await listen()
        let watcher = SourceWatcher(siteDirectory: options.siteDirectory) { [weak self] changes in
            guard let self else { return }
            self.queue.async { self.apply(changes) }
        }
        watcher.start()
        running.withLock { running in
            running.watcher = watcher
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + 10, repeating: 10)
            timer.setEventHandler { [events] in events.heartbeat() }
            timer.resume()
            running.heartbeat = timer
        }
        return url
    }

    /// Returns when the server has stopped.
    public func wait() async {
        let task = running.withLock { $0.serverTask }
        _ = try? await task?.value
    }

    /// Closes the event streams, stops watching and listening.
    public func stop() async {
        let (server, task) = running.withLock { running in
            running.watcher?.stop()
            running.heartbeat?.cancel()
            return (running.server, running.serverTask)
        }
        events.close()
        await server?.stop(timeout: 1)
        task?.cancel()
    }

    /// Applies changes now, without waiting for the watcher (tests).
    func applyNow(_ changes: Set<String>) {
        queue.sync { apply(changes) }
    }

    var openPages: Int { events.clientCount }

    // MARK: - Listening

    private func listen() async throws -> URL {
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        let ports: [UInt16] = options.port.map { [$0] } ?? Array(8080...8099)
        var lastError = ""
        for port in ports {
            let server: HTTPServer
            do {
                // The server lives as long as the process: a strong reference is what it should hold.
                let handler = ClosureHTTPHandler { [responder, self] request in
                    await responder.respond(to: request) { self.hello() }
                }
                if host.contains(":") {
                    server = HTTPServer(address: try .inet6(ip6: host, port: port), logger: .disabled, handler: handler)
                } else {
                    server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled, handler: handler)
                }
            } catch {
                throw StartError(description: "адрес «\(options.host)» не подходит: нужен IP-адрес, например 127.0.0.1 или 0.0.0.0")
            }
            let failed = LockedFlag()
            let task = Task {
                do { try await server.run() } catch { failed.set(); throw error }
            }
            // Listening, or refused (port taken): whichever comes first.
            for _ in 0..<500 where !failed.isSet {
                if await server.isListening { break }
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            if !failed.isSet, await server.isListening, let address = await server.listeningAddress {
                running.withLock {
                    $0.server = server
                    $0.serverTask = task
                }
                let actualPort: UInt16
                switch address {
                case .ip4(_, let p), .ip6(_, let p): actualPort = p
                default: actualPort = port
                }
                let shown = host.contains(":") ? "[\(host)]" : (host == "0.0.0.0" ? "127.0.0.1" : host)
                return URL(string: "http://\(shown):\(actualPort)/")!
            }
            task.cancel()
            lastError = "порт \(port) занят или недоступен"
        }
        throw StartError(description: lastError + (options.port == nil ? " (пробовали 8080–8099); укажите --port" : "; укажите другой --port или --port 0"))
    }

    // MARK: - Rebuilding (on `queue`)

    private func apply(_ changes: Set<String>) {
        rebuild.withLock { state in
            let update = state.session.update(changed: changes)
            if update.scope == .nothing && update.succeeded == !state.failing { return }
            // Editors' temporary files come and go around a save; name only what is there, or was a page.
            let site = options.siteDirectory
            let trigger = changes.filter {
                $0.hasSuffix(".md") || $0 == "almanac.yml" || FileManager.default.fileExists(atPath: site.appendingPathComponent($0).path)
            }
            report(.built(update, trigger: (trigger.isEmpty ? changes : trigger).sorted()))
            if update.succeeded {
                // After a failure the site may differ anywhere from what the pages show.
                let pages = state.failing ? nil : update.changedPaths.flatMap(Self.pageURLs)
                state.failing = false
                let number = setState(problems: [], newBuild: true)
                responder.publish(state.session.files, build: number)
                events.send(event: "reload", data: Self.json(["build": number, "pages": pages.map { $0 as Any } ?? NSNull()]))
            } else {
                state.failing = true
                let errors = update.diagnostics.filter { $0.severity == .error }
                let number = setState(problems: errors, newBuild: false)
                events.send(event: "problems", data: Self.json(["build": number, "problems": Self.problemList(errors)]))
            }
            scheduleDerived(&state)
        }
    }

    /// Search index, sitemap and lint, a moment after the last edit, from a snapshot of the site.
    private func scheduleDerived(_ state: inout Rebuild) {
        guard state.session.derivedIsStale, !state.derivedRunning else { return }
        state.derivedRunning = true
        queue.asyncAfter(deadline: .now() + 0.25) { [self] in
            rebuild.withLock { state in
                guard let snapshot = state.session.derivedSnapshot() else { state.derivedRunning = false; return }
                DispatchQueue.global(qos: .utility).async { [self] in
                    let started = Date()
                    let derived = snapshot.derive()
                    queue.async { [self] in
                        rebuild.withLock { state in
                            state.session.applyDerived(derived, generation: snapshot.generation)
                            if !state.failing { responder.publish(state.session.files) }
                            state.derivedRunning = false
                            report(.refreshed(state.session.diagnostics, seconds: Date().timeIntervalSince(started)))
                            scheduleDerived(&state)
                        }
                    }
                }
            }
        }
    }

    @discardableResult
    private func setState(problems: [Diagnostic], newBuild: Bool) -> Int {
        published.withLock {
            if newBuild { $0.buildNumber += 1 }
            $0.problems = problems
            return $0.buildNumber
        }
    }

    private func hello() -> String {
        published.withLock { Self.json(["build": $0.buildNumber, "problems": Self.problemList($0.problems)]) }
    }

    /// `guide/first/index.html` → `/guide/first/`; nil (reload every page) when a non-page file changed.
    static func pageURLs(_ outputPaths: [String]) -> [String]? {
        var urls: [String] = []
        for path in outputPaths {
            guard path.hasSuffix("index.html") else { return nil }
            urls.append("/" + path.dropLast("index.html".count))
        }
        return urls
    }

    static func problemList(_ diagnostics: [Diagnostic]) -> [[String: Any]] {
        diagnostics.map { d in
            var item: [String: Any] = ["file": d.file, "line": d.line, "column": d.column, "message": d.message,
                                       "severity": d.severity.rawValue, "code": d.code.rawValue]
            if let hint = d.hint { item["hint"] = hint }
            return item
        }
    }

    static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
