import Foundation

/// `../shared/` beside the checkout holds test data we may not copy into the repo.
/// Tests that need it are disabled, with this reason, where it is absent.
enum SharedMaterial {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let directory = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func file(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    static func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: file(relative).path)
    }
}
