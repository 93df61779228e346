import AlmanacCore
import Foundation

/// A page as loaded, kept by the build cache under the hash of its file, so that an unchanged
/// file's front matter is not parsed again.
extension SourcePage: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        self.init(sourcePath: try reader.readString(), contentPath: try reader.readString(), id: try reader.readString(),
                  isSectionIndex: try reader.readBool(), parentSection: try reader.readString(), type: try reader.readString(),
                  frontMatter: try reader.readArray(), frontMatterLine: try reader.readInt(), body: try reader.readString(),
                  bodyLine: try reader.readInt(), bodyHash: try reader.read(),
                  modified: try reader.readBool() ? Date(timeIntervalSince1970: try reader.readDouble()) : nil)
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(sourcePath)
        writer.write(contentPath)
        writer.write(id)
        writer.write(isSectionIndex)
        writer.write(parentSection)
        writer.write(type)
        writer.write(frontMatter)
        writer.write(frontMatterLine)
        writer.write(body)
        writer.write(bodyLine)
        writer.write(bodyHash)
        writer.write(modified != nil)
        if let modified { writer.write(modified.timeIntervalSince1970) }
    }
}

/// What loading one file gave: its page (none when it could not be read) and what was wrong with it.
public struct PageLoad: Sendable, CacheCodable {
    public var page: SourcePage?
    public var diagnostics: [Diagnostic]

    public init(page: SourcePage?, diagnostics: [Diagnostic]) {
        self.page = page
        self.diagnostics = diagnostics
    }

    public init(from reader: inout CacheReader) throws {
        page = try reader.readOptional()
        diagnostics = try reader.readArray()
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(page)
        writer.write(diagnostics)
    }
}
