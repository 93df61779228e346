import Foundation

/// Why writing a file failed, in words a writer understands (the reason of a system call).
package enum OutputError: Error {
    /// A failed system call and its errno.
    case posix(Int32)

    package static func reason(_ error: Error) -> String {
        if case .posix(let code) = error as? OutputError { return String(cString: strerror(code)) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
