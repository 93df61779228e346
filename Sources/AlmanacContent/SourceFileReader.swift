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
        return (bytes, Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9))
    }
}

/// A Markdown file under content/ as the build's input fingerprint read it: the loader takes it
/// from there instead of reading and hashing the file a second time, and so parses exactly the
/// bytes the fingerprint names.
package struct SourceFile: Sendable {
    package var bytes: [UInt8]
    package var modified: Date
    /// SHA-256 of `bytes`.
    package var hash: ContentHash

    package init(bytes: [UInt8], modified: Date) {
        self.bytes = bytes
        self.modified = modified
        hash = ContentHash(of: bytes)
    }
}
