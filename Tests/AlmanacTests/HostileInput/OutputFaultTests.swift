@testable import AlmanacCorpus
import Foundation
import Testing

/// The real `almanac build` under faults: killed at random moments, out of disk space, with an
/// output it may not write. Each time the previous public/ stays byte for byte as it was, the
/// error names the path, and the next build succeeds.
@Suite(.serialized) struct OutputFaultTests {
    static let executable = CommandLineTests.executable

    /// Every file of a folder and its bytes.
    static func snapshot(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for file in Fixtures.files(in: dir) { out[file] = try Data(contentsOf: dir.appendingPathComponent(file)) }
        return out
    }

    static func process(_ arguments: [String], shell: String? = nil) -> Process {
        let process = Process()
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell + "; exec \"$@\"", "sh", executable!.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = Pipe()
        return process
    }

    static func run(_ arguments: [String], shell: String? = nil) throws -> (status: Int32, stderr: String) {
        let p = process(arguments, shell: shell)
        try p.run()
        let data = (p.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A site big enough that writing takes a while: 600 generated pages, and a second version of
    /// it whose pages all differ, so that every build rewrites every page.
    static func makeSite() throws -> (site: URL, variant: (Int) throws -> Void) {
        let site = Fixtures.temporaryDirectory().appendingPathComponent("site")
        _ = try CorpusGenerator(options: CorpusOptions(pages: 600, seed: 11)).write(to: site, jobs: 2)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("templates"),
                                                   withDestinationURL: SharedMaterial.repositoryRoot.appendingPathComponent("templates"))
        let pages = Fixtures.files(in: site.appendingPathComponent("content")).filter { $0.hasSuffix(".md") }
        let originals = try pages.map { try String(contentsOf: site.appendingPathComponent("content/" + $0), encoding: .utf8) }
        func variant(_ n: Int) throws {
            for (path, text) in zip(pages, originals) {
                try (text + "\n\nВерсия \(n).\n").write(to: site.appendingPathComponent("content/" + path), atomically: false, encoding: .utf8)
            }
        }
        return (site, variant)
    }

    /// When a file was last written, to the nanosecond; nil while it does not exist.
    static func modified(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
    }

    /// Starts a build and waits until it starts writing: the first page's file in the staging
    /// folder changes. Returns the process and the seconds that took (nil if it ended first).
    static func buildUntilWriting(_ site: URL, watching page: String) throws -> (Process, Double?) {
        let staged = site.appendingPathComponent(".public.staging/" + page).path
        let before = modified(staged)
        let p = process(["build", site.path, "--quiet"])
        let started = Date()
        try p.run()
        while p.isRunning {
            if modified(staged) != before { return (p, Date().timeIntervalSince(started)) }
            usleep(2_000)
        }
        return (p, nil)
    }

    @Test(.enabled(if: executable != nil, "the almanac executable is not built"), .timeLimit(.minutes(10)))
    func killedBuildsLeaveThePreviousSiteByteIntact() throws {
        let (site, variant) = try Self.makeSite()
        let output = site.appendingPathComponent("public")
        let staging = site.appendingPathComponent(".public.staging")
        // How long writing takes: from the first page file written to the end of the process.
        var writing: [Double] = []
        for n in 0..<2 {
            try variant(n)
            let started = Date()
            let (p, writeStart) = try Self.buildUntilWriting(site, watching: "section-01/page-00001/index.html")
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            if let writeStart { writing.append(Date().timeIntervalSince(started) - writeStart) }
        }
        #expect(FileManager.default.fileExists(atPath: staging.appendingPathComponent("section-01/page-00001/index.html").path),
                "the watched page must exist, or the kills below would not aim at writing")
        // Kills are drawn from the measured writing time; one that comes too late (the build had
        // already finished) narrows the window, so most land while files are being written even
        // when the machine's load changes how long that takes.
        var window = max(writing.max() ?? 0.5, 0.05)
        var previous = try Self.snapshot(output)
        var random = SplitMix64(seed: 20_260_325)
        var killedWhileWriting = 0
        var attempts = 0
        while killedWhileWriting < 6, attempts < 14 {
            attempts += 1
            // A new version every time, so that every page differs from public/ and from the staging folder.
            try variant(attempts + 1)
            let (p, writeStart) = try Self.buildUntilWriting(site, watching: "section-01/page-00001/index.html")
            let delay = window * random.unit()
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = p.isRunning
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try Self.snapshot(output)
            if wasRunning, writeStart != nil {
                killedWhileWriting += 1
                if now != previous {
                    // Only possible between the swap and the exit: then public/ must be the new site, whole.
                    let check = Fixtures.temporaryDirectory().appendingPathComponent("public")
                    #expect(try Self.run(["build", site.path, "--output", check.path, "--quiet"]).status == 0)
                    #expect(now == (try Self.snapshot(check)), "attempt \(attempts): public/ is a mix of two builds")
                }
            } else {
                #expect(!wasRunning && p.terminationStatus == 0, "attempt \(attempts): the build ended on its own and must have succeeded")
                window *= 0.6
            }
            previous = now
        }
        #expect(killedWhileWriting == 6, "only \(killedWhileWriting) of \(attempts) kills landed while writing")
        // The next build after all that succeeds and leaves exactly its own files.
        try variant(100)
        let (status, stderr) = try Self.run(["build", site.path, "--quiet"])
        #expect(status == 0, "\(stderr)")
        let check = Fixtures.temporaryDirectory().appendingPathComponent("public")
        #expect(try Self.run(["build", site.path, "--output", check.path, "--quiet"]).status == 0)
        #expect(try Self.snapshot(output) == (try Self.snapshot(check)))
    }

