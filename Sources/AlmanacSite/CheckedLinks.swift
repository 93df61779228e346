import AlmanacCore

/// What checking one page's links found: its link problems and the pages it links to. Kept by
/// the build cache, so that a rebuild checks again only the pages whose Markdown changed.
///
/// A page's result follows from its rendered Markdown (which the memo key names: its body and,
/// through the Markdown memo's context, every page's path and address and the configuration)
/// and from the anchors every page offers (its headings and anchor aliases), which are the
/// memo's context (`anchorContext`): a heading added or reworded anywhere checks every page again.
public struct CheckedLinks: Sendable, CacheCodable {
    public var diagnostics: [Diagnostic]
    /// Ids of the pages linked to, sorted.
    public var linked: [String]

    public init(diagnostics: [Diagnostic], linked: [String]) {
        self.diagnostics = diagnostics
        self.linked = linked
    }

    public init(from reader: inout CacheReader) throws {
        diagnostics = try reader.readArray()
        linked = try reader.readStrings()
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(diagnostics)
        writer.write(linked)
    }

    /// The anchors of every page, and the Markdown memo's context: what a link check reads
    /// besides the page itself.
    static func anchorContext(_ pages: [Page], markdown: ContentHash) -> ContentHash {
        var hasher = ContentHasher()
        hasher.add("checked links 1")
        hasher.add(markdown)
        hasher.add(pages.count)
        for i in pages.indices {
            hasher.add(pages[i].id)
            hasher.add(pages[i].rendered.headings.count)
            for heading in pages[i].rendered.headings { hasher.add(heading.anchor) }
            let aliases = pages[i].anchorAliases.keys.sorted()
            hasher.add(aliases.count)
            for alias in aliases { hasher.add(alias) }
        }
        return hasher.finish()
    }
}

/// The link memo a build reads and the keys to look pages up by.
public struct LinkMemo: Sendable {
    /// The last build's results, if any.
    public var previous: StageMemo<CheckedLinks>?
    /// The Markdown memo's context.
    public var markdownContext: ContentHash
    /// Page id → what its rendered Markdown follows from (`Pipeline.Marked.keys`).
    public var keys: [String: ContentHash]

    public init(previous: StageMemo<CheckedLinks>?, markdownContext: ContentHash, keys: [String: ContentHash]) {
        self.previous = previous
        self.markdownContext = markdownContext
        self.keys = keys
    }
}
