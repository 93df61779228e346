import Foundation
#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

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
            var dir = Navigation.parentFolder(file.path)
            while !dir.isEmpty, directories.insert(dir).inserted { dir = Navigation.parentFolder(dir) }
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
                return "\(url.path)/\(file.path): \(OutputError.reason(error))"
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
        try Self.writeFile(data, to: target.path)
    }

    /// open/write/close, so that a failure keeps its errno («File too large», «No space left on
    /// device») where Foundation on Linux reports «NSCocoaErrorDomain error 512». O_NOFOLLOW: a
    /// symbolic link left in the folder is replaced, never written through to wherever it points.
    static func writeFile(_ data: Data, to path: String) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0, errno == ELOOP {
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw OutputError.posix(errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw OutputError.posix(failure) }
    }

    /// Every file and folder below `url`, as relative paths. readdir's entry types spare a stat
    /// per file, which Foundation's enumerator with resource values does not.
    private func listing() -> (files: Set<String>, directories: Set<String>) {
        var files: Set<String> = [], directories: Set<String> = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? url.path : url.path + "/" + relative
            guard let dir = opendir(path) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    // Some filesystems do not fill in the type; ask (without following links).
                    var info = stat()
                    isDirectory = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory {
                    directories.insert(child)
                    walk(child)
                } else {
                    files.insert(child)
                }
            }
        }
        walk("")
        return (files, directories)
    }
}
