import Foundation

/// Runs git in a test's own temporary repository, with a fixed author and the commit date given,
/// so that history-dependent output is reproducible.
enum TestGit {
    /// Why a history test cannot run here, or nil when git works.
    static let missing: String? = {
        let dir = Fixtures.temporaryDirectory()
        return run(dir, ["init", "-q"]) == 0 ? nil : "git is not installed"
    }()

    @discardableResult
    static func run(_ dir: URL, _ args: [String], date: String = "2024-03-05T10:00:00Z") -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", dir.path, "-c", "user.name=T", "-c", "user.email=t@example.ru", "-c", "commit.gpgsign=false"] + args
        var environment = ProcessInfo.processInfo.environment.merging(["GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date]) { $1 }
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[key] = nil }
        p.environment = environment
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
