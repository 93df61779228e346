import Foundation

/// One file of a generated site, by its path relative to the site folder.
public struct CorpusFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
}

/// Counts reported after writing a site.
public struct CorpusSummary: Sendable {
    public var pages: Int
    public var sections: Int
    public var files: Int
    /// Bytes of Markdown under content/.
    public var contentBytes: Int
}

/// A deterministic synthetic Almanac site: the same options give byte-identical files on any machine.
public struct CorpusGenerator: Sendable {
    public let options: CorpusOptions
    let plan: SitePlan
    let lexicon: Lexicon

    /// Marks a folder as written by the generator, with the options it was written with.
    public static let markerFile = ".almanac-corpus"

    public init(options: CorpusOptions) {
        self.options = options
        lexicon = Lexicon()
        plan = SitePlan(options: options, lexicon: lexicon)
    }

    public var pageCount: Int { plan.pages.count }
    public var sectionCount: Int { plan.sections.count }

    /// What `markerFile` holds; a folder with the same marker needs no regeneration.
    public var marker: String {
        "almanac-corpus pages=\(options.pages) seed=\(options.seed) hugo=\(options.hugo) sections=\(options.sectionSize.lowerBound)-\(options.sectionSize.upperBound)"
            + (options.brokenLinks > 0 ? " broken-links=\(options.brokenLinks)" : "") + " format=2\n"
    }

    /// Files in a fixed order: configuration, home, section pages, then regular pages.
    public var fileCount: Int { fixedFiles.count + 1 + plan.sections.count + plan.pages.count }

    public func file(_ i: Int) -> CorpusFile {
        let fixed = fixedFiles
        if i < fixed.count { return CorpusFile(path: fixed[i].path, bytes: Array(fixed[i].text.utf8)) }
        let indexWriter = IndexWriter(plan: plan, lexicon: lexicon)
        var k = i - fixed.count
        if k == 0 { return CorpusFile(path: "content/_index.md", bytes: indexWriter.home()) }
        k -= 1
        if k < plan.sections.count {
            return CorpusFile(path: "content/\(plan.sections[k].folder)/_index.md", bytes: indexWriter.section(k))
        }
        k -= plan.sections.count
        let page = plan.pages[k]
        return CorpusFile(path: "content/\(plan.sections[page.section].folder)/\(page.fileName)",
                          bytes: PageWriter(plan: plan, lexicon: lexicon).page(k))
    }

    /// Every file, in memory; for tests and small sites.
    public func files() -> [CorpusFile] { (0..<fileCount).map(file) }

    private var fixedFiles: [(path: String, text: String)] {
        let config = IndexWriter(plan: plan, lexicon: lexicon).almanacConfig
        var fixed = [(path: "almanac.yml", text: String(decoding: config, as: UTF8.self))]
        if options.hugo { fixed += HugoFiles.files(pages: plan.pages.count) }
        return fixed
    }

    /// Writes the site into `directory`, on `jobs` threads. A folder that holds something other
    /// than an earlier corpus is refused, so a mistyped path never loses anyone's work.
    public func write(to directory: URL, jobs: Int) throws -> CorpusSummary {
        let fm = FileManager.default
        let marker = directory.appendingPathComponent(CorpusGenerator.markerFile)
        if let existing = try? fm.contentsOfDirectory(atPath: directory.path), !existing.isEmpty {
            guard fm.fileExists(atPath: marker.path) else { throw CorpusError.notACorpus(directory.path) }
            for name in ["content", "almanac.yml", "hugo.toml", CorpusGenerator.markerFile] + HugoFiles.layoutSets {
                try? fm.removeItem(at: directory.appendingPathComponent(name))
            }
        }
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        var folders = ["content"] + plan.sections.map { "content/" + $0.folder }
        if options.hugo { folders += HugoFiles.layoutSets.map { $0 + "/_default" } }
        for folder in folders {
            try fm.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }

        let total = fileCount
        let failures = FailureLog()
        let bytes = ByteCounter()
        let jobs = max(1, jobs)
        let chunk = max(1, (total + jobs * 8 - 1) / (jobs * 8))
        DispatchQueue.concurrentPerform(iterations: (total + chunk - 1) / chunk) { c in
            var written = 0
            for i in (c * chunk)..<min(total, (c + 1) * chunk) {
                let f = file(i)
                let url = directory.appendingPathComponent(f.path)
                do {
                    try Data(f.bytes).write(to: url)
                } catch {
                    failures.add("\(f.path): \(error.localizedDescription)")
                }
                if f.path.hasPrefix("content/") { written += f.bytes.count }
            }
            bytes.add(written)
        }
        if let first = failures.first { throw CorpusError.write(first) }
        try Data(self.marker.utf8).write(to: marker)
        return CorpusSummary(pages: plan.pages.count, sections: plan.sections.count, files: total, contentBytes: bytes.value)
    }
}

public enum CorpusError: Error, CustomStringConvertible {
    case notACorpus(String)
    case write(String)

    public var description: String {
        switch self {
        case .notACorpus(let path): return "\(path) is not empty and was not written by almanac-corpus; choose another folder"
        case .write(let message): return "cannot write \(message)"
        }
    }
}

/// The first failure seen by any writer thread.
private final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ m: String) { lock.lock(); messages.append(m); lock.unlock() }
    var first: String? { lock.lock(); defer { lock.unlock() }; return messages.first }
}

private final class ByteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}
