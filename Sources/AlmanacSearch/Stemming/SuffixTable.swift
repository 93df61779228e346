import AlmanacCore
/// Snowball's `among` for word endings, over UTF-16 code units.
///
/// The stemmers work on `[UInt16]` rather than `String` because the indexer stems millions of
/// tokens and Character-level indexing is far too slow for that; UTF-16 in particular because
/// the browser's JavaScript stemmers see the same units, so both sides agree on any input.
package struct SuffixTable<Action: Sendable>: Sendable {
    private struct Entry: Sendable {
        let units: [UInt16]
        let action: Action
    }

    /// Longest first: Snowball takes the longest listed suffix, and two different suffixes of
    /// one length cannot both end a word, so the first hit in this order is the one it takes.
    private let entries: [Entry]

    /// Each action with the suffixes that trigger it, laid out like the `among` in the `.sbl` source.
    package init(_ groups: KeyValuePairs<Action, [String]>) {
        entries = groups
            .flatMap { group in group.value.map { Entry(units: Array($0.utf16), action: group.key) } }
            .sorted { $0.units.count > $1.units.count }
    }

    /// The longest listed suffix of `word[..<end]` starting no earlier than `limit`, with where it starts.
    ///
    /// Like Snowball, this commits to that one suffix: when its action's condition fails the
    /// caller must not fall back to a shorter one.
    package func longestMatch(in word: [UInt16], end: Int, limit: Int) -> (start: Int, action: Action)? {
        for entry in entries {
            let start = end - entry.units.count
            guard start >= limit else { continue }
            // Compare from the last unit: endings differ there most often, so misses are cheap.
            var i = entry.units.count - 1
            while i >= 0 && word[start + i] == entry.units[i] { i -= 1 }
            if i < 0 { return (start, entry.action) }
        }
        return nil
    }
}
