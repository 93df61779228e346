/// What other pages show of a page: its title and description in listings, sidebars, backlinks
/// and neighbours; its front matter in typed listings, tags and references; its place in the
/// navigation. When an edit leaves the face as it was, only the page itself (and the pages whose
/// backlinks it adds or drops) has to be rendered again.
package struct PageFace: Equatable {
    package var title: String
    package var description: String
    package var tags: [String]
    package var weight: Int
    package var date: String?
    /// Keys and values in order; lines do not show anywhere but in diagnostics.
    package var frontMatter: [String]
    package var frontMatterValues: [MetaValue]

    package init(_ page: Page) {
        title = page.title
        description = page.description
        tags = page.tags
        weight = page.weight
        date = page.date
        frontMatter = page.source.frontMatter.map(\.key)
        frontMatterValues = page.source.frontMatter.map(\.value)
    }
}
