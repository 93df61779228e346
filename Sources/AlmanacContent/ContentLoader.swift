import Foundation
import AlmanacCore

/// A non-Markdown file under content/ (an image, a PDF) that is copied beside its page.
public struct ContentAsset: Sendable, Hashable {
    /// Path relative to content/, forward slashes, NFC.
    public var contentPath: String
    public var file: URL
}

/// Everything found under content/.
public struct LoadedContent: Sendable {
    public var pages: [SourcePage]
    public var assets: [ContentAsset]

    public init(pages: [SourcePage], assets: [ContentAsset] = []) {
        self.pages = pages
        self.assets = assets
    }
}

/// Finds the Markdown files and assets under content/ and reads them into `SourcePage`s.
public struct ContentLoader: Sendable {
    public var config: SiteConfig
    public var includeDrafts: Bool

    public init(config: SiteConfig, includeDrafts: Bool = false) {
        self.config = config
        self.includeDrafts = includeDrafts
    }

    public func load(siteDirectory: URL) -> (LoadedContent, [Diagnostic]) {
        let (content, diagnostics, _) = load(siteDirectory: siteDirectory, reusing: nil)
        return (content, diagnostics)
    }

    /// Loads content/, taking a file's page from `memo` when its bytes (and whether it is its
    /// folder's page) are as they were: its front matter is then not parsed again. Returns the
    /// memo of this load, holding the files that exist now. A Markdown file in `preread` (by
    /// content path) is taken from there rather than read again, and `discovered` is content/'s
    /// listing when the caller has walked it already. A preread file known by its hash alone is
    /// read only if its page is not in the memo; if its bytes no longer have that hash, its
    /// source path is noted in `changed` (so is a body read later, see `SourcePage.body`).
    package func load(siteDirectory: URL, reusing memo: StageMemo<PageLoad>?, preread: [String: SourceFile] = [:],
                      discovered: ([DiscoveredFile], [Diagnostic])? = nil, changed: ChangedSources = ChangedSources())
        -> (LoadedContent, [Diagnostic], [ContentHash: PageLoad]) {
        var (files, diagnostics) = discovered ?? ContentDiscovery.discover(root: siteDirectory.appendingPathComponent("content"))
        let markdown = files.filter { $0.contentPath.hasSuffix(".md") }
        let folderPages = Self.folderPages(Set(markdown.map(\.contentPath)), indexFiles: config.indexFiles)
        let assets = files.filter { !$0.contentPath.hasSuffix(".md") }
            .map { ContentAsset(contentPath: $0.contentPath, file: $0.url) }

        // Reading and front-matter parsing are per file: do them on every core.
        let results = markdown.concurrentMap { file -> (ContentHash, PageLoad) in
            let isFolderPage = folderPages.contains(file.contentPath)
            let unreadable = (ContentHash(combining: ["unreadable", file.contentPath]),
                              PageLoad(page: nil, diagnostics: [.error(.fileUnreadable, file: "content/" + file.contentPath, code: .io)]))
            guard var source = preread[file.contentPath] ?? SourceFileReader.read(path: file.path).map(SourceFile.init) else {
                return unreadable
            }
            func key(_ source: SourceFile) -> ContentHash {
                var hasher = ContentHasher()
                hasher.add(source.hash)
                hasher.add(file.contentPath)
                hasher.add(isFolderPage)
                return hasher.finish()
            }
            if var reused = memo?[key(source)] {
                // The memo keeps front matter, not bodies (a kept body doubled the cache a build
                // reads and writes): the body is cut from the file again, when something asks.
                reused.page?.modified = source.modified
                if let bytes = source.bytes {
                    reused.page?.takeBody(fromFile: bytes)
                } else {
                    reused.page?.takeBody(fromFileAt: file.path, hash: source.hash, changed: changed)
                }
                return (key(source), reused)
            }
            if source.bytes == nil {
                guard let read = SourceFileReader.read(path: file.path).map(SourceFile.init) else { return unreadable }
                if read.hash != source.hash { changed.note("content/" + file.contentPath) }
                source = read
            }
            let (page, pageDiagnostics) = loadPage(bytes: source.bytes!, contentPath: file.contentPath, modified: source.modified,
                                                   isFolderPage: isFolderPage, fileHash: source.hash)
            return (key(source), PageLoad(page: page, diagnostics: pageDiagnostics))
        }
        var pages: [SourcePage] = []
        var used: [ContentHash: PageLoad] = [:]
        for (key, result) in results {
            var kept = result
            kept.page?.body = ""
            used[key] = kept
            diagnostics += result.diagnostics
            if let page = result.page, includeDrafts || !page.isDraft { pages.append(page) }
        }
        return (LoadedContent(pages: pages, assets: assets), diagnostics, used)
    }

