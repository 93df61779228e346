import Almanac
import ArgumentParser
import Foundation

@main
struct AlmanacCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Генератор статических баз знаний: Markdown → сайт с поиском.",
        discussion: """
            Папка сайта содержит almanac.yml, content/ (страницы в Markdown) и templates/ (тема).
            Коды выхода: 0 — успех, 1 — ошибки в содержимом, 2 — ошибка вызова или настроек.
            """,
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, BundleCommand.self, ExportCommand.self]
    )

    /// ArgumentParser reports usage errors with EX_USAGE (64); Almanac promises 2 for them.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
