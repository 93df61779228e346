import Foundation
import AlmanacCore
#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// Makes a folder hold exactly the given files: writes what differs, removes what is stale.
///
/// A file whose bytes are those of the same file in `live` (the published site the folder will
/// replace) becomes a hard link to it, so its inode and modification time carry over into the
/// next site and `rsync` or a CDN sync moves only what changed. A changed file is always written
/// to a new inode: the old one may be shared with the published site.
package struct StagingFolder {
    package let url: URL
    package var live: URL? {
        didSet { livePath = live?.path }
    }
    /// The two folders' paths, made once: `URL.path` builds a new string on every call, and a
    /// rebuild asks for them on each of 20,000 files.
    private let root: String
    private var livePath: String?

    package init(url: URL, live: URL? = nil) {
        self.url = url
        self.live = live
        root = url.path
        livePath = live?.path
    }

    /// `known`: the hashes the last build recorded of the data files it published (see
    /// `OutputWriter.write(_:deferred:known:)`); returns this build's.
    package func reconcile(with files: [OutputFile], deferred: [DeferredFile], known: [String: ContentHash])
        -> (problem: Diagnostic?, hashes: [String: ContentHash]) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            || (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil {
            try? fm.removeItem(at: url)
        }
        let existing = listing()
        let paths = files.map(\.path) + deferred.map(\.path)
        let wanted = Set(paths)
        var directories: Set<String> = []
        var parents: Set<String> = []  // folders that hold other folders
        for path in paths {
            var dir = FolderPath.parent(of: path)
            while !dir.isEmpty, directories.insert(dir).inserted {
                let up = FolderPath.parent(of: dir)
                if !up.isEmpty { parents.insert(up) }
                dir = up
            }
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
            for dir in directories where existing.files.contains(dir) {
                try? fm.removeItem(at: url.appendingPathComponent(dir))
            }
            // Folders that hold folders now; the others (a page's own folder) are made by the
            // worker that writes into them.
            for dir in parents.sorted() where !existing.directories.contains(dir) {
                try fm.createDirectory(at: url.appendingPathComponent(dir), withIntermediateDirectories: true)
            }
        } catch {
            return (.error(.cannotPrepareStaging(reason: OutputError.reason(error)), file: "", code: .output,
                           hint: .checkWriteAccess(folder: url.deletingLastPathComponent().path)), [:])
        }
        // One worker per folder: creating files in one folder from two threads makes them queue
        // on the folder's lock (the search index puts 10,000 files in one). The biggest folders
        // start first so that they do not finish last.
        let jobs = files.map(Job.file) + deferred.map(Job.deferred)
        var byFolder: [String: [Job]] = [:]
        for job in jobs { byFolder[FolderPath.parent(of: job.path), default: []].append(job) }
        let folders = byFolder.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        let root = root, made = parents
        let results = folders.concurrentMap { folder, jobs -> (error: String?, hashes: [(String, ContentHash)]) in
            if !folder.isEmpty, !made.contains(folder), !existing.directories.contains(folder),
               mkdir(root + "/" + folder, 0o755) != 0, errno != EEXIST {
                return ("\(folder): \(String(cString: strerror(errno)))", [])
            }
            var hashes: [(String, ContentHash)] = []
            for job in jobs {
                do {
                    if let hash = try write(job, existed: existing.files.contains(job.path), known: known[job.path]) {
                        hashes.append((job.path, hash))
                    }
                } catch {
                    return ("\(root)/\(job.path): \(OutputError.reason(error))", [])
                }
            }
            return (nil, hashes)
        }
        if let first = results.compactMap(\.error).first {
            return (.error(.cannotWriteFile(path: first), file: "", code: .output,
                           hint: .checkSpaceAndWriteAccess(folder: url.deletingLastPathComponent().path)), [:])
        }
        var hashes: [String: ContentHash] = [:]
        for (path, hash) in results.flatMap(\.hashes) { hashes[path] = hash }
        return (nil, hashes)
    }

    private enum Job: Sendable {
        case file(OutputFile)
        case deferred(DeferredFile)

        var path: String {
            switch self {
            case .file(let f): f.path
            case .deferred(let d): d.path
            }
        }
    }

    /// Writes one file; returns the hash of a file written from bytes (see `reconcile`), whose
    /// hash the last build recorded as `known`.
    private func write(_ job: Job, existed: Bool, known: ContentHash?) throws -> ContentHash? {
        let target = root + "/" + job.path
        switch job {
        case .file(let file):
            switch file.contents {
            case .data(let data):
                let hash = ContentHash(of: data)
                try data.withUnsafeBytes {
                    try place($0, path: job.path, target: target, existed: existed, published: known == hash)
                }
                return hash
            case .copy(let source):
                let data = try Data(contentsOf: source)
                try data.withUnsafeBytes { try place($0, path: job.path, target: target, existed: existed) }
            }
        case .deferred(let file):
            if file.reusable, let livePath {
                let published = livePath + "/" + job.path
                if existed, FileBytes.sameFile(published, target) { return nil }
                if existed { unlink(target) }
                if link(published, target) == 0 { return nil }
            }
            var text = file.text()
            try text.withUTF8 { try place(UnsafeRawBufferPointer($0), path: job.path, target: target,
                                          existed: existed && FileManager.default.fileExists(atPath: target)) }
        }
        return nil
    }

    /// `published`: the build cache knows the published file holds these bytes, so it is not read.
    private func place(_ bytes: UnsafeRawBufferPointer, path: String, target: String, existed: Bool,
                       published known: Bool = false) throws {
        if let livePath {
            let published = livePath + "/" + path
            if known || FileBytes.holds(bytes, published) {
                if existed, FileBytes.sameFile(published, target) { return }
                if existed { unlink(target) }
                if link(published, target) == 0 { return }
            }
        }
        // Never through a link the published site may share.
        if existed, FileBytes.isShared(target) { unlink(target) }
        try FileBytes.write(bytes, to: target, existed: existed && FileManager.default.fileExists(atPath: target))
    }

    /// Every file and folder below `url`, as relative paths. readdir's entry types spare a stat
    /// per file, which Foundation's enumerator with resource values does not. The top-level
    /// folders (a site's sections, its search index) are walked on every core.
    private func listing() -> (files: Set<String>, directories: Set<String>) {
        let top = walk("", recursive: false)
        let below = top.directories.sorted().concurrentMap { walk($0, recursive: true) }
        var files = top.files, directories = top.directories
        for part in below {
            files.formUnion(part.files)
            directories.formUnion(part.directories)
        }
        return (files, directories)
    }

    /// The files and folders in `start` (relative to `url`), and with `recursive` below it.
    private func walk(_ start: String, recursive: Bool) -> (files: Set<String>, directories: Set<String>) {
        var files: Set<String> = [], directories: Set<String> = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
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
                    if recursive { walk(child) }
                } else {
                    files.insert(child)
                }
            }
        }
        walk(start)
        return (files, directories)
    }
}
