import Almanac
import AlmanacProducts
import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Создать новый сайт: almanac init ПАПКА [--with-knowledge-base].",
        discussion: """
            Пишет в новую или пустую папку almanac.yml с комментариями, тему (templates/) и по странице-примеру
            каждого типа. С --with-knowledge-base вместо примеров берётся поставляемая база знаний: у всех
            страниц статус «черновик», поля owner, approved_by, approved_on и review_by очищены, а страница
            content/start-here.md говорит, что согласовать первым. Тема и база берутся из share/almanac/ рядом
            с установленным almanac (make install) или из репозитория, если almanac запущен из него.
            Непустую папку не трогает (код выхода 2).
            """
    )

    @Argument(help: "Папка нового сайта: новая или пустая.", completion: .directory)
    var directory: String

    @Flag(name: .customLong("with-knowledge-base"), help: "Начать с поставляемой базы знаний, сняв с неё все согласования.")
    var withKnowledgeBase = false

    func run() throws {
        guard let origin = Installation.origin() else {
            Console().report([.error(.themeNotInstalled(executable: Installation.executable().path), file: "", code: .usage,
                                     hint: .installAlmanac)])
            throw ExitCode(2)
        }
        let target = URL(fileURLWithPath: directory)
        switch SiteInit.create(at: target, origin: origin, withKnowledgeBase: withKnowledgeBase) {
        case .success(let files):
            let pages = files.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }.count
            print("Создан сайт в \(directory): almanac.yml, тема templates/, страниц: \(pages).")
            print(withKnowledgeBase
                  ? "Все тексты — черновики; что согласовать первым: content/start-here.md."
                  : "Дальше: almanac serve \(directory) — сайт с пересборкой при правках.")
        case .failure(let failure):
            Console().report([failure.diagnostic])
            throw ExitCode(failure.isUsage ? 2 : 1)
        }
    }
}
