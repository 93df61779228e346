import Almanac
import Foundation

/// Where the command line talks to the writer: diagnostics and the one-line summary go to stderr.
struct Console {
    var useColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) != 0
    }

    func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `verbose`: every diagnostic even when there are more than a screenful (JSON and GitHub always give all).
    func report(_ diagnostics: [Diagnostic], format: DiagnosticFormat = .text, verbose: Bool = true) {
        guard !diagnostics.isEmpty else { return }
        let printer = DiagnosticPrinter(format: format, useColor: useColor && format == .text)
        let text = verbose ? printer.render(diagnostics) : printer.summarized(diagnostics)
        if format == .text { write(text) } else { print(text, terminator: "") }
    }

    func timings(_ result: BuildResult) {
        for stage in result.stages {
            write("  \(stage.name.padding(toLength: 10, withPad: " ", startingAt: 0))\(String(format: "%7.3f", stage.seconds)) с\n")
        }
    }

    func checkSummary(_ result: BuildResult) {
        let errors = result.diagnostics.errorCount, warnings = result.diagnostics.warningCount
        let verdict = errors > 0 ? "Найдены ошибки" : "Проверено"
        write("\(verdict): страниц \(result.pageCount), ошибок \(errors), предупреждений \(warnings), "
              + String(format: "%.2f с", result.seconds) + "\n")
    }

    func summary(_ result: BuildResult, output: String) {
        let errors = result.diagnostics.errorCount, warnings = result.diagnostics.warningCount
        let time = String(format: "%.2f", result.seconds)
        if errors > 0 {
            write("Сборка не удалась: ошибок \(errors), предупреждений \(warnings), \(time) с. Прежний сайт в \(output) не тронут.\n")
        } else if result.reused {
            write("Ничего не изменилось с прошлой сборки: страниц \(result.pageCount), файлов \(result.fileCount), \(time) с, предупреждений \(warnings) → \(output)\n")
        } else {
            write("Собрано: страниц \(result.pageCount), файлов \(result.fileCount), \(time) с, предупреждений \(warnings) → \(output)\n")
        }
    }
}

enum ExitStatus {
    /// 1 for problems in content, 2 for problems with the call or the site's configuration and theme.
    static func code(for diagnostics: [Diagnostic]) -> Int32? {
        let errors = diagnostics.filter { $0.severity == .error }
        if errors.isEmpty { return nil }
        return errors.contains { $0.code.isSetupProblem } ? 2 : 1
    }
}
