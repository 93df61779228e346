import Almanac
import ArgumentParser
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Создать страницу по заготовке типа: almanac new reply \"Ответ на жалобу о доставке\".",
        discussion: """
            Заготовки лежат в templates/archetypes/ТИП.md; {{title}} и {{date}} в них заменяются
            заголовком и сегодняшней датой. Файл получает имя из заголовка латиницей и кладётся в папку
            типа из almanac.yml. Существующий файл не перезаписывается. Печатает путь к новой странице.
            """
    )

    @Argument(help: "Тип страницы из almanac.yml: principle, reply, case, article…")
    var type: String

    @Argument(help: "Заголовок страницы.")
    var title: String

    @Argument(help: "Папка сайта с almanac.yml.", completion: .directory)
    var siteDirectory: String = "."

    func run() throws {
        switch Archetype.createPage(type: type, title: title, siteDirectory: URL(fileURLWithPath: siteDirectory)) {
        case .success(let path):
            // A path the writer can open from where they are.
            print(siteDirectory == "." ? path : (siteDirectory.hasSuffix("/") ? siteDirectory : siteDirectory + "/") + path)
        case .failure(let failure):
            Console().report([failure.diagnostic])
            throw ExitCode(failure.isUsage ? 2 : 1)
        }
    }
}
