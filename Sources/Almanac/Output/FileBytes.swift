import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes bytes to a path with plain system calls, leaving a file alone when it already holds
/// exactly those bytes (its size is compared first, so a changed page usually costs one stat).
enum FileBytes {
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, existed: Bool) throws {
        if existed, holds(bytes, path) { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(errno)
            }
            offset += n
        }
    }

    private static func holds(_ bytes: UnsafeRawBufferPointer, _ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let current = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        defer { current.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let n = read(fd, current.baseAddress! + offset, bytes.count - offset)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return memcmp(current.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }
}

extension POSIXError {
    init(_ code: Int32) { self.init(POSIXErrorCode(rawValue: code) ?? .EIO) }
}
