import AlmanacCore

/// The pages a context linked to while it was built (`PageContext.link`): what one page shows of
/// the others, for the build cache, which renders a page again only when one of those changed.
package final class LinkRecorder: Sendable {
    private let ids = Locked<[String]>([])

    package init() {}

    package func note(_ id: String) { ids.withLock { $0.append(id) } }

    package var noted: [String] { ids.withLock { $0 } }
}

/// What each page rendered so far linked to, by page id (see `LinkRecorder`).
package final class LinkBook: Sendable {
    private let pages = Locked<[String: [String]]>([:])

    package init() {}

    package func record(_ id: String, _ linked: [String]) { pages.withLock { $0[id] = linked } }

    package subscript(id: String) -> [String]? { pages.withLock { $0[id] } }
}
