import Foundation
import AlmanacCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes the site into a staging folder beside the output and swaps it into place only when
/// every file is written: a failed or killed build leaves the previous site untouched, and no
/// stale files from older builds survive.
///
/// The staging folder is kept between builds (it holds the site from two builds ago) and is
/// brought up to date rather than written from scratch: files whose bytes did not change are
/// left alone. Creating and deleting tens of thousands of files is what costs most on real
/// disks — deleting a 10,000-page site took a minute on an ext4 volume mounted with `discard`.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    private var parent: URL { output.deletingLastPathComponent() }
    private var name: String { output.lastPathComponent }
    package var staging: URL { parent.appendingPathComponent(".\(name).staging") }
    private var backup: URL { parent.appendingPathComponent(".\(name).previous") }

    /// Puts back a site a killed build had moved aside.
    public func recover() {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: backup.path) {
            try? fm.moveItem(at: backup, to: output)
        }
        if fm.fileExists(atPath: backup.path) { try? fm.removeItem(at: backup) }
    }

    /// Writes `files` and `deferred` (made as they are written) as the whole new site.
    public func write(_ files: [OutputFile], deferred: [DeferredFile] = []) -> [Diagnostic] {
        write(files, deferred: deferred, known: [:]).diagnostics
    }

    /// As `write(_:deferred:)`, given what the last build recorded of the files it published:
    /// path → SHA-256 of a file written from bytes (`hashes`, which this returns for the next
    /// build). A file whose bytes have the recorded hash is linked to the published one without
    /// reading it, as the build cache does with unchanged pages.
    public func write(_ files: [OutputFile], deferred: [DeferredFile] = [], known: [String: ContentHash])
        -> (diagnostics: [Diagnostic], hashes: [String: ContentHash]) {
        let fm = FileManager.default
        recover()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            return ([failure(.cannotCreateFolder(path: parent.path, reason: OutputError.reason(error)))], [:])
        }
        var seen: Set<String> = []
        var clashes: [Diagnostic] = []
        for path in files.map(\.path) + deferred.map(\.path) {
            guard Self.isSafe(path) else {
                return ([.error(.outputPathUnsafe(path: path), file: "", code: .output)], [:])
            }
            if !seen.insert(path).inserted {
                // Every clash at once: an import with four of them should not take four builds to see.
                clashes.append(.error(.outputPathClash(path: path), file: "", code: .output))
            }
        }
        if !clashes.isEmpty { return (clashes, [:]) }
        // No published site yet (a first or clean build): nothing to compare each file with.
        var isFolder: ObjCBool = false
        let live = fm.fileExists(atPath: output.path, isDirectory: &isFolder) && isFolder.boolValue ? output : nil
        let (problem, hashes) = StagingFolder(url: staging, live: live).reconcile(with: files, deferred: deferred, known: known)
        if let problem { return ([problem], [:]) }
        return (swapIn().map { [$0] } ?? [], hashes)
    }

    /// Exchanges the folders in one step where the kernel can (renameat2); otherwise moves the old
    /// site aside first, and `recover()` puts it back if the process dies between the two moves.
    /// Either way the previous site ends up as the next build's staging folder.
    private func swapIn() -> Diagnostic? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            do { try fm.moveItem(at: staging, to: output) } catch {
                return failure(.cannotMoveSite(to: output.path, reason: OutputError.reason(error)))
            }
            return nil
        }
        if Self.exchange(staging.path, output.path) { return nil }
        do { try fm.moveItem(at: output, to: backup) } catch {
            return failure(.cannotReplace(path: output.path, reason: OutputError.reason(error)))
        }
        do { try fm.moveItem(at: staging, to: output) } catch {
            try? fm.moveItem(at: backup, to: output)
            return failure(.cannotMoveSite(to: output.path, reason: OutputError.reason(error)))
        }
        try? fm.moveItem(at: backup, to: staging)
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

    /// Relative, no `..`, no empty components: nothing lands outside the output.
    /// On UTF-8 bytes: asked of every file of every build, and Foundation's substring search and
    /// splitting into Characters took longer than the checks need.
    package static func isSafe(_ path: String) -> Bool {
        let utf8 = path.utf8
        guard !utf8.isEmpty, utf8.first != UInt8(ascii: "/"),
              !utf8.contains(0), !utf8.contains(UInt8(ascii: "\\")) else { return false }
        return utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && !$0.elementsEqual(".".utf8) && !$0.elementsEqual("..".utf8)
        }
    }

    private func failure(_ message: DiagnosticMessage) -> Diagnostic {
        .error(message, file: "", code: .output)
    }
}
