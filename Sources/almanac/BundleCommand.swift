import Almanac
import AlmanacProducts
import ArgumentParser
import Foundation

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Собрать офлайн-версию сайта в один zip-архив.",
        discussion: """
            Архив распаковывают куда угодно и открывают двойным щелчком по index.html: навигация, поиск, \
            копирование шаблонов и фильтры работают с диска, без сервера и без интернета.
            """
    )

    @Argument(help: "Папка сайта с almanac.yml.", completion: .directory)
    var siteDirectory: String = "."

    @Option(name: [.short, .long], help: "Куда записать архив (по умолчанию — название сайта латиницей, .zip).")
    var output: String?

    @Option(help: "Битые ссылки — ошибка (error) или предупреждение (warn).")
    var links: LinkPolicyArgument?

    @Flag(help: "Считать предупреждения ошибками.")
    var strict = false

    @Flag(name: [.short, .long], help: "Печатать только ошибки и предупреждения.")
    var quiet = false

    func run() throws {
        let site = URL(fileURLWithPath: siteDirectory)
        let zip = URL(fileURLWithPath: output ?? OfflineBundle.defaultFileName(siteDirectory: site))
        let options = BuildOptions(siteDirectory: site, offline: true, links: links?.policy, strict: strict)
        let result = OfflineBundle.make(options, zip: zip)
        let console = Console()
        console.report(result.build.diagnostics)
        if let written = result.zip {
            if !quiet {
                let size = ByteCountFormatter.string(fromByteCount: Int64(result.bytes), countStyle: .file)
                console.write("Архив: \(written.path), \(size), файлов и папок \(result.entries), страниц \(result.build.pageCount)\n")
            }
        } else {
            console.summary(result.build, output: zip.path)
        }
        if let code = ExitStatus.code(for: result.build.diagnostics) { throw ExitCode(code) }
        if result.zip == nil { throw ExitCode(1) }
    }
}
