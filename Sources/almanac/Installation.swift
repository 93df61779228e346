import Almanac
import AlmanacProducts
import Foundation

/// Where the running binary's theme and bundled knowledge base are. After `make install` (or from
/// the `make dist` tarball) they sit beside the binary: PREFIX/bin/almanac reads
/// PREFIX/share/almanac/templates and PREFIX/share/almanac/knowledge-base/{almanac.yml,content}.
/// Run from a checkout (.build/debug/almanac), it uses the repository's templates/, almanac.yml and
/// content/, found by walking up from the binary to the folder with Package.swift.
enum Installation {
    static let shareFolder = "share/almanac"

    static func origin() -> SiteInit.Origin? {
        let binary = executable().deletingLastPathComponent()
        let fm = FileManager.default
        var folder = binary
        for _ in 0..<6 {
            let share = folder.appendingPathComponent(shareFolder)
            if fm.fileExists(atPath: share.appendingPathComponent("templates/layouts").path) {
                return SiteInit.Origin(theme: share.appendingPathComponent("templates"),
                                       knowledgeBase: share.appendingPathComponent("knowledge-base"))
            }
            if fm.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: folder.appendingPathComponent("templates/layouts").path) {
                return SiteInit.Origin(theme: folder.appendingPathComponent("templates"), knowledgeBase: folder)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    /// The binary's own path with symlinks resolved (a PATH symlink leads to the real install).
    static func executable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    }
}
