import Foundation
import AlmanacCore
#if canImport(Glibc)
import Glibc
#endif

package struct DiscoveredFile: Sendable {
    /// Relative to content/, forward slashes, Unicode NFC (files from macOS arrive as NFD).
    package var contentPath: String
    /// Where the file is on disk. A path, not a URL: making a URL for each of 10,000 files took
    /// longer than listing their folders.
    package var path: String
    package var url: URL { URL(fileURLWithPath: path) }

    package init(contentPath: String, path: String) {
        self.contentPath = contentPath
        self.path = path
    }

    package init(contentPath: String, url: URL) {
        self.init(contentPath: contentPath, path: url.path)
    }
}

/// Walks content/ without ever leaving it: symbolic links that point outside are skipped
/// with a warning, hidden files are ignored, and the order is deterministic.
package enum ContentDiscovery {
    package static func discover(root: URL) -> ([DiscoveredFile], [Diagnostic]) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            return ([], [.error(.noContentFolder, file: "content", code: .io, hint: .contentFolder)])
        }
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        var files: [DiscoveredFile] = []
        var diagnostics: [Diagnostic] = []
        walk(root.path, relative: "", realRoot: realRoot, files: &files, diagnostics: &diagnostics)
        files.sort { $0.contentPath < $1.contentPath }
        return (files, diagnostics)
    }

    private enum Kind { case directory, file, symlink, other }

    /// Folder entries with their kinds; readdir's entry types spare a stat per file.
    private static func entries(of path: String) -> [(name: String, kind: Kind)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [(name: String, kind: Kind)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }  // ., .., and hidden files (.DS_Store, .git)
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: type = Int32(DT_UNKNOWN)
                }
            }
            let kind: Kind
            switch type {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .symlink
            default: kind = .other
            }
            out.append((name, kind))
        }
        return out.sorted { $0.name < $1.name }
    }

    private static func walk(_ dir: String, relative: String, realRoot: String,
                             files: inout [DiscoveredFile], diagnostics: inout [Diagnostic]) {
        let fm = FileManager.default
        guard let list = entries(of: dir) else {
            diagnostics.append(.error(.folderUnreadable, file: "content/" + relative, code: .io))
            return
        }
        for (name, kind) in list {
            let path = dir + "/" + name
            let rel = FolderPath.composed(relative.isEmpty ? name : relative + "/" + name)
            switch kind {
            case .directory:
                walk(path, relative: rel, realRoot: realRoot, files: &files, diagnostics: &diagnostics)
            case .file:
                files.append(DiscoveredFile(contentPath: rel, path: path))
            case .symlink:
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
                var targetIsDir: ObjCBool = false
                let exists = fm.fileExists(atPath: target, isDirectory: &targetIsDir)
                if !target.hasPrefix(realRoot + "/") {
                    diagnostics.append(.warning(.symlinkLeavesContent,
                                                file: "content/" + rel, code: .symlink))
                } else if !exists || targetIsDir.boolValue {
                    // Links to folders inside content/ could form cycles; the folder is walked where it really is.
                    diagnostics.append(.warning(.symlinkToFolderOrNothing,
                                                file: "content/" + rel, code: .symlink))
                } else {
                    files.append(DiscoveredFile(contentPath: rel, path: target))
                }
            case .other:
                continue
            }
        }
    }
}
