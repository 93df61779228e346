import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes bytes to a path with plain system calls, leaving a file alone when it already holds
/// exactly those bytes (its size is compared first, so a changed page usually costs one stat).
package enum FileBytes {
    /// A regular file's bytes and its stat, with one open, one fstat and its reads: `Data(contentsOf:)`
    /// and then a copy into an array cost about twice that on the build cache's 200 MB. The array
    /// is read into uninitialised: zeroing it first was half the time of reading the cache.
    package static func read(_ path: String) -> (bytes: [UInt8], info: stat)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var failed = false
        /// Reads into `buffer` until it is full or the file ends; how many bytes it read.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            let (moved, error) = transfer(buffer.count) { Glibc.read(fd, buffer.baseAddress! + $0, buffer.count - $0) }
            if error != 0 { failed = true }
            return moved
        }
        // One byte more than the size, so that the end is seen without another read.
        let size = max(Int(info.st_size), 0)
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in count = fill(buffer) }
        // The file grew since fstat: the rest, a chunk at a time.
        while !failed, bytes.count > size {
            let chunk = [UInt8](unsafeUninitializedCapacity: max(65_536, size)) { buffer, count in count = fill(buffer) }
            if chunk.isEmpty { break }
            bytes += chunk
            if chunk.count < max(65_536, size) { break }
        }
        return failed ? nil : (bytes, info)
    }

    /// open/write/close, so that a failure keeps its errno («File too large», «No space left on
    /// device») where Foundation on Linux reports «NSCocoaErrorDomain error 512». O_NOFOLLOW: a
    /// symbolic link left in the folder is replaced, never written through to wherever it points.
    package static func write(_ bytes: UnsafeRawBufferPointer, to path: String, existed: Bool) throws {
        if existed, holds(bytes, path) { return }
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0, errno == ELOOP {
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw OutputError.posix(errno) }
        var (written, failure) = transfer(bytes.count) { Glibc.write(fd, bytes.baseAddress! + $0, bytes.count - $0) }
        if failure == 0, written < bytes.count { failure = EIO }  // a write that took nothing
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw OutputError.posix(failure) }
    }

    /// Calls `io` (a read or a write at the offset it is given) until `count` bytes have moved, it
    /// returns 0 (the end of the file) or it fails; an interrupted call is made again. The bytes
    /// moved, and the errno of a failure (0 for none).
    private static func transfer(_ count: Int, _ io: (Int) -> Int) -> (moved: Int, error: Int32) {
        var moved = 0
        while moved < count {
            let n = io(moved)
            if n < 0 {
                if errno == EINTR { continue }
                return (moved, errno)
            }
            if n == 0 { break }
            moved += n
        }
        return (moved, 0)
    }

    /// Whether both paths name one inode (a hard link made by an earlier build).
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return lstat(a, &x) == 0 && lstat(b, &y) == 0 && x.st_ino == y.st_ino && x.st_dev == y.st_dev
    }

    /// Whether the file has other names: writing into it would change them too.
    package static func isShared(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_nlink > 1
    }

    package static func holds(_ bytes: UnsafeRawBufferPointer, _ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let current = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        defer { current.deallocate() }
        let (moved, error) = transfer(bytes.count) { Glibc.read(fd, current.baseAddress! + $0, bytes.count - $0) }
        guard error == 0, moved == bytes.count else { return false }
        return memcmp(current.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }
}

extension POSIXError {
    package init(_ code: Int32) { self.init(POSIXErrorCode(rawValue: code) ?? .EIO) }
}
