import Foundation
import Testing

/// The `make dist` tarball on a machine without the toolchain: unpacked into a temporary folder and
/// run with a clean environment and PATH. A static release build takes minutes, so the test runs
/// only when a tarball exists: `ALMANAC_DIST_TARBALL=path`, or the newest dist/almanac-*.tar.gz.
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

    static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    @discardableResult
    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try TestProcess.run(URL(fileURLWithPath: executable), arguments, environment: [:], reading: .both)
    }

    @Test(.enabled(if: tarball != nil, "no dist tarball: run make dist or set ALMANAC_DIST_TARBALL"))
    func unpackedTarballInitsAndBuildsWithACleanPath() throws {
        let tarball = try #require(Self.tarball)
        let folder = Fixtures.temporaryDirectory()
        #expect(try run("/bin/tar", ["-xzf", tarball.path, "-C", folder.path]).status == 0)
        let top = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let root = folder.appendingPathComponent(top)
        let binary = root.appendingPathComponent("bin/almanac").path
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("share/almanac/templates/layouts/base.mustache").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("share/almanac/knowledge-base/almanac.yml").path))

        // No Swift runtime from the toolchain: only system libraries.
        let libraries = try run("/usr/bin/ldd", [binary]).output
        #expect(!libraries.contains("libswift") && !libraries.contains("libFoundation"), "\(libraries)")

        for (name, extra) in [("starter", [String]()), ("base", ["--with-knowledge-base"])] {
            let site = folder.appendingPathComponent(name).path
            let shell = "\(binary) init \(site) \(extra.joined(separator: " ")) && \(binary) build \(site) --quiet"
            let result = try run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "/bin/sh", "-c", shell])
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(FileManager.default.fileExists(atPath: site + "/public/index.html"), "\(name)")
            // The search index is written by the same binary: Foundation and ICU work without the toolchain.
            #expect(FileManager.default.fileExists(atPath: site + "/public/search/meta.json"), "\(name)")
        }
    }
}
