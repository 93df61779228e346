/// almanac.yml, validated: everything the pipeline needs to know about the site.
public struct SiteConfig: Sendable {
    public enum LinkPolicy: String, Sendable { case error, warn }

    public var title: String
    public var description: String
    public var language: String
    /// Absolute URL the hosted site lives at, with a trailing slash; empty when unknown.
    public var baseURL: String
    /// Web editor address a page's content path is appended to (`edit_url:`, like MkDocs's
    /// `edit_uri`), with a trailing slash; empty: pages get no «Редактировать» link.
    public var editURL: String = ""
    public var links: LinkPolicy
    /// Raw HTML and unsafe URLs in Markdown pass through; only for trusted content.
    public var unsafeHTML: Bool
    public var smartPunctuation: Bool
    /// GitHub's Markdown extensions in use (`markdown: extensions:`); all by default.
    public var markdownExtensions: MarkdownExtensions = .all
    public var contentTypes: [ContentType]
    public var search: SearchSettings
    /// Extra top-level keys, handed to templates as `site.params`.
    public var params: [MetaEntry]
    /// What the printable playbook gathers (`playbook:`); empty: no playbook page.
    public var playbook: [PlaybookPart] = []
    /// Top-level folder of the writers' own documentation (`authors_area:`), kept out of the
    /// readers' navigation and default search scope; nil when the site has none.
    public var authorsArea: String?
    /// The home page's console (`home:`): situation tiles and the page to open first.
    public var home = HomeSettings()
    /// Which commits readers see (`history:`).
    public var history = HistorySettings()
    /// File names that make a folder's own page (`index_files:`), first found wins; the others in
    /// the same folder are ordinary pages. MkDocs writes `index.md`, GitHub and GitBook `README.md`.
    public var indexFiles: [String] = ["_index.md", "index.md", "README.md"]
    /// Diagnostic codes turned off in `lint:` (`orphan-page: off`); only warnings can be turned off.
    public var silencedCodes: Set<DiagnosticCode> = []

    public init(
        title: String = "Almanac", description: String = "", language: String = "ru", baseURL: String = "",
        links: LinkPolicy = .error, unsafeHTML: Bool = false, smartPunctuation: Bool = true,
        contentTypes: [ContentType] = [], search: SearchSettings = SearchSettings(), params: [MetaEntry] = []
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.links = links
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
        self.contentTypes = contentTypes
        self.search = search
        self.params = params
    }

    /// The declared type, or the built-in `article`.
    public func type(_ id: String) -> ContentType {
        contentTypes.first { $0.id == id } ?? .article
    }

    /// True for a page id (`docs/writing`, `docs`) inside the authors' area.
    public func isAuthorsPage(id: String) -> Bool {
        guard let area = authorsArea, !area.isEmpty else { return false }
        return id == area || id.hasPrefix(area + "/")
    }

    /// Which type a page in `folder` (its top-level section under content/) gets when it names none.
    public func typeId(forTopFolder folder: String) -> String {
        contentTypes.first { $0.folder == folder }?.id ?? ContentType.article.id
    }
}
