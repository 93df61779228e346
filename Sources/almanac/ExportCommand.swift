import Almanac
import AlmanacProducts
import ArgumentParser
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Собрать тексты с одним статусом согласования в один документ для печати.",
        discussion: """
            Один HTML-файл без скриптов и внешних ссылок: владелец и поля согласования, текст с выделенными \
            подстановками и их описанием, место для решения. Открывается в браузере, печатается или сохраняется в PDF. \
            Статус пишется через дефис или в кавычках: --status на-согласовании или --status "на согласовании".
            """
    )

    @Option(help: "Статус: черновик, на-согласовании, согласовано или устарело.")
    var status: String

    @Argument(help: "Папка сайта с almanac.yml.", completion: .directory)
    var siteDirectory: String = "."

    @Option(name: [.short, .long], help: "Куда записать документ (по умолчанию — статус латиницей, .html).")
    var output: String?

    @Option(help: "Дата подготовки документа, ГГГГ-ММ-ДД; по умолчанию сегодня.")
    var today: TodayArgument?

    @Flag(name: [.short, .long], help: "Печатать только ошибки и предупреждения.")
    var quiet = false

    func validate() throws {
        guard Approval.status(named: status) != nil else {
            throw ValidationError("неизвестный статус «\(status)»; допустимы: "
                                  + Approval.statuses.map { $0.replacingOccurrences(of: " ", with: "-") }.joined(separator: ", "))
        }
    }

    func run() throws {
        let wanted = Approval.status(named: status)!
        var options = BuildOptions(siteDirectory: URL(fileURLWithPath: siteDirectory))
        options.today = today?.date
        let result = ApprovalPacket.make(options, status: wanted)
        let console = Console()
        console.report(result.build.diagnostics)
        if let code = ExitStatus.code(for: result.build.diagnostics) { throw ExitCode(code) }
        guard let html = result.html else {
            console.write("Нет текстов со статусом «\(wanted)»: документ не записан.\n")
            throw ExitCode(1)
        }
        let file = URL(fileURLWithPath: output ?? ApprovalPacket.defaultFileName(status: wanted))
        do {
            try Data(html.utf8).write(to: file, options: .atomic)
        } catch {
            console.write("Не удалось записать \(file.path): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        if !quiet { console.write("Документ: \(file.path), текстов \(result.titles.count) со статусом «\(wanted)»\n") }
    }
}
