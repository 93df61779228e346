import Foundation

/// When each file under `content/` last changed, read from git: one `git log` over the whole
/// history, parsed once. A process per page would cost seconds on a large site.
///
/// Outside a checkout, without git, or in a checkout without commits the answer is empty and
/// pages fall back to their front matter. Commit dates depend only on the history, so two builds
/// of one commit agree; uncommitted edits do not count until they are committed.
public enum GitHistory {
    /// Paths relative to the site folder (`content/principles/speed.md`) → committer date `YYYY-MM-DD`.
    public static func lastChanged(siteDirectory: URL) -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // --relative: paths relative to the site folder, which need not be the repository's root.
        // core.quotePath=false keeps Cyrillic file names as they are instead of octal escapes.
        process.arguments = ["git", "-C", siteDirectory.path, "-c", "core.quotePath=false", "log",
                             "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", "content"]
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[key] = nil }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// `\0DATE` starts a commit, the lines after it name its files; the log runs newest first,
    /// so a file's first appearance is its last change.
    static func parse(_ log: String) -> [String: String] {
        var dates: [String: String] = [:]
        var current: String?
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\0" {
                let date = String(line.dropFirst())
                current = IsoDate(date) != nil ? date : nil
            } else if let date = current, dates[String(line)] == nil {
                dates[String(line)] = date
            }
        }
        return dates
    }
}
