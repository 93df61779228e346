import AlmanacCore
import AlmanacSite

/// The site's rendered sidebars (see `SidebarBuilder`), each made the first time a page shows it.
/// A rebuild that links most pages from the last build's output renders only the sidebars of the
/// pages it renders again, and none when it renders no page.
package final class LazySidebars: Sendable {
    private let render: @Sendable (SidebarBuilder.Key) -> String
    private let made = Locked<[SidebarBuilder.Key: String]>([:])

    package init(render: @escaping @Sendable (SidebarBuilder.Key) -> String) {
        self.render = render
    }

    /// Sidebars already rendered (`BuildSession` keeps them between edits).
    package convenience init(_ sidebars: [SidebarBuilder.Key: String]) {
        self.init { sidebars[$0] ?? "" }
        made.withLock { $0 = sidebars }
    }

    /// Two pages asking for the same new sidebar at once may both render it, to the same text:
    /// cheaper than making every other page wait while one renders.
    package subscript(key: SidebarBuilder.Key) -> String {
        if let html = made.withLock({ $0[key] }) { return html }
        let html = render(key)
        made.withLock { $0[key] = html }
        return html
    }
}