    /// The files that are their folder's own page: per folder, the first of `indexFiles` present.
    /// The others (a README.md beside an index.md) stay ordinary pages, as MkDocs and GitHub show
    /// only one of them as the folder.
    package static func folderPages(_ markdown: Set<String>, indexFiles: [String]) -> Set<String> {
        var folders: Set<String> = []
        for path in markdown { folders.insert(FolderPath.parent(of: path)) }
        var result: Set<String> = []
        for folder in folders {
            let prefix = folder.isEmpty ? "" : folder + "/"
            if let first = indexFiles.first(where: { markdown.contains(prefix + $0) }) { result.insert(prefix + first) }
        }
        return result
    }

    /// True when `contentPath` is its folder's own page, asking the disk about its siblings
    /// (`BuildSession` re-reads single files).
    package func isFolderPage(_ contentPath: String, contentRoot: URL) -> Bool {
        let name = contentPath.split(separator: "/").last.map(String.init) ?? contentPath
        guard let rank = config.indexFiles.firstIndex(of: name) else { return false }
        let folder = FolderPath.parent(of: contentPath)
        return !config.indexFiles[..<rank].contains { other in
            FileManager.default.fileExists(atPath: contentRoot.appendingPathComponent(folder.isEmpty ? other : folder + "/" + other).path)
        }
    }

    /// One file, read and split; `BuildSession` re-reads single files through it after an edit.
    package func loadPage(_ file: DiscoveredFile, isFolderPage: Bool? = nil) -> (SourcePage?, [Diagnostic]) {
        let sourcePath = "content/" + file.contentPath
        guard let (bytes, modified) = SourceFileReader.read(file.url) else {
            return (nil, [.error(.fileUnreadable, file: sourcePath, code: .io)])
        }
        let root = file.url.deletingLastPathComponent()
            .appendingPathComponent(String(repeating: "../", count: file.contentPath.split(separator: "/").count - 1))
        return loadPage(bytes: bytes, contentPath: file.contentPath, modified: modified,
                        isFolderPage: isFolderPage ?? self.isFolderPage(file.contentPath, contentRoot: root))
    }

    /// One page from bytes already read (`contentPath` relative to content/): the fuzzer feeds it directly.
    /// Without siblings to compare, the first of `index_files` makes a folder's page.
    public func loadPage(data: Data, contentPath: String, modified: Date? = nil) -> (SourcePage?, [Diagnostic]) {
        let name = contentPath.split(separator: "/").last.map(String.init) ?? contentPath
        return loadPage(bytes: [UInt8](data), contentPath: contentPath, modified: modified,
                        isFolderPage: name == config.indexFiles.first)
    }

