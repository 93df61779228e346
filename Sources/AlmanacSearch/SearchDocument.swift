import AlmanacCore
import AlmanacMarkdown
/// What the search indexer knows of one page: plain values, no HTML, no site graph.
public struct SearchDocument: Sendable, Hashable {
    /// URL relative to the site root, as links in the built site name it
    /// (`replies/delivery-delay/`, or `replies/delivery-delay/index.html` offline).
    public var url: String
    public var title: String
    public var description: String
    /// Content type id: `reply`, `principle`, `case`, `article`.
    public var type: String
    /// Id of the section the page belongs to (`replies`), `""` for top-level pages.
    public var section: String
    /// Human title of that section (`Шаблоны ответов`).
    public var sectionTitle: String
    public var tags: [String]
    /// Governance status (`согласовано`, …) when the page has one.
    public var status: String?
    /// The page's text cut at its headings; the first entry holds the text before
    /// the first heading and has an empty anchor.
    public var sections: [SearchSection]
    /// `RenderedPage.sectionsHash` of the sections these were made from, when the document was
    /// made from a rendered page: the search memo's key takes it instead of hashing the text.
    public var renderedSections: ContentHash?
    /// How readers describe the page in their own words (fields with `search: phrasings`).
    public var phrasings: [String] = []
    /// Values indexed like the description (fields with `search: meta` or `search: label`).
    public var metaValues: [String] = []
    /// Shown beside the title in results (a reply's situation), empty if none.
    public var label: String = ""
    /// The channels the page serves (a field with `search: channels`), for the channel preference.
    public var channels: [String] = []
    /// A page of the writers' own documentation: out of the readers' default search scope.
    public var authors = false

    public init(
        url: String, title: String, description: String, type: String, section: String,
        sectionTitle: String, tags: [String], status: String?, sections: [SearchSection]
    ) {
        self.url = url
        self.title = title
        self.description = description
        self.type = type
        self.section = section
        self.sectionTitle = sectionTitle
        self.tags = tags
        self.status = status
        self.sections = sections
    }
}
