import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// Two pages with one title look the same in the sidebar, in search results and in a browser
/// tab, and readers cannot tell which one they want.
package enum DuplicateTitles {
    package static func check(_ pages: [Page]) -> [Diagnostic] {
        var first: [String: Page] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages {
            let key = SiteLint.fold(page.title)
            guard !key.isEmpty else { continue }
            guard let earlier = first[key] else {
                first[key] = page
                continue
            }
            diagnostics.append(.warning(
                .duplicateTitle(title: page.title, earlier: earlier.source.sourcePath),
                file: page.source.sourcePath, line: titleLine(page), code: .duplicateTitle, hint: .titlesAlike))
        }
        return diagnostics
    }

    /// The `title:` line, or the `# ` heading the title came from, or the top of the file.
    package static func titleLine(_ page: Page) -> Int {
        if page.source.frontMatter["title"] != nil { return page.source.metaLine("title") }
        if let h1 = page.rendered.headings.first(where: { $0.level == 1 }), page.rendered.leadingTitle != nil { return h1.line }
        return 1
    }
}