    /// `fileHash` is the hash of `bytes` when the caller has it already.
    package func loadPage(bytes: [UInt8], contentPath: String, modified: Date?, isFolderPage: Bool,
                          fileHash: ContentHash? = nil) -> (SourcePage?, [Diagnostic]) {
        let sourcePath = "content/" + contentPath
        var diagnostics: [Diagnostic] = []
        let (text, problems) = SourceText.decode(bytes)
        for problem in problems {
            switch problem {
            case .invalidUTF8(let line):
                diagnostics.append(.error(.notUTF8, file: sourcePath, line: line, code: .encoding, hint: .saveAsUTF8))
            case .nulByte(let line):
                diagnostics.append(.error(.nulByte, file: sourcePath, line: line, code: .encoding, hint: .fileDamaged))
            }
        }
        let parts = FrontMatterSplitter.split(text)
        var frontMatter: [MetaEntry] = []
        if parts.unterminated {
            let fence = parts.isTOML ? "+++" : "---"
            diagnostics.append(.error(.frontMatterUnclosed(fence: fence), file: sourcePath, line: 1, code: .frontMatter,
                                      hint: .closeFrontMatter(fence: fence)))
        } else if let toml = parts.yaml, parts.isTOML {
            switch TOMLReader.readMapping(toml, lineOffset: parts.fenceLine) {
            case .success(let entries): frontMatter = entries
            case .failure(let f):
                diagnostics.append(.error(.frontMatterTOML(reason: f.message.text), file: sourcePath, line: f.line,
                                          code: .frontMatter, hint: .tomlSyntax))
            }
        } else if let yaml = parts.yaml {
            switch YAMLReader.readMapping(yaml, lineOffset: parts.fenceLine) {
            case .success(let entries): frontMatter = entries
            case .failure(let f):
                diagnostics.append(.error(.frontMatterYAML(reason: f.message), file: sourcePath, line: f.line,
                                          column: f.column, code: .frontMatter, hint: .yamlSyntax))
            }
        }

        let isSectionIndex = isFolderPage
        let withoutExtension = String(contentPath.dropLast(3))
        let id = isSectionIndex ? FolderPath.parent(of: contentPath) : withoutExtension
        let folder = FolderPath.parent(of: contentPath)
        let parent = isSectionIndex ? FolderPath.parent(of: folder) : folder
        let topFolder = contentPath.split(separator: "/").count > 1 ? String(contentPath.split(separator: "/")[0]) : ""
        var type = isSectionIndex ? "section" : config.typeId(forTopFolder: topFolder)
        if let declared = frontMatter["type"], let name = declared.value.string {
            if config.contentTypes.contains(where: { $0.id == name }) || name == ContentType.article.id {
                type = name
            } else if config.links == .warn {
                // `type: docs` from Hugo or a theme: the page keeps its folder's type.
                diagnostics.append(.warning(.unknownTypeReplaced(name: name, type: type),
                                            file: sourcePath, line: declared.line, code: .schema,
                                            hint: config.contentTypes.isEmpty ? .noTypesDeclared
                                                : .declaredTypes(types: config.contentTypes.map(\.id))))
                frontMatter.removeAll { $0.key == "type" }
            } else {
                diagnostics.append(.error(.unknownType(name: name), file: sourcePath, line: declared.line,
                                          code: .schema, hint: .declaredTypes(types: config.contentTypes.map(\.id))))
            }
        }
        if config.links == .warn {
            let fields = SchemaValidator.common + (type == "section" ? [] : config.type(type).fields)
            diagnostics += ForeignFrontMatter.coerce(&frontMatter, fields: fields, sourcePath: sourcePath)
        }
        let page = SourcePage(
            sourcePath: sourcePath, contentPath: contentPath, id: id, isSectionIndex: isSectionIndex,
            parentSection: parent, type: type, frontMatter: frontMatter, frontMatterLine: parts.fenceLine,
            body: parts.body, bodyLine: parts.bodyLine,
            bodyHash: SourcePage.bodyHash(ofFile: fileHash ?? ContentHash(of: bytes)), modified: modified)
        return (page, diagnostics)
    }
}

extension SourcePage {
    package var isDraft: Bool { meta("draft") == .bool(true) }
}

extension String {
    package func trimmingSlashes() -> String {
        var s = Substring(self)
        while s.hasPrefix("/") { s = s.dropFirst() }
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
