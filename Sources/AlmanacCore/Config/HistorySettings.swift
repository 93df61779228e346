/// `history:` in almanac.yml: which commits readers see in «Что нового» and «История изменений».
///
/// ```yaml
/// history:
///   readers_since: 2026-12-07   # commits before this day were written for developers
/// ```
///
/// Readers see only commits that changed their pages (content/ outside the authors' area) and,
/// with `readers_since`, only those committed on that day or later: a base imported with
/// English engine messages starts its readers' history clean. «Last updated» dates and the
/// approval checks still read the whole history.
public struct HistorySettings: Sendable, Hashable {
    /// The first committer day shown to readers; nil shows every commit.
    public var readersSince: IsoDate?

    public init(readersSince: IsoDate? = nil) {
        self.readersSince = readersSince
    }

    /// Whether a commit's message may be shown to readers.
    public func showsReaders(_ commit: SiteHistory.Commit) -> Bool {
        guard let since = readersSince else { return true }
        guard let date = IsoDate(commit.date) else { return false }
        return !(date < since)
    }
}

extension ConfigReader {
    package mutating func readHistory(_ entry: MetaEntry) -> HistorySettings {
        var history = HistorySettings()
        guard let entries = mapEntries(entry, like: "{readers_since: 2026-12-07}") else { return history }
        for e in entries {
            switch e.key {
            case "readers_since":
                guard let text = e.value.string, text.count == 10, let date = IsoDate(text) else {
                    diagnostics.append(.error(.readersSinceDate, file: ConfigLoader.fileName,
                                              line: e.line, code: .config))
                    continue
                }
                history.readersSince = date
            default:
                diagnostics.append(.error(.configUnknownKey(place: "history", key: e.key), file: ConfigLoader.fileName, line: e.line,
                                          code: .config, hint: .historyKeys))
            }
        }
        return history
    }
}
