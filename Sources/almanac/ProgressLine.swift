import Foundation
import Synchronization

/// One line on stderr that says what a long build is doing, rewritten in place: only on a
/// terminal, only without --quiet, and only once the build has taken longer than a blink, so
/// that short builds print nothing but their summary.
final class ProgressLine: Sendable {
    private struct State {
        var shown = false
        var pages: Int?
    }

    private let state = Mutex(State())
    private let started = Date()
    private let enabled: Bool
    static let delay: TimeInterval = 0.4

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// For `BuildOptions.progress`: the stage that just ended and what the next one works on.
    func stageFinished(_ stage: String, count: Int?) {
        state.withLock { state in
            if stage == "load" { state.pages = count }
            guard enabled, Date().timeIntervalSince(started) > Self.delay else { return }
            let next: String
            switch stage {
            case "cache": next = "чтение страниц…"
            case "load": next = "разметка: страниц \(count ?? 0)…"
            case "markdown": next = "ссылки и разделы: страниц \(state.pages ?? 0)…"
            case "graph": next = "поисковый индекс…"
            case "index": next = "шаблоны: страниц \(state.pages ?? 0)…"
            case "theme": next = "запись: файлов \(count ?? 0)…"
            default: return Self.clear(&state)
            }
            let elapsed = String(format: "%.1f", Date().timeIntervalSince(started))
            FileHandle.standardError.write(Data("\r\u{1B}[K\(elapsed) с  \(next)".utf8))
            state.shown = true
        }
    }

    /// Removes the line before the summary is printed.
    func finish() {
        state.withLock { Self.clear(&$0) }
    }

    private static func clear(_ state: inout State) {
        guard state.shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        state.shown = false
    }
}
