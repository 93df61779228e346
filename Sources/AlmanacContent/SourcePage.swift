import Foundation
import AlmanacCore

/// A Markdown file as loaded from `content/`: where it is, what it declares, and its body.
public struct SourcePage: Sendable {
    /// Path relative to the site folder, as diagnostics print it: `content/principles/empathy.md`.
    public var sourcePath: String
    /// Path relative to `content/`: `principles/empathy.md`. Writers link pages by it.
    public var contentPath: String
    /// Stable identity: the content path without `.md`, and for `_index.md` its folder
    /// (`principles/empathy`, `principles`, and `""` for the home page).
    public var id: String
    /// True for a section's own page (`_index.md`).
    public var isSectionIndex: Bool
    /// The folder (section id) the page belongs to; for a section index, its parent.
    public var parentSection: String
    /// Content type id (`principle`, `reply`, `case`, `article`).
    public var type: String
    public var frontMatter: [MetaEntry]
    /// Line of the `---` that opened the front matter (1-based), or 0 without front matter.
    public var frontMatterLine: Int
    /// The Markdown after the front matter. A page taken from the load memo keeps its file's bytes
    /// instead and cuts the body from them when asked: after a one-page edit only the edited
    /// page's body is read, and decoding and splitting every file was a tenth of the rebuild.
    public var body: String {
        get {
            switch bodySource {
            case .text(let text): return text
            case .file(let bytes): return FrontMatterSplitter.split(SourceText.decode(bytes).text).body
            case .unread(let path, let hash, let changed):
                // Read only now: the file must still be the one the fingerprint hashed.
                guard let bytes = FileBytes.read(path)?.bytes, ContentHash(of: bytes) == hash else {
                    changed.note(sourcePath)
                    return ""
                }
                return FrontMatterSplitter.split(SourceText.decode(bytes).text).body
            }
        }
        set { bodySource = .text(newValue) }
    }
    private var bodySource: BodySource
    /// Line in the file where `body` starts (1-based), to translate body positions back to the file.
    public var bodyLine: Int
    /// What `body` was read from: the hash of the file's bytes (the body follows from them
    /// alone), or of the body itself for a page made from text. The Markdown memo and the
    /// repeated-paragraph check key a page by it, so an unchanged page's body is not hashed again.
    public var bodyHash: ContentHash
    /// The file's modification time.
    public var modified: Date?

    /// The hash `bodyHash` takes for a body read from a file with these bytes' hash.
    package static func bodyHash(ofFile hash: ContentHash) -> ContentHash {
        ContentHash(combining: [ContentHash(of: "body of file"), hash])
    }

    public init(
        sourcePath: String, contentPath: String, id: String, isSectionIndex: Bool,
        parentSection: String, type: String, frontMatter: [MetaEntry], frontMatterLine: Int,
        body: String, bodyLine: Int, bodyHash: ContentHash? = nil, modified: Date? = nil
    ) {
        self.sourcePath = sourcePath
        self.contentPath = contentPath
        self.id = id
        self.isSectionIndex = isSectionIndex
        self.parentSection = parentSection
        self.type = type
        self.frontMatter = frontMatter
        self.frontMatterLine = frontMatterLine
        self.bodySource = .text(body)
        self.bodyLine = bodyLine
        self.bodyHash = bodyHash ?? ContentHash(combining: [ContentHash(of: "body"), ContentHash(of: body)])
        self.modified = modified
    }

    private enum BodySource: Sendable {
        case text(String)
        /// The bytes of the file the page was read from, the front matter included.
        case file([UInt8])
        /// The file on disk, when the build knew it by its hash without reading it; a file that
        /// no longer has that hash is noted in `changed`.
        case unread(path: String, hash: ContentHash, changed: ChangedSources)
    }

    /// The body is the one in `bytes`, the file this page was loaded from (see `body`).
    package mutating func takeBody(fromFile bytes: [UInt8]) {
        bodySource = .file(bytes)
    }

    /// The body is the one of the file at `path`, whose bytes have `hash`: read when asked.
    package mutating func takeBody(fromFileAt path: String, hash: ContentHash, changed: ChangedSources) {
        bodySource = .unread(path: path, hash: hash, changed: changed)
    }

    public func meta(_ key: String) -> MetaValue? { frontMatter[key]?.value }
    public func metaLine(_ key: String) -> Int { frontMatter[key]?.line ?? max(frontMatterLine, 1) }
}
