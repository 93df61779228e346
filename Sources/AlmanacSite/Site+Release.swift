import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
/// A build lets go of page text once the stages that read it are done, so that a 50,000-page
/// site does not carry its Markdown and its search text through rendering and writing.
extension Site {
    /// Empties each page's Markdown body: after the lint nothing reads it (`Build.run` only).
    package mutating func releaseSources() {
        for i in pages.indices { pages[i].source.body = "" }
    }

    /// Empties each page's plain text for search: after the index only the HTML is rendered.
    package mutating func releaseSearchText() {
        for i in pages.indices { pages[i].rendered.sections = [] }
    }
}
