import Almanac
import ArgumentParser

@main
struct AlmanacCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Генератор статических баз знаний: Markdown → сайт с поиском.",
        discussion: """
            Папка сайта содержит almanac.yml, content/ (страницы в Markdown) и templates/ (тема).
            Коды выхода: 0 — успех, 1 — ошибки в содержимом, 2 — ошибка вызова или настроек.
            """,
        subcommands: [BuildCommand.self]
    )
}
