import Almanac
import Foundation

// almanac-search-bench SITE_DIR [--runs N] [--output DIR] [--offline]
// Loads and renders SITE_DIR as `almanac build` does (not timed), then times the search indexer
// alone: process CPU time (all threads) and wall time per run, and the size of what it writes.
// With --output, writes the search/ files there. Prints one JSON object.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("almanac-search-bench: \(message)\n".utf8))
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())[...]
var site: String?
var runs = 3
var output: String?
var offline = false
while let a = args.popFirst() {
    switch a {
    case "--runs": runs = Int(args.popFirst() ?? "") ?? 0
    case "--output": output = args.popFirst()
    case "--offline": offline = true
    default: site = a
    }
}
guard let site, runs > 0 else { fail("usage: almanac-search-bench SITE_DIR [--runs N] [--output DIR] [--offline]") }

let result = Build.run(BuildOptions(siteDirectory: URL(fileURLWithPath: site), offline: offline, writeOutput: false))
guard let built = result.site else { fail("the site did not build: \(result.diagnostics.count) problems") }
let documents = built.searchDocuments
let indexer = SearchIndexer(settings: built.searchSettings)

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var cpu: [Double] = [], wall: [Double] = []
var files: [OutputFile] = []
for _ in 0..<runs {
    let c0 = cpuSeconds(), w0 = Date()
    files = indexer.build(documents, offline: offline)
    cpu.append(cpuSeconds() - c0)
    wall.append(Date().timeIntervalSince(w0))
}

var bytesByKind: [String: Int] = [:]
var total = 0
for f in files {
    guard case .data(let d) = f.contents else { continue }
    let parts = f.path.split(separator: "/")
    let kind = parts.count > 2 ? String(parts[1]) : String(parts.last ?? "")
    bytesByKind[kind, default: 0] += d.count
    total += d.count
    if let output {
        let url = URL(fileURLWithPath: output).appendingPathComponent(f.path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? d.write(to: url)
    }
}
let textBytes = documents.reduce(0) { sum, d in sum + d.title.utf8.count + d.description.utf8.count + d.sections.reduce(0) { $0 + $1.text.utf8.count + $1.heading.utf8.count } }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
let summary: [String: Any] = [
    "pages": documents.count, "runs": runs, "textMB": Double(textBytes) / 1e6,
    "cpuSeconds": (median(cpu) * 1000).rounded() / 1000, "wallSeconds": (median(wall) * 1000).rounded() / 1000,
    "files": files.count, "bytes": total, "bytesByKind": bytesByKind,
]
let json = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
