/// What other pages show of a page: its title and description in listings, sidebars, backlinks
/// and neighbours; its front matter in typed listings, tags and references; its place in the
/// navigation. When an edit leaves the face as it was, only the page itself (and the pages whose
/// backlinks it adds or drops) has to be rendered again.
struct PageFace: Equatable {
    var title: String
    var description: String
    var tags: [String]
    var weight: Int
    var date: String?
    /// Keys and values in order; lines do not show anywhere but in diagnostics.
    var frontMatter: [String]
    var frontMatterValues: [MetaValue]

    init(_ page: Page) {
        title = page.title
        description = page.description
        tags = page.tags
        weight = page.weight
        date = page.date
        frontMatter = page.source.frontMatter.map(\.key)
        frontMatterValues = page.source.frontMatter.map(\.value)
    }
}
