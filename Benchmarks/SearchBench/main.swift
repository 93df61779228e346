import Almanac
import Foundation

// almanac-search-bench SITE_DIR [--runs N] [--output DIR] [--offline] [--profile-edits N]
// Loads and renders SITE_DIR as `almanac serve` does (not timed), then times the search indexer
// alone: process CPU time (all threads) and wall time per run, and the size of what it writes.
// With --output, writes the search/ files there.
// Then the build cache's memo (SearchIndexMemo): the clean build that makes one, its encoded size
// and encode/decode times, and the index built again with the decoded memo after nothing changed
// and after a one-page body edit (which brings a word the site did not have), each checked to be
// byte-identical to a build without a memo. Prints one JSON object.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("almanac-search-bench: \(message)\n".utf8))
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())[...]
var site: String?
var runs = 3
var output: String?
var offline = false
var profileEdits = 0
while let a = args.popFirst() {
    switch a {
    case "--runs": runs = Int(args.popFirst() ?? "") ?? 0
    case "--output": output = args.popFirst()
    case "--offline": offline = true
    // For a profiler: only decode the memo and index the edited pages with it, N times.
    case "--profile-edits": profileEdits = Int(args.popFirst() ?? "") ?? 0
    default: site = a
    }
}
guard let site, runs > 0 else { fail("usage: almanac-search-bench SITE_DIR [--runs N] [--output DIR] [--offline] [--profile-edits N]") }

// `Build.run` lets go of the pages' search text once its index is made; a session keeps it.
var session = BuildSession(options: BuildOptions(siteDirectory: URL(fileURLWithPath: site), offline: offline, writeOutput: false))
let update = session.build()
guard let built = session.derivedSnapshot()?.site else { fail("the site did not build: \(update.diagnostics.count) problems") }
let documents = built.searchDocuments
guard documents.isEmpty || documents.contains(where: { $0.sections.contains { !$0.text.isEmpty } }) else {
    fail("the pages reached the indexer without their text")
}
let indexer = SearchIndexer(settings: built.searchSettings)

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

if profileEdits > 0 {
    var edited = documents
    edited[edited.count / 2].sections[0].text += " квазиответ"
    var writer = CacheWriter()
    indexer.build(documents, offline: offline, memo: nil).memo.write(to: &writer)
    let bytes = writer.bytes
    for _ in 0..<profileEdits {
        let c0 = cpuSeconds(), w0 = Date()
        var reader = CacheReader(bytes)
        let memo = try SearchIndexMemo(from: &reader)
        FileHandle.standardError.write(Data("decode \(Int(Date().timeIntervalSince(w0) * 1000))ms cpu \(Int((cpuSeconds() - c0) * 1000))ms\n".utf8))
        _ = indexer.build(edited, offline: offline, memo: memo)
        FileHandle.standardError.write(Data("total \(Int(Date().timeIntervalSince(w0) * 1000))ms cpu \(Int((cpuSeconds() - c0) * 1000))ms\n".utf8))
    }
    exit(0)
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
// The memo: made by a clean build, encoded, decoded, used.
func seconds(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let c0 = cpuSeconds(), w0 = Date()
    try body()
    return (Date().timeIntervalSince(w0), cpuSeconds() - c0)
}
func contents(_ files: [OutputFile]) -> [String: Data] {
    var out: [String: Data] = [:]
    for f in files { if case .data(let d) = f.contents { out[f.path] = d } }
    return out
}
var edited = documents
let middle = edited.count / 2
edited[middle].sections[edited[middle].sections.count - 1].text += "\nПравка: уточнение про сроки ответа и новое словечко квазиответ."
let expectedEdited = contents(indexer.build(edited, offline: offline))
let expectedSame = contents(files)

var memoClean: [Double] = [], encode: [Double] = [], decode: [Double] = [], unchanged: [Double] = [], edit: [Double] = []
var editCPU: [Double] = [], editWithDecode: [Double] = []
var memoBytes = 0, memoPages = 0, memoPieces = 0, reused = (pages: 0, pieces: 0), editMemo = (pages: 0, pieces: 0)
for _ in 0..<runs {
    var memo: SearchIndexMemo?
    memoClean.append(seconds { memo = indexer.build(documents, offline: offline, memo: nil).memo }.wall)
    var writer = CacheWriter()
    encode.append(seconds { memo!.write(to: &writer) }.wall)
    let bytes = writer.bytes
    memoBytes = bytes.count
    var decoded: SearchIndexMemo?
    do {
        try decode.append(seconds { var reader = CacheReader(bytes); decoded = try SearchIndexMemo(from: &reader) }.wall)
    } catch { fail("the memo did not decode: \(error)") }
    memoPages = decoded!.pageCount
    memoPieces = decoded!.pieceCount
    var again: [OutputFile] = []
    unchanged.append(seconds { again = indexer.build(documents, offline: offline, memo: decoded).files }.wall)
    guard contents(again) == expectedSame else { fail("with a memo, nothing changed: the files differ") }
    var after: [OutputFile] = []
    var next: SearchIndexMemo?
    let t = seconds { (after, next) = indexer.build(edited, offline: offline, memo: decoded) }
    reused = next!.shared(with: decoded!)
    editMemo = (next!.pageCount, next!.pieceCount)
    edit.append(t.wall)
    editCPU.append(t.cpu)
    editWithDecode.append(t.wall + decode.last!)
    guard contents(after) == expectedEdited else { fail("with a memo, one page edited: the files differ") }
}

let textBytes = documents.reduce(0) { sum, d in sum + d.title.utf8.count + d.description.utf8.count + d.sections.reduce(0) { $0 + $1.text.utf8.count + $1.heading.utf8.count } }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
let summary: [String: Any] = [
    "pages": documents.count, "runs": runs, "textMB": Double(textBytes) / 1e6,
    "cpuSeconds": (median(cpu) * 1000).rounded() / 1000, "wallSeconds": (median(wall) * 1000).rounded() / 1000,
    "files": files.count, "bytes": total, "bytesByKind": bytesByKind,
    "memo": [
        "bytes": memoBytes, "pages": memoPages, "pieces": memoPieces,
        "cleanBuildWallSeconds": (median(memoClean) * 1000).rounded() / 1000,
        "encodeSeconds": (median(encode) * 1000).rounded() / 1000,
        "decodeSeconds": (median(decode) * 1000).rounded() / 1000,
        "unchangedWallSeconds": (median(unchanged) * 1000).rounded() / 1000,
        "oneEditWallSeconds": (median(edit) * 1000).rounded() / 1000,
        "oneEditPagesAnalysed": editMemo.pages - reused.pages, "oneEditPiecesCompressed": editMemo.pieces - reused.pieces,
        "oneEditCpuSeconds": (median(editCPU) * 1000).rounded() / 1000,
        "oneEditWithDecodeWallSeconds": (median(editWithDecode) * 1000).rounded() / 1000,
    ] as [String: Any],
]
let json = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
