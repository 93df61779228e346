import Foundation
import AlmanacCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads a source file's bytes and modification time with one open, one fstat and its reads
/// (`FileBytes.read`): `Data(contentsOf:)` plus `URL.resourceValues` for the date cost a tenth of
/// the load stage.
package enum SourceFileReader {
    package static func read(_ url: URL) -> (bytes: [UInt8], modified: Date)? {
        read(path: url.path)
    }

    package static func read(path: String) -> (bytes: [UInt8], modified: Date)? {
        guard let (bytes, info) = FileBytes.read(path) else { return nil }
        return (bytes, FileStamp(info).modificationDate)
    }
}

/// A Markdown file under content/ as the build's input fingerprint read it: the loader takes it
/// from there instead of reading and hashing the file a second time, and so parses exactly the
/// bytes the fingerprint names.
package struct SourceFile: Sendable {
    /// Nil when the fingerprint took the file's hash from the build cache without reading it
    /// (`FileHashes`): the loader reads it only if it has to parse it.
    package var bytes: [UInt8]?
    package var modified: Date
    /// SHA-256 of the file's bytes.
    package var hash: ContentHash

    package init(bytes: [UInt8], modified: Date) {
        self.bytes = bytes
        self.modified = modified
        hash = ContentHash(of: bytes)
    }

    /// A file known by its hash alone.
    package init(unreadWithHash hash: ContentHash, modified: Date) {
        bytes = nil
        self.modified = modified
        self.hash = hash
    }
}

/// Source files a build found changed after its fingerprint had hashed them: what it parsed is
/// then not what it named, so it must neither publish nor remember anything (`Build.run`
/// reports them and stops). Noted wherever a file is read late, by source path (`content/…`).
package final class ChangedSources: Sendable {
    private let paths = Locked<Set<String>>([])

    package init() {}

    package func note(_ sourcePath: String) { paths.withLock { _ = $0.insert(sourcePath) } }

    package var all: [String] { paths.withLock { $0.sorted() } }
}
