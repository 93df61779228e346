import Foundation
@testable import Almanac

/// Small sites under Tests/AlmanacTests/Fixtures, built into fresh temporary folders.
enum Fixtures {
    static let root = SharedMaterial.repositoryRoot.appendingPathComponent("Tests/AlmanacTests/Fixtures")

    static func site(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// A new folder under the system's temporary folder, removed when the test process exits: a
    /// full run makes thousands, and a CI machine's disk should not fill with them.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = removeAtExit
        made.withLock { $0.append(url) }
        return url
    }

    private static let made = Locked<[URL]>([])
    private static let removeAtExit: Void = {
        atexit {
            for url in Fixtures.made.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
        }
    }()

    static func build(_ name: String, offline: Bool = false, output: URL? = nil) -> (BuildResult, URL) {
        let out = output ?? temporaryDirectory().appendingPathComponent("public")
        let result = Build.run(BuildOptions(siteDirectory: site(name), output: out, offline: offline))
        return (result, out)
    }

    /// A throwaway site folder with the given files (path → text) and the default theme linked in.
    static func makeSite(_ files: [String: String], config: String = "title: Тест\nlanguage: ru\n") -> URL {
        let dir = temporaryDirectory()
        let fm = FileManager.default
        try? config.write(to: dir.appendingPathComponent("almanac.yml"), atomically: true, encoding: .utf8)
        try? fm.createSymbolicLink(at: dir.appendingPathComponent("templates"),
                                   withDestinationURL: SharedMaterial.repositoryRoot.appendingPathComponent("templates"))
        for (path, text) in files {
            let url = dir.appendingPathComponent("content").appendingPathComponent(path)
            try? fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
        }
        try? fm.createDirectory(at: dir.appendingPathComponent("content"), withIntermediateDirectories: true)
        return dir
    }

    static func files(in dir: URL) -> [String] {
        let prefix = dir.standardizedFileURL.path + "/"
        let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        var out: [String] = []
        while let url = walker?.nextObject() as? URL {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
            }
        }
        return out.sorted()
    }

    static func read(_ dir: URL, _ path: String) -> String {
        (try? String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }
}
