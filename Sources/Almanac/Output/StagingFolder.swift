import Foundation

/// Makes a folder hold exactly the given files: writes what differs, removes what is stale.
struct StagingFolder {
    let url: URL

    func reconcile(with files: [OutputFile]) -> Diagnostic? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            || (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil {
            try? fm.removeItem(at: url)
        }
        let existing = listing()
        let wanted = Set(files.map(\.path))
        var directories: Set<String> = []
        for file in files {
            var dir = (file.path as NSString).deletingLastPathComponent
            while !dir.isEmpty, directories.insert(dir).inserted { dir = (dir as NSString).deletingLastPathComponent }
        }
        do {
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
            // Stale files go first, so that a file never stands where a folder is now needed.
            for path in existing.files where !wanted.contains(path) {
                try fm.removeItem(at: url.appendingPathComponent(path))
            }
            for dir in existing.directories.sorted(by: >) where !directories.contains(dir) {
                try? fm.removeItem(at: url.appendingPathComponent(dir))
            }
            for dir in directories.sorted() where !existing.directories.contains(dir) {
                let target = url.appendingPathComponent(dir)
                if existing.files.contains(dir) { try? fm.removeItem(at: target) }
                try fm.createDirectory(at: target, withIntermediateDirectories: true)
            }
        } catch {
            return .error("не удалось подготовить папку сборки: \(OutputError.reason(error))", file: "", code: "output",
                          hint: "проверьте права на запись в \(url.deletingLastPathComponent().path)")
        }
        let errors = files.concurrentMap { file -> String? in
            do {
                try write(file, existed: existing.files.contains(file.path))
                return nil
            } catch {
                return "\(file.path): \(OutputError.reason(error))"
            }
        }
        if let first = errors.compactMap({ $0 }).first {
            return .error("не удалось записать файл \(first)", file: "", code: "output",
                          hint: "проверьте свободное место и права на запись в \(url.deletingLastPathComponent().path)")
        }
        return nil
    }

    private func write(_ file: OutputFile, existed: Bool) throws {
        let target = url.appendingPathComponent(file.path)
        let data: Data
        switch file.contents {
        case .data(let d): data = d
        case .copy(let source): data = try Data(contentsOf: source)
        }
        if existed, let current = try? Data(contentsOf: target), current == data { return }
        try data.write(to: target)
    }

    /// Every file and folder below `url`, as relative paths.
    private func listing() -> (files: Set<String>, directories: Set<String>) {
        var files: Set<String> = [], directories: Set<String> = []
        let prefix = url.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isDirectoryKey]) else {
            return (files, directories)
        }
        for case let item as URL in walker {
            let path = item.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            if (try? item.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                directories.insert(relative)
            } else {
                files.insert(relative)
            }
        }
        return (files, directories)
    }
}