    @Test(.enabled(if: executable != nil, "the almanac executable is not built"))
    func aFullDiskIsAClearErrorAndThePreviousSiteStays() throws {
        let site = HostileSite(text: ["_index.md": "---\ntitle: Дом\n---\n" + String(repeating: "Текст страницы. ", count: 4000)])
        let (ok, _) = try Self.run(["build", site.directory.path, "--quiet"])
        #expect(ok == 0)
        let before = try Self.snapshot(site.output)
        site.write("_index.md", Data(("---\ntitle: Дом 2\n---\n" + String(repeating: "Другой текст. ", count: 6000)).utf8))
        // RLIMIT_FSIZE stands in for a full disk: writes past 32 KiB fail with EFBIG (SIGXFSZ ignored,
        // as a process writing to a full disk would see ENOSPC rather than a signal).
        let (status, stderr) = try Self.run(["build", site.directory.path], shell: "trap '' XFSZ; ulimit -f 64")
        #expect(status == 1, "\(stderr)")
        #expect(stderr.contains("error: не удалось записать файл " + site.directory.path + "/.public.staging/"), "\(stderr)")
        #expect(stderr.contains("File too large"), "\(stderr)")
        #expect(try Self.snapshot(site.output) == before)
        let (again, _) = try Self.run(["build", site.directory.path, "--quiet"])
        #expect(again == 0)
        #expect(try Self.snapshot(site.output) != before)
    }

    @Test(.enabled(if: executable != nil, "the almanac executable is not built"))
    func anUnwritableOutputIsAClearErrorNamingIt() throws {
        let site = HostileSite(text: ["_index.md": "---\ntitle: Дом\n---\nТекст\n"])
        // A regular file where the output's parent folder should be: no one, root included, can write there.
        let blocker = site.directory.appendingPathComponent("blocker")
        try Data("file".utf8).write(to: blocker)
        let output = blocker.appendingPathComponent("public")
        let (status, stderr) = try Self.run(["build", site.directory.path, "--output", output.path])
        #expect(status == 1, "\(stderr)")
        #expect(stderr.contains(blocker.path), "\(stderr)")
        #expect(stderr.contains("error:"))
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "file")
    }

    @Test(.enabled(if: executable != nil && getuid() != 0, "needs the executable and a user that permissions apply to"))
    func aReadOnlyParentKeepsThePreviousSite() throws {
        let site = HostileSite(text: ["_index.md": "---\ntitle: Дом\n---\nТекст\n"])
        let parent = Fixtures.temporaryDirectory().appendingPathComponent("ro")
        let output = parent.appendingPathComponent("public")
        #expect(try Self.run(["build", site.directory.path, "--output", output.path, "--quiet"]).status == 0)
        let before = try Self.snapshot(output)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path) }
        site.write("_index.md", Data("---\ntitle: Другой\n---\nТекст\n".utf8))
        let (status, stderr) = try Self.run(["build", site.directory.path, "--output", output.path])
        #expect(status == 1)
        #expect(stderr.contains(parent.path), "\(stderr)")
        #expect(try Self.snapshot(output) == before)
    }
}

/// The corpus generator's seeded generator, so that a failing kill schedule can be replayed.
extension SplitMix64 {
    /// In [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
