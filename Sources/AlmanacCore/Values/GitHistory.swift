import Foundation

/// What git knows about the files under `content/`, read with one `git log` over the whole
/// history and parsed once. A process per page would cost seconds on a large site.
///
/// Outside a checkout, without git, or in a checkout without commits the answer is
/// `SiteHistory.unavailable` and pages fall back to their front matter. Commit dates and subjects
/// depend only on the history, so two builds of one commit agree; uncommitted edits do not count
/// until they are committed.
public enum GitHistory {
    /// The commit the site's checkout stands on, or nil outside git: the history a build reads
    /// changes only with it.
    public static func head(siteDirectory: URL) -> String? {
        git(["rev-parse", "HEAD"], in: siteDirectory).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func read(siteDirectory: URL) -> SiteHistory {
        // --relative: paths relative to the site folder, which need not be the repository's root.
        // core.quotePath=false keeps Cyrillic file names as they are instead of octal escapes.
        // --name-status tells a file's creation (A) from an edit (M): a page imported already
        // approved has not been edited after its approval.
        guard let data = git(["-c", "core.quotePath=false", "log", "--format=%x00%cs%x00%s", "--name-status",
                              "--no-renames", "--relative", "--", "content"], in: siteDirectory) else { return .unavailable }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// git's output, or nil when git is missing, the folder is not a checkout, or the command fails.
    private static func git(_ arguments: [String], in siteDirectory: URL) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", siteDirectory.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[key] = nil }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// `\0DATE\0SUBJECT` starts a commit, the `STATUS\tPATH` lines after it name its files; the
    /// log runs newest first.
    package static func parse(_ log: String) -> SiteHistory {
        var commits: [SiteHistory.Commit] = []
        var current: Int?
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\0" {
                let parts = line.dropFirst().split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
                let date = parts.first.map(String.init) ?? ""
                guard IsoDate(date) != nil else { current = nil; continue }
                commits.append(.init(date: date, subject: parts.count > 1 ? String(parts[1]) : "", files: []))
                current = commits.count - 1
            } else if let i = current, let tab = line.firstIndex(of: "\t") {
                let status = line[..<tab]
                // Deleted files are no page any more; what remains is a creation or an edit.
                guard status != "D" else { continue }
                commits[i].files.append(.init(path: String(line[line.index(after: tab)...]), created: status == "A"))
            }
        }
        return SiteHistory(commits: commits)
    }
}

/// The commits that touched `content/`, newest first, and for each file the commits that touched it.
public struct SiteHistory: Sendable {
    public struct Commit: Sendable, Hashable {
        /// Committer date, `YYYY-MM-DD`.
        public var date: String
        /// First line of the commit message.
        public var subject: String
        public var files: [File]
    }

    public struct File: Sendable, Hashable {
        /// Relative to the site folder: `content/principles/speed.md`.
        public var path: String
        /// The commit added the file rather than edited it.
        public var created: Bool
    }

    /// Whether git answered: without it pages show no history and the «what's new» page says so.
    public var isAvailable: Bool
    public var commits: [Commit]
    /// Path → indices into `commits`, newest first.
    private var byPath: [String: [Int]]

    public static let unavailable = SiteHistory(isAvailable: false, commits: [], byPath: [:])

    package init(isAvailable: Bool, commits: [Commit], byPath: [String: [Int]]) {
        self.isAvailable = isAvailable
        self.commits = commits
        self.byPath = byPath
    }

    public init(commits: [Commit]) {
        var byPath: [String: [Int]] = [:]
        for (i, commit) in commits.enumerated() {
            for file in commit.files { byPath[file.path, default: []].append(i) }
        }
        self.init(isAvailable: true, commits: commits, byPath: byPath)
    }

    /// Date of the last commit that touched the file.
    public func lastChanged(_ path: String) -> String? {
        byPath[path]?.first.map { commits[$0].date }
    }

    /// The newest commits that touched the file, at most `limit`.
    public func recent(_ path: String, limit: Int) -> [Commit] {
        (byPath[path] ?? []).prefix(limit).map { commits[$0] }
    }

    /// The newest commits that touched the file and pass `include`, at most `limit`.
    public func recent(_ path: String, limit: Int, where include: (Commit) -> Bool) -> [Commit] {
        Array((byPath[path] ?? []).lazy.map { commits[$0] }.filter(include).prefix(limit))
    }

    /// The last commit that edited the file after it was created (its creation is not an edit).
    public func lastEdit(_ path: String) -> Commit? {
        for i in byPath[path] ?? [] {
            let commit = commits[i]
            if commit.files.contains(where: { $0.path == path && !$0.created }) { return commit }
        }
        return nil
    }
}
