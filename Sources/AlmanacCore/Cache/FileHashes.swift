import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file: enough to tell that it is the file it was, unchanged, without
/// reading it. The change time and the inode are in it because neither can be set back: a file
/// rewritten with the same size and its old modification time restored (`touch -r`, `rsync -t`,
/// an editor that keeps it) still gets a new change time, or a new inode.
public struct FileStamp: Sendable, Hashable, CacheCodable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64
    public var device: UInt64

    public init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// The stamp of a regular file (following links, as reading it would), or nil.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// As a date: seconds, then the nanoseconds added, as every reader of a page's date computes it.
    public var modificationDate: Date {
        let (seconds, nanoseconds) = modified.quotientAndRemainder(dividingBy: 1_000_000_000)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanoseconds) / 1e9)
    }

    public init(from reader: inout CacheReader) throws {
        size = Int64(try reader.readInt())
        modified = Int64(try reader.readInt())
        changed = Int64(try reader.readInt())
        inode = try reader.readUInt64()
        device = try reader.readUInt64()
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(Int(size))
        writer.write(Int(modified))
        writer.write(Int(changed))
        writer.write(inode)
        writer.write(device)
    }
}

/// The hashes a build took of its input files, each with the file's stamp as it was read: the
/// next build takes a file's hash from here instead of reading it when its stamp is the same
/// (git's index does the same for `git status`).
///
/// A stamp is trusted only when the file had last changed well before the build that recorded
/// it began (`margin`): a file rewritten within the same tick of the file system's clock as the
/// recorded change would otherwise keep the stamp and look unchanged. A file changed so recently
/// is read again by every build until it is older.
public struct FileHashes: Sendable, CacheCodable {
    public struct Entry: Sendable, CacheCodable {
        public var stamp: FileStamp
        public var hash: ContentHash

        public init(stamp: FileStamp, hash: ContentHash) {
            self.stamp = stamp
            self.hash = hash
        }

        public init(from reader: inout CacheReader) throws {
            stamp = try reader.read()
            hash = try reader.read()
        }

        public func write(to writer: inout CacheWriter) {
            writer.write(stamp)
            writer.write(hash)
        }
    }

    /// When the recording build began, in nanoseconds since 1970.
    public var taken: Int64
    /// By path on disk.
    public var entries: [String: Entry]

    /// The default margin: file systems keep times to a nanosecond, a few milliseconds, one or two seconds.
    public static let defaultMargin = 2.0

    public init(taken: Date, entries: [String: Entry] = [:]) {
        self.taken = Int64(taken.timeIntervalSince1970 * 1e9)
        self.entries = entries
    }

    /// The recorded hash of the file at `path`, when its stamp is `stamp` and may be trusted.
    public func hash(of path: String, stamp: FileStamp, margin: Double) -> ContentHash? {
        guard let entry = entries[path], entry.stamp == stamp else { return nil }
        let settled = taken - Int64(margin * 1e9)
        guard entry.stamp.changed < settled, entry.stamp.modified < settled else { return nil }
        return entry.hash
    }

    public init(from reader: inout CacheReader) throws {
        taken = Int64(try reader.readInt())
        let count = try reader.readInt()
        guard count >= 0 else { throw CacheReader.Damaged() }
        entries = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count { entries[try reader.readString()] = try reader.read() }
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(Int(taken))
        writer.write(entries.count)
        for path in entries.keys.sorted() {
            writer.write(path)
            writer.write(entries[path]!)
        }
    }
}
