import Almanac
import ArgumentParser
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Собрать сайт в папку public/ (или --output).",
        discussion: """
            Сайт записывается во временную папку и заменяет прежний только после успешной сборки. \
            Рядом с папкой сайта (public/ → .public.cache/) лежит кэш сборки: следующая сборка \
            заново делает только то, что изменилось. Файлы, которые не изменились, не перезаписываются.
            """
    )

    @Argument(help: "Папка сайта с almanac.yml.", completion: .directory)
    var siteDirectory: String = "."

    @Option(name: [.short, .long], help: "Куда записать сайт (по умолчанию SITE_DIR/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Адрес опубликованного сайта, например https://wiki.example.ru/crisis/.")
    var baseURL: String?

    @Flag(help: "Сборка для открытия с диска (file://): ссылки на index.html, индекс поиска в виде скриптов.")
    var offline = false

    @Option(help: "Формат сообщений: text, json (всегда все сообщения) или github.")
    var format: FormatArgument = .text

    @Option(help: "Битые ссылки — ошибка (error) или предупреждение (warn).")
    var links: LinkPolicyArgument?

    @Flag(name: [.long, .customLong("all")],
          help: "Печатать все предупреждения; без флага, если их больше экрана, — первые три каждого вида и счёт остальных.")
    var verbose = false

    @Flag(help: "Считать предупреждения ошибками.")
    var strict = false

    @Flag(help: "Включить черновики (draft: true).")
    var drafts = false

    @Flag(name: [.short, .long], help: "Печатать только ошибки и предупреждения.")
    var quiet = false

    @Flag(help: "Собрать с нуля, не используя кэш прошлой сборки (и удалить его).")
    var clean = false

    @Flag(help: "Показать, сколько времени заняла каждая стадия сборки.")
    var timings = false

    @Option(help: "Дата, с которой сверяются сроки пересмотра (review_by), ГГГГ-ММ-ДД; по умолчанию сегодня.")
    var today: TodayArgument?

    func run() throws {
        var options = BuildOptions(
            siteDirectory: URL(fileURLWithPath: siteDirectory), output: output.map { URL(fileURLWithPath: $0) },
            baseURL: baseURL, offline: offline, links: links?.policy, strict: strict, includeDrafts: drafts)
        options.today = today?.date
        options.clean = clean
        let progress = ProgressLine(quiet: quiet)
        options.progress = { progress.stageFinished($0, count: $1) }
        let result = Build.run(options)
        progress.finish()
        let console = Console()
        console.report(result.diagnostics, format: format.format, verbose: verbose)
        if !quiet || result.diagnostics.hasErrors {
            console.summary(result, output: options.outputDirectory.path)
        }
        if timings { console.timings(result) }
        if let code = ExitStatus.code(for: result.diagnostics) { throw ExitCode(code) }
    }
}

enum LinkPolicyArgument: String, ExpressibleByArgument, CaseIterable {
    case error, warn
    var policy: SiteConfig.LinkPolicy { self == .error ? .error : .warn }
}

/// `--today 2026-11-25`: review deadlines checked against a fixed day, for reproducible checks.
struct TodayArgument: ExpressibleByArgument {
    var date: IsoDate

    init?(argument: String) {
        guard argument.count == 10, let date = IsoDate(argument) else { return nil }
        self.date = date
    }
}
