import Foundation

struct DiscoveredFile: Sendable {
    /// Relative to content/, forward slashes, Unicode NFC (files from macOS arrive as NFD).
    var contentPath: String
    var url: URL
}

/// Walks content/ without ever leaving it: symbolic links that point outside are skipped
/// with a warning, hidden files are ignored, and the order is deterministic.
enum ContentDiscovery {
    static func discover(root: URL) -> ([DiscoveredFile], [Diagnostic]) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            return ([], [.error("нет папки content/", file: "content", code: "io",
                                hint: "страницы сайта лежат в папке content/ рядом с almanac.yml")])
        }
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        var files: [DiscoveredFile] = []
        var diagnostics: [Diagnostic] = []
        walk(root, relative: "", realRoot: realRoot, files: &files, diagnostics: &diagnostics)
        files.sort { $0.contentPath < $1.contentPath }
        return (files, diagnostics)
    }

    private static func walk(_ dir: URL, relative: String, realRoot: String,
                             files: inout [DiscoveredFile], diagnostics: inout [Diagnostic]) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else {
            diagnostics.append(.error("не удалось прочитать папку", file: "content/" + relative, code: "io"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let rel = (relative.isEmpty ? name : relative + "/" + name).precomposedStringWithCanonicalMapping
            guard let attributes = try? fm.attributesOfItem(atPath: url.path),
                  let type = attributes[.type] as? FileAttributeType else { continue }
            switch type {
            case .typeDirectory:
                walk(url, relative: rel, realRoot: realRoot, files: &files, diagnostics: &diagnostics)
            case .typeRegular:
                files.append(DiscoveredFile(contentPath: rel, url: url))
            case .typeSymbolicLink:
                let target = url.resolvingSymlinksInPath().standardizedFileURL.path
                var targetIsDir: ObjCBool = false
                let exists = fm.fileExists(atPath: target, isDirectory: &targetIsDir)
                if !target.hasPrefix(realRoot + "/") {
                    diagnostics.append(.warning("символическая ссылка ведёт за пределы content/ и пропущена",
                                                file: "content/" + rel, code: "symlink"))
                } else if !exists || targetIsDir.boolValue {
                    // Links to folders inside content/ could form cycles; the folder is walked where it really is.
                    diagnostics.append(.warning("символическая ссылка на папку или на несуществующий файл пропущена",
                                                file: "content/" + rel, code: "symlink"))
                } else {
                    files.append(DiscoveredFile(contentPath: rel, url: URL(fileURLWithPath: target)))
                }
            default:
                continue
            }
        }
    }
}
