import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The `make dist` tarball on a machine without the toolchain: unpacked into a temporary folder and
/// run with a clean environment and PATH. A static release build takes minutes, so the tests run
/// only when a tarball exists: `ALMANAC_DIST_TARBALL=path`, or the newest dist/almanac-*.tar.gz.
///
/// "Runs with only libcmark installed" is checked twice: the binary's NEEDED entries (what the
/// dynamic loader must find before `main`), and every library the loader actually opens while
/// `init`, `build` and `serve` run (`LD_DEBUG=files`, which also sees `dlopen`).
@Suite struct DistTarballTests {
    static let tarball: URL? = {
        if let path = ProcessInfo.processInfo.environment["ALMANAC_DIST_TARBALL"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let dist = SharedMaterial.repositoryRoot.appendingPathComponent("dist")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dist.path)) ?? [])
            .filter { $0.hasPrefix("almanac-") && $0.hasSuffix(".tar.gz") }
        let newest = names.max { a, b in modified(dist.appendingPathComponent(a)) < modified(dist.appendingPathComponent(b)) }
        return newest.map { dist.appendingPathComponent($0) }
    }()

    /// The libraries the binary may ask for: libcmark (Debian: libcmark0.30.2, the one package to
    /// install), glibc's (libc, libm, libdl, libpthread, librt, libutil, the loader), libstdc++ and
    /// libgcc_s (apt depends on them) and zlib (dpkg pre-depends on it). Not libdeflate (linked in
    /// statically), not libcurl (opened only if URLSession is ever called; Almanac never calls it),
    /// nothing from the Swift toolchain. scripts/dist/check-needed.sh holds the same list.
    static let baseSystem: Set<String> = [
        "libz.so.1", "libstdc++.so.6", "libgcc_s.so.1",
        "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
        "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
    ]

    static func allowed(_ library: String) -> Bool {
        baseSystem.contains(library) || library.hasPrefix("libcmark.so.")
    }

    static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// The clean environment of a machine without the toolchain: no inherited PATH (so no `swift`
    /// from /opt or ~), no LD_LIBRARY_PATH, and the loader's trace of every library it opens
    /// written to `trace.PID`.
    static func cleanEnvironment(trace: URL) -> [String] {
        ["-i", "PATH=/usr/bin:/bin", "LD_LIBRARY_PATH=", "LD_DEBUG=files", "LD_DEBUG_OUTPUT=\(trace.path)"]
    }

    @discardableResult
    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try TestProcess.run(URL(fileURLWithPath: executable), arguments, environment: [:], reading: .both)
    }

    /// The tarball unpacked into a fresh folder: (that folder, bin/almanac).
    func unpack() throws -> (folder: URL, binary: String) {
        let tarball = try #require(Self.tarball)
        let folder = Fixtures.temporaryDirectory()
        let untar = try run("/bin/tar", ["-xzf", tarball.path, "-C", folder.path])
        #expect(untar.status == 0, "\(untar.output)")
        let top = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        return (folder, folder.appendingPathComponent(top).appendingPathComponent("bin/almanac").path)
    }

    /// Every library the loader opened for `binary` in the traced runs under `folder` (the
    /// `file=NAME` lines of LD_DEBUG=files, one trace file per process), by file name. Traces of
    /// other processes (/bin/sh, and git, which `build` asks for the page history) are left out.
    func librariesOpened(by binary: String, tracesIn folder: URL) throws -> Set<String> {
        var names = Set<String>()
        var traced = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasPrefix("trace.") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            guard text.contains("needed by \(binary) ") else { continue }
            traced += 1
            for line in text.split(separator: "\n") {
                guard let start = line.range(of: "file=") else { continue }
                let name = line[start.upperBound...].prefix { $0 != " " && $0 != "\t" }
                names.insert(URL(fileURLWithPath: String(name)).lastPathComponent)
            }
        }
        #expect(traced > 0, "no loader trace of \(binary) in \(folder.path)")
        return names
    }

    @Test(.enabled(if: tarball != nil, "no dist tarball: run make dist or set ALMANAC_DIST_TARBALL"))
    func binaryNeedsOnlyLibcmarkAndTheBaseSystem() throws {
        let (_, binary) = try unpack()
        let dynamic = try run("/usr/bin/readelf", ["-d", binary])
        #expect(dynamic.status == 0, "\(dynamic.output)")
        let needed = dynamic.output.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(needed.contains { $0.hasPrefix("libcmark.so.") }, "\(needed)")
        #expect(needed.contains("libc.so.6"), "\(needed)")
        let extra = needed.filter { !Self.allowed($0) }
        #expect(extra.isEmpty, "NEEDED beyond libcmark and the base system: \(extra)")

        // And the loader finds all of them on this machine, none from the toolchain.
        let ldd = try run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "/usr/bin/ldd", binary])
        #expect(ldd.status == 0, "\(ldd.output)")
        #expect(!ldd.output.contains("not found"), "\(ldd.output)")
        #expect(!ldd.output.contains("libswift") && !ldd.output.contains("libFoundation"), "\(ldd.output)")
        #expect(!ldd.output.contains("libdeflate") && !ldd.output.contains("libcurl"), "\(ldd.output)")
    }

    @Test(.enabled(if: tarball != nil, "no dist tarball: run make dist or set ALMANAC_DIST_TARBALL"))
    func unpackedTarballInitsAndBuildsWithACleanPath() throws {
        let (folder, binary) = try unpack()
        let root = URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent()
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("share/almanac/templates/layouts/base.mustache").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("share/almanac/knowledge-base/almanac.yml").path))

        let traces = folder.appendingPathComponent("traces")
        try FileManager.default.createDirectory(at: traces, withIntermediateDirectories: true)
        let environment = Self.cleanEnvironment(trace: traces.appendingPathComponent("trace"))
        for (name, extra) in [("starter", [String]()), ("base", ["--with-knowledge-base"])] {
            let site = folder.appendingPathComponent(name).path
            let shell = "\(binary) init \(site) \(extra.joined(separator: " ")) && \(binary) build \(site) --quiet"
            let result = try run("/usr/bin/env", environment + ["/bin/sh", "-c", shell])
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(FileManager.default.fileExists(atPath: site + "/public/index.html"), "\(name)")
            // The search index is written by the same binary: Foundation, ICU and libdeflate work
            // without the toolchain (the compressed pieces are libdeflate's).
            #expect(FileManager.default.fileExists(atPath: site + "/public/search/meta.json"), "\(name)")
        }
        let opened = try librariesOpened(by: binary, tracesIn: traces)
        // The trace is real: libcmark is opened by every run of the binary.
        #expect(opened.contains { $0.hasPrefix("libcmark.so.") }, "\(opened.sorted())")
        let extra = opened.filter { !Self.allowed($0) }
        #expect(extra.isEmpty, "opened beyond libcmark and the base system: \(extra.sorted())")
    }

    /// The preview server is the part that drags FoundationNetworking in (FlyingFox's proxy
    /// handler): it must start, answer and stop without libcurl or anything else being opened.
    @Test(.enabled(if: tarball != nil, "no dist tarball: run make dist or set ALMANAC_DIST_TARBALL"))
    func unpackedServeAnswersWithoutLoadingMore() async throws {
        let (folder, binary) = try unpack()
        let site = folder.appendingPathComponent("site").path
        #expect(try run(binary, ["init", site]).status == 0)
        let traces = folder.appendingPathComponent("traces")
        try FileManager.default.createDirectory(at: traces, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = Self.cleanEnvironment(trace: traces.appendingPathComponent("trace"))
            + [binary, "serve", site, "--port", "0"]
        process.environment = [:]
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // A server that never says where it listens must not hang the suite.
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { if process.isRunning { process.terminate() } }

        // "Просмотр: http://127.0.0.1:PORT/  (остановить — Ctrl-C)" once it listens.
        var text = ""
        var address: URL?
        while address == nil {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(where: { $0 == " " || $0 == "\n" }) {
                address = URL(string: String(text[start.lowerBound..<end]))
            }
        }
        let url = try #require(address, "serve did not start: \(text)")
        let (body, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("<html"))

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let opened = try librariesOpened(by: binary, tracesIn: traces)
        #expect(opened.contains { $0.hasPrefix("libcmark.so.") }, "\(opened.sorted())")
        let extra = opened.filter { !Self.allowed($0) }
        #expect(extra.isEmpty, "opened beyond libcmark and the base system: \(extra.sorted())")
    }
}
