import Almanac
import ArgumentParser
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Проверить сайт, ничего не записывая: ссылки, якоря, картинки, схемы, повторы, страницы-сироты, согласование.",
        discussion: """
            Находит всё, что находит сборка, и вдобавок повторяющиеся заголовки и абзацы и страницы,
            на которые никто не ссылается, а у шаблонов — прошедший срок пересмотра, правки после согласования
            и отсутствие владельца (--today задаёт дату проверки). Формат text — как у компилятора, json — для редакторов,
            github — аннотации GitHub Actions. Код выхода 1, если есть ошибки, 2 — ошибка вызова или настроек.
            """
    )

    @Argument(help: "Папка сайта с almanac.yml.", completion: .directory)
    var siteDirectory: String = "."

    @Option(help: "Формат вывода: text, json или github.")
    var format: FormatArgument = .text

    @Option(help: "Битые ссылки — ошибка (error) или предупреждение (warn).")
    var links: LinkPolicyArgument?

    @Flag(name: [.long, .customLong("all")],
          help: "Печатать все предупреждения; без флага, если их больше экрана, — первые три каждого вида и счёт остальных.")
    var verbose = false

    @Flag(help: "Считать предупреждения ошибками.")
    var strict = false

    @Flag(help: "Проверить и черновики (draft: true).")
    var drafts = false

    @Flag(name: [.short, .long], help: "Не печатать итоговую строку.")
    var quiet = false

    @Option(help: "Дата, с которой сверяются сроки пересмотра (review_by), ГГГГ-ММ-ДД; по умолчанию сегодня.")
    var today: TodayArgument?

    func run() throws {
        var options = BuildOptions(siteDirectory: URL(fileURLWithPath: siteDirectory), links: links?.policy,
                                   strict: strict, includeDrafts: drafts, writeOutput: false)
        options.today = today?.date
        let progress = ProgressLine(quiet: quiet)
        options.progress = { progress.stageFinished($0, count: $1) }
        let result = Build.run(options)
        progress.finish()
        let console = Console()
        console.report(result.diagnostics, format: format.format, verbose: verbose)
        if !quiet { console.checkSummary(result) }
        if let code = ExitStatus.code(for: result.diagnostics) { throw ExitCode(code) }
    }
}

enum FormatArgument: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
    var format: DiagnosticFormat { DiagnosticFormat(rawValue: rawValue)! }
}
