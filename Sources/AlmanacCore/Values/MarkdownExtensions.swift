/// GitHub's additions to CommonMark that a site can switch on and off (`markdown: extensions:`
/// in almanac.yml); all are on unless the site says otherwise.
public struct MarkdownExtensions: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let tables = MarkdownExtensions(rawValue: 1 << 0)
    public static let strikethrough = MarkdownExtensions(rawValue: 1 << 1)
    public static let taskLists = MarkdownExtensions(rawValue: 1 << 2)
    public static let autolinks = MarkdownExtensions(rawValue: 1 << 3)
    public static let footnotes = MarkdownExtensions(rawValue: 1 << 4)
    public static let callouts = MarkdownExtensions(rawValue: 1 << 5)
    /// `## Заголовок {#svoy-yakor}`: the writer fixes a heading's anchor.
    public static let headingIds = MarkdownExtensions(rawValue: 1 << 6)

    public static let all: MarkdownExtensions = [.tables, .strikethrough, .taskLists, .autolinks, .footnotes, .callouts, .headingIds]

    /// The names almanac.yml uses, in the order the docs list them.
    public static let names: [(name: String, value: MarkdownExtensions)] = [
        ("tables", .tables), ("strikethrough", .strikethrough), ("task_lists", .taskLists),
        ("autolinks", .autolinks), ("footnotes", .footnotes), ("callouts", .callouts), ("heading_ids", .headingIds),
    ]

    public static func named(_ name: String) -> MarkdownExtensions? {
        names.first { $0.name == name }?.value
    }
}
