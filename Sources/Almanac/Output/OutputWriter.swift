import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the site into a staging folder beside the output and swaps it into place only when
/// every file is written: a failed or killed build leaves the previous site untouched, and no
/// stale files from older builds survive.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    private var parent: URL { output.deletingLastPathComponent() }
    private var name: String { output.lastPathComponent }
    private var backup: URL { parent.appendingPathComponent(".\(name).previous") }

    /// Puts back a site a killed build had moved aside, and clears its leftovers.
    public func recover() {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: backup.path) {
            try? fm.moveItem(at: backup, to: output)
        }
        try? fm.removeItem(at: backup)
        let prefix = ".\(name).staging-"
        for leftover in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where leftover.hasPrefix(prefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(leftover))
        }
    }

    public func write(_ files: [OutputFile]) -> [Diagnostic] {
        let fm = FileManager.default
        recover()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            return [failure("не удалось создать папку \(parent.path)", error)]
        }
        var seen: Set<String> = []
        for file in files {
            guard Self.isSafe(file.path) else {
                return [.error("внутренняя ошибка: путь «\(file.path)» выходит за пределы папки сайта", file: "", code: "output")]
            }
            if !seen.insert(file.path).inserted {
                return [.error("два файла претендуют на путь «\(file.path)»", file: "", code: "output")]
            }
        }
        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        if let problem = writeAll(files, into: staging) {
            try? fm.removeItem(at: staging)
            return [problem]
        }
        if let problem = swapIn(staging) {
            try? fm.removeItem(at: staging)
            return [problem]
        }
        return []
    }

    private func writeAll(_ files: [OutputFile], into staging: URL) -> Diagnostic? {
        let fm = FileManager.default
        var directories: Set<String> = [""]
        for file in files {
            var dir = (file.path as NSString).deletingLastPathComponent
            while !dir.isEmpty, directories.insert(dir).inserted { dir = (dir as NSString).deletingLastPathComponent }
        }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for dir in directories.sorted() where !dir.isEmpty {
                try fm.createDirectory(at: staging.appendingPathComponent(dir), withIntermediateDirectories: true)
            }
        } catch {
            return failure("не удалось создать папку для сайта", error)
        }
        let errors = files.concurrentMap { file -> String? in
            let url = staging.appendingPathComponent(file.path)
            do {
                switch file.contents {
                case .data(let data): try data.write(to: url)
                case .copy(let source): try FileManager.default.copyItem(at: source, to: url)
                }
                return nil
            } catch {
                return "\(file.path): \(Self.reason(error))"
            }
        }
        if let first = errors.compactMap({ $0 }).first {
            return .error("не удалось записать файл \(first)", file: "", code: "output",
                          hint: "проверьте свободное место и права на запись в \(parent.path)")
        }
        return nil
    }

    /// Exchanges the folders in one step where the kernel can (renameat2), otherwise moves the old
    /// site aside first; `recover()` puts it back if the process dies between the two moves.
    private func swapIn(_ staging: URL) -> Diagnostic? {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            if Self.exchange(staging.path, output.path) {
                try? fm.removeItem(at: staging)
                return nil
            }
            do { try fm.moveItem(at: output, to: backup) } catch {
                return failure("не удалось заменить \(output.path)", error)
            }
        }
        do { try fm.moveItem(at: staging, to: output) } catch {
            try? fm.moveItem(at: backup, to: output)
            return failure("не удалось переместить собранный сайт в \(output.path)", error)
        }
        try? fm.removeItem(at: backup)
        return nil
    }

    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if canImport(Glibc)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Relative, no `..`, no empty or hidden-control components: nothing lands outside the output.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }

    private func failure(_ message: String, _ error: Error) -> Diagnostic {
        .error("\(message): \(Self.reason(error))", file: "", code: "output")
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
