import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tells which files under content/ and templates/, and almanac.yml itself, changed.
///
/// On Linux it asks the kernel (inotify, one watch per folder), so an edit is noticed within
/// milliseconds and a 10,000-page site costs nothing while idle; elsewhere it compares
/// modification times twice a second. Bursts (an editor's write-rename-chmod) arrive as one batch:
/// after the first event the watcher waits `settle` for more.
final class SourceWatcher: Sendable {
    let siteDirectory: URL
    let settle: TimeInterval
    private let onChange: @Sendable (Set<String>) -> Void
    private let stopped = LockedFlag()
    private let thread = Mutex<Thread?>(nil)

    /// `onChange` gets paths relative to the site folder, on the watcher's own thread.
    init(siteDirectory: URL, settle: TimeInterval = 0.012, onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.settle = settle
        self.onChange = onChange
    }

    func start() {
        thread.withLock { thread in
            let started = Thread { [self] in self.run() }
            started.name = "almanac-watch"
            started.start()
            thread = started
        }
    }

    func stop() { stopped.set() }

    #if os(Linux)
    private func run() {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return runPolling() }
        defer { close(fd) }
        var folders: [Int32: String] = [:]  // watch → folder relative to the site ("" for the site itself)
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF)
        func watch(_ relative: String) {
            let path = relative.isEmpty ? siteDirectory.path : siteDirectory.path + "/" + relative
            let wd = inotify_add_watch(fd, path, mask | UInt32(IN_ONLYDIR))
            guard wd >= 0 else { return }
            folders[wd] = relative
            guard !relative.isEmpty else { return }
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() where !name.hasPrefix(".") {
                var isDirectory: ObjCBool = false
                let child = relative + "/" + name
                if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue {
                    watch(child)
                }
            }
        }
        watch("")
        watch("content")
        watch("templates")

        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        while !stopped.isSet {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // Waiting for the first event: wake now and then to notice stop(); then only `settle`.
            let timeout = pending.isEmpty ? Int32(250) : Int32(settle * 1000)
            let ready = poll(&pfd, 1, timeout)
            if ready <= 0 {
                if !pending.isEmpty {
                    onChange(pending)
                    pending = []
                }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var offset = 0
            while offset + 16 <= count {
                let (wd, eventMask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                guard let folder = folders[wd] else { continue }
                if eventMask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil; continue }
                if eventMask & UInt32(IN_DELETE_SELF) != 0 { pending.insert(folder); continue }
                guard !name.isEmpty else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                if folder.isEmpty && name != "almanac.yml" && name != "content" && name != "templates" { continue }
                if folder.isEmpty && (name == "content" || name == "templates") {
                    // The folder itself was replaced: watch the new one.
                    if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(name) }
                    pending.insert(relative)
                    continue
                }
                let isDirectory = eventMask & UInt32(IN_ISDIR) != 0
                if isDirectory && eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(relative) }
                // A new empty file is announced again when it is closed after writing.
                if !isDirectory && eventMask == UInt32(IN_CREATE) { continue }
                pending.insert(relative)
            }
        }
    }
    #else
    private func run() { runPolling() }
    #endif

    /// Modification times of every file, compared twice a second.
    private func runPolling() {
        func snapshot() -> [String: Date] {
            var result: [String: Date] = [:]
            let fm = FileManager.default
            for top in ["content", "templates"] {
                let root = siteDirectory.appendingPathComponent(top)
                guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey]) else { continue }
                for case let url as URL in walker {
                    let relative = top + "/" + url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)
                    result[relative] = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
                }
            }
            result["almanac.yml"] = (try? fm.attributesOfItem(atPath: siteDirectory.appendingPathComponent("almanac.yml").path))?[.modificationDate] as? Date
            return result
        }
        var last = snapshot()
        while !stopped.isSet {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            let changed = Set(now.keys.filter { now[$0] != last[$0] }).union(last.keys.filter { now[$0] == nil })
            if !changed.isEmpty { onChange(changed) }
            last = now
        }
    }
}

/// A flag set once from any thread.
final class LockedFlag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
