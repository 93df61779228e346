import Foundation
import AlmanacCore

/// The starting text of a new page of one content type: `templates/archetypes/TYPE.md`, with
/// `{{title}}` and `{{date}}` filled in. `almanac new` writes it where pages of that type live.
public struct Archetype: Sendable {
    public var type: ContentType
    public var text: String

    /// A problem that stops `almanac new`, in words for the writer.
    public struct Failure: Error, Sendable {
        public var diagnostic: Diagnostic
        /// True when the call itself was wrong (unknown type), as opposed to a clash with an existing file.
        public var isUsage: Bool
    }

    public static func load(type id: String, siteDirectory: URL, config: SiteConfig) -> Result<Archetype, Failure> {
        let folder = siteDirectory.appendingPathComponent("templates/archetypes")
        let known = config.contentTypes.map(\.id) + (config.contentTypes.contains { $0.id == "article" } ? [] : ["article"])
        guard known.contains(id) else {
            return .failure(Failure(diagnostic: .error(.unknownPageType(type: id), file: "almanac.yml", code: .usage,
                                                       hint: .siteTypes(types: known)), isUsage: true))
        }
        let file = folder.appendingPathComponent(id + ".md")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            return .failure(Failure(diagnostic: .error(.noArchetype(type: id), file: "templates/archetypes/\(id).md",
                                                       code: .usage, hint: .createArchetype(type: id)),
                                    isUsage: true))
        }
        return .success(Archetype(type: config.type(id), text: text))
    }

    /// The page text: in front matter the title is escaped for a double-quoted YAML string, in the body it is as typed.
    public func fill(title: String, date: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = FrontMatterSplitter.split(normalized)
        func substitute(_ s: String, title: String) -> String {
            s.replacingOccurrences(of: "{{title}}", with: title).replacingOccurrences(of: "{{date}}", with: date)
        }
        guard let yaml = parts.yaml, !parts.unterminated else { return substitute(normalized, title: title) }
        let escaped = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "---\n" + substitute(yaml, title: escaped) + "---\n" + substitute(parts.body, title: title)
    }

    /// Where the page goes: the type's folder under content/, a transliterated file name.
    public func destination(title: String, siteDirectory: URL) -> Result<(url: URL, sourcePath: String), Failure> {
        let name = Slug.make(title)
        guard !name.isEmpty else {
            return .failure(Failure(diagnostic: .error(.titleGivesNoFileName(title: title), file: "",
                                                       code: .usage, hint: .titleNeedsLetters),
                                    isUsage: true))
        }
        let relative = (type.folder.map { $0 + "/" } ?? "") + name + ".md"
        return .success((siteDirectory.appendingPathComponent("content/" + relative), "content/" + relative))
    }

    /// Writes a new page and returns its path relative to the site folder; never overwrites.
    public static func createPage(type id: String, title: String, siteDirectory: URL, date: Date = Date()) -> Result<String, Failure> {
        let (config, configDiagnostics) = ConfigLoader.load(siteDirectory: siteDirectory)
        guard let config else {
            let first = configDiagnostics.first { $0.severity == .error }
                ?? .error(.configUnreadable, file: "almanac.yml", code: .config)
            return .failure(Failure(diagnostic: first, isUsage: true))
        }
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return load(type: id, siteDirectory: siteDirectory, config: config).flatMap { archetype in
            archetype.destination(title: trimmed, siteDirectory: siteDirectory).flatMap { target in
                let text = archetype.fill(title: trimmed, date: Self.day(date))
                let fm = FileManager.default
                try? fm.createDirectory(at: target.url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // O_EXCL: a file that appears between a check and the write is not overwritten either.
                let fd = open(target.url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard fd >= 0 else {
                    let exists = errno == EEXIST
                    return .failure(Failure(diagnostic: .error(
                        exists ? .pageExists : .cannotCreatePage(reason: String(cString: strerror(errno))),
                        file: target.sourcePath, code: exists ? .exists : .io,
                        hint: exists ? .chooseAnotherTitle : nil), isUsage: false))
                }
                let bytes = Array(text.utf8)
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                guard written == bytes.count else {
                    try? fm.removeItem(at: target.url)
                    return .failure(Failure(diagnostic: .error(.pageNotWritten, file: target.sourcePath, code: .io),
                                            isUsage: false))
                }
                return .success(target.sourcePath)
            }
        }
    }

    /// `YYYY-MM-DD` in the writer's time zone.
    package static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
