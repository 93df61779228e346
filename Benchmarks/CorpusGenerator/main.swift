import AlmanacCorpus
import Foundation

// almanac-corpus --pages N --output DIR [--seed S] [--hugo] [--broken-links B] [--jobs J]
// Writes a deterministic synthetic Russian knowledge base for the benchmark.

let usage = """
    usage: almanac-corpus --pages N --output DIR [--seed S] [--hugo] [--broken-links B] [--jobs J]
      --pages N    number of regular pages (sections of 100–200 pages are added)
      --output DIR site folder to write (almanac.yml, content/; with --hugo also hugo.toml, layouts/, layouts-light/)
      --seed S     random seed (default 1); the same seed and N give byte-identical files
      --hugo       also write what Hugo needs to build the same pages
      --broken-links B  add B links per page that lead nowhere (for `almanac build --links warn`)
      --jobs J     writer threads (default: number of cores)

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("almanac-corpus: \(message)\n".utf8))
    exit(2)
}

struct Arguments {
    var pages: Int?
    var output: String?
    var seed: UInt64 = 1
    var hugo = false
    var brokenLinks = 0
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    init(_ list: [String]) {
        var rest = list[...]
        func value(_ flag: String) -> String {
            guard let v = rest.popFirst() else { fail("\(flag) needs a value\n\(usage)") }
            return v
        }
        func positive(_ flag: String) -> Int {
            guard let n = Int(value(flag)), n > 0 else { fail("\(flag) needs a positive number") }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--pages": pages = positive(argument)
            case "--output", "-o": output = value(argument)
            case "--seed":
                guard let s = UInt64(value(argument)) else { fail("--seed needs a non-negative number") }
                seed = s
            case "--hugo": hugo = true
            case "--broken-links": brokenLinks = positive(argument)
            case "--jobs": jobs = positive(argument)
            case "--help", "-h":
                print(usage, terminator: "")
                exit(0)
            default: fail("unknown argument \(argument)\n\(usage)")
            }
        }
    }
}

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
guard let pages = arguments.pages, let output = arguments.output else { fail("--pages and --output are required\n\(usage)") }

let started = Date()
let generator = CorpusGenerator(options: CorpusOptions(pages: pages, seed: arguments.seed, hugo: arguments.hugo,
                                                         brokenLinks: arguments.brokenLinks))
do {
    let summary = try generator.write(to: URL(fileURLWithPath: output), jobs: arguments.jobs)
    let seconds = Date().timeIntervalSince(started)
    let megabytes = Double(summary.contentBytes) / 1_000_000
    print("almanac-corpus: \(summary.pages) pages in \(summary.sections) section\(summary.sections == 1 ? "" : "s"), "
        + "\(String(format: "%.1f", megabytes)) MB of Markdown (\(summary.contentBytes / max(summary.pages, 1)) bytes/page) "
        + "in \(String(format: "%.2f", seconds)) s → \(output)")
} catch {
    fail("\(error)")
}
