import Foundation
import Almanac

/// `almanac init`: a new site folder a team can build at once. Either a starter site (a commented
/// almanac.yml, the theme, one example page per content type) or the bundled knowledge base with
/// every approval reset, so that nothing approved by the base's fictional company passes for theirs.
public enum SiteInit {
    /// Where the new site's pieces come from: the theme the binary is installed with and, for
    /// `--with-knowledge-base`, the folder holding the bundled almanac.yml and content/.
    public struct Origin: Sendable {
        public var theme: URL
        public var knowledgeBase: URL?
        public init(theme: URL, knowledgeBase: URL? = nil) {
            self.theme = theme
            self.knowledgeBase = knowledgeBase
        }
    }

    /// A problem that stops `almanac init`, in words for the writer.
    public struct Failure: Error, Sendable {
        public var diagnostic: Diagnostic
        /// True when the call itself was wrong (a folder that is not empty), as opposed to a failed write.
        public var isUsage: Bool
    }

    /// Creates the site in `directory` (which must not exist or be empty) and returns the files it
    /// wrote, relative to it, sorted.
    public static func create(at directory: URL, origin: Origin, withKnowledgeBase: Bool, date: Date = Date()) -> Result<[String], Failure> {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .failure(usage(.initTargetIsFile(path: directory.path), hint: .newOrEmptyFolder))
            }
            let entries = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
            guard entries.isEmpty else {
                return .failure(usage(.initFolderNotEmpty(path: directory.path), hint: .newOrEmptyFolderForInit))
            }
        }
        guard fm.fileExists(atPath: origin.theme.appendingPathComponent("layouts").path) else {
            return .failure(usage(.themeNotFound(path: origin.theme.path), hint: .reinstall))
        }
        if withKnowledgeBase {
            guard let base = origin.knowledgeBase,
                  fm.fileExists(atPath: base.appendingPathComponent(ConfigLoader.fileName).path),
                  fm.fileExists(atPath: base.appendingPathComponent("content").path) else {
                return .failure(usage(.knowledgeBaseNotFound, hint: .reinstall))
            }
        }
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            try fm.copyItem(at: origin.theme, to: directory.appendingPathComponent("templates"))
            if withKnowledgeBase, let base = origin.knowledgeBase {
                try copyKnowledgeBase(from: base, to: directory)
            } else {
                try writeStarter(to: directory, date: date)
            }
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(diagnostic: .error(.cannotCreateSite(reason: error.localizedDescription),
                                                       file: directory.path, code: .io), isUsage: false))
        }
        return .success(files(in: directory))
    }

    private static func usage(_ message: DiagnosticMessage, hint: DiagnosticHint) -> Failure {
        Failure(diagnostic: .error(message, file: "", code: .usage, hint: hint), isUsage: true)
    }

    private static func writeStarter(to directory: URL, date: Date) throws {
        try write(StarterSite.config, to: directory.appendingPathComponent(ConfigLoader.fileName))
        try write(StarterSite.homePage, to: directory.appendingPathComponent("content/_index.md"))
        for section in StarterSite.sections {
            try write(StarterSite.sectionPage(section), to: directory.appendingPathComponent("content/\(section.folder)/_index.md"))
        }
        let (config, diagnostics) = ConfigLoader.parse(StarterSite.config)
        guard let config else {
            throw Failure(diagnostic: diagnostics.first ?? .error(.starterConfigUnreadable, file: ConfigLoader.fileName, code: .config),
                          isUsage: false)
        }
        let day = Archetype.day(date)
        for (type, title) in StarterSite.examples {
            let archetype = try Archetype.load(type: type, siteDirectory: directory, config: config).get()
            let target = try archetype.destination(title: title, siteDirectory: directory).get()
            try write(archetype.fill(title: title, date: day), to: target.url)
        }
    }

    private static func copyKnowledgeBase(from base: URL, to directory: URL) throws {
        let fm = FileManager.default
        let content = directory.appendingPathComponent("content")
        try fm.copyItem(at: base.appendingPathComponent("content"), to: content)
        for path in files(in: content) where path.hasSuffix(".md") {
            let url = content.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let reset = ApprovalReset.reset(text)
            if reset != text { try write(reset, to: url, replacing: true) }
        }
        let config = try String(contentsOf: base.appendingPathComponent(ConfigLoader.fileName), encoding: .utf8)
        try write(KnowledgeBaseStart.config(from: config), to: directory.appendingPathComponent(ConfigLoader.fileName))
        try write(KnowledgeBaseStart.page(content: content), to: content.appendingPathComponent(KnowledgeBaseStart.fileName))
        let home = content.appendingPathComponent("_index.md")
        if let text = try? String(contentsOf: home, encoding: .utf8) {
            try write(text + KnowledgeBaseStart.homeNote(text), to: home, replacing: true)
        }
    }

    private static func write(_ text: String, to url: URL, replacing: Bool = false) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: replacing ? .atomic : .withoutOverwriting)
    }

    /// Regular files under `directory`, relative to it, sorted.
    package static func files(in directory: URL) -> [String] {
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        var paths: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
