import Almanac
import AlmanacServer
import ArgumentParser
import Foundation
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Предпросмотр: собрать сайт, открыть его на http://127.0.0.1:8080/ и обновлять страницы при каждой правке.",
        discussion: """
            Следит за content/, templates/ и almanac.yml. После правки пересобирается только то, что она
            затрагивает, и открытые страницы перезагружаются сами. Ошибка сборки показывается поверх
            страницы с файлом и строкой, а сайт остаётся последним удачным, пока ошибку не исправят.
            Сайт собирается в памяти: папка public/ не меняется. Остановить — Ctrl-C.
            """
    )

    @Argument(help: "Папка сайта с almanac.yml.", completion: .directory)
    var siteDirectory: String = "."

    @Option(help: "Порт (по умолчанию 8080 или следующий свободный; 0 — любой свободный).")
    var port: UInt16?

    @Option(help: "Адрес, на котором слушать: 127.0.0.1 — только этот компьютер, 0.0.0.0 — вся сеть.")
    var host: String = "127.0.0.1"

    @Flag(help: "Показывать черновики (draft: true).")
    var drafts = false

    @Option(help: "Битые ссылки — ошибка (error) или предупреждение (warn).")
    var links: LinkPolicyArgument?

    @Flag(name: [.short, .long], help: "Печатать только ошибки и предупреждения.")
    var quiet = false

    func run() throws {
        let site = URL(fileURLWithPath: siteDirectory)
        guard FileManager.default.fileExists(atPath: site.appendingPathComponent("almanac.yml").path) else {
            Console().report([.error(.serveWithoutConfig, file: siteDirectory, code: .config, hint: .serveSiteFolder)])
            throw ExitCode(2)
        }
        let log = ServeLog(quiet: quiet)
        let server = PreviewServer(
            options: .init(siteDirectory: site, host: host, port: port, includeDrafts: drafts, links: links?.policy),
            report: { log.handle($0) })
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                let url = try await server.start()
                log.listening(url)
                await server.wait()
            } catch {
                failure.message = "\(error)"
            }
            finished.signal()
        }
        // Ctrl-C and SIGTERM stop the server cleanly: event streams are closed, the port released.
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                Task {
                    await server.stop()
                    finished.signal()
                }
            }
            source.resume()
            sources.append(source)
        }
        finished.wait()
        if let message = failure.message {
            Console().report([.error(.serverFailed(reason: message), file: "", code: .config)])
            throw ExitCode(2)
        }
        log.stopped()
    }
}

/// What `almanac serve` prints: each diagnostic once, when it first appears, and a line per rebuild.
final class ServeLog: Sendable {
    /// The diagnostics already shown; the lock also keeps one event's lines together.
    private let printed = Mutex<Set<Diagnostic>>([])
    private let quiet: Bool
    private let console = Console()

    init(quiet: Bool) { self.quiet = quiet }

    func handle(_ event: PreviewServer.Event) {
        printed.withLock { printed in
            switch event {
            case .built(let update, let trigger):
                reportNew(update.diagnostics, printed: &printed)
                guard !quiet || update.diagnostics.hasErrors else { return }
                let errors = update.diagnostics.errorCount, warnings = update.diagnostics.warningCount
                let ms = Int((update.seconds * 1000).rounded())
                if trigger.isEmpty {
                    console.write("Собрано: страниц \(update.pageCount), \(String(format: "%.2f", update.seconds)) с, "
                                  + "предупреждений \(warnings), ошибок \(errors)\n")
                } else {
                    let what: String
                    switch update.scope {
                    case .pages: what = "обновлено страниц: \(update.changedPaths?.filter { $0.hasSuffix(".html") }.count ?? 0)"
                    case .graph: what = "пересобраны все страницы"
                    case .full: what = "полная сборка"
                    case .assets: what = "файлы обновлены"
                    case .nothing: what = "без изменений"
                    }
                    let files = trigger.count == 1 ? trigger[0] : "\(trigger[0]) и ещё \(trigger.count - 1)"
                    let verdict = errors > 0 ? ", ошибок \(errors) — показан прежний сайт" : ""
                    console.write("↻ \(files): \(what), \(ms) мс\(verdict)\n")
                }
            case .refreshed(let diagnostics, _):
                reportNew(diagnostics, printed: &printed)
            }
        }
    }

    private func reportNew(_ diagnostics: [Diagnostic], printed: inout Set<Diagnostic>) {
        let fresh = diagnostics.filter { !printed.contains($0) }
        printed = Set(diagnostics)
        console.report(fresh)
    }

    func listening(_ url: URL) {
        console.write("Просмотр: \(url.absoluteString)  (остановить — Ctrl-C)\n")
    }

    func stopped() {
        if !quiet { console.write("Остановлено.\n") }
    }
}

final class FailureBox: Sendable {
    private let value = Mutex<String?>(nil)
    var message: String? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
