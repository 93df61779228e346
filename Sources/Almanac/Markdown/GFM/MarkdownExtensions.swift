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

/// Words the extensions put on the page; the theme's UI strings supply them (`markdown.*`).
public struct ExtensionLabels: Sendable {
    /// Hidden heading of the footnotes section, for screen readers.
    public var footnotes = "Сноски"
    /// Accessible name of a back-reference; `{n}` is the reference's number (`1`, `1-2`).
    public var footnoteBack = "Вернуться к ссылке {n}"
    /// Accessible name of a table's scroll container.
    public var table = "Таблица"
    public var taskDone = "выполнено"
    public var taskOpen = "не выполнено"
    /// Callout titles by type (`note`, `tip`, `important`, `warning`, `caution`).
    public var callouts: [String: String] = [
        "note": "Примечание", "tip": "Совет", "important": "Важно", "warning": "Внимание", "caution": "Осторожно",
    ]

    public init() {}

    /// GitHub's own English words: with them the footnote markup is byte for byte cmark-gfm's.
    public static let github: ExtensionLabels = {
        var labels = ExtensionLabels()
        labels.footnotes = "Footnotes"
        labels.footnoteBack = "Back to reference {n}"
        labels.table = "Table"
        labels.taskDone = "done"
        labels.taskOpen = "not done"
        labels.callouts = ["note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"]
        return labels
    }()

    /// Takes whatever the theme's strings define, keeping the defaults for the rest.
    public init(strings: [String: String]) {
        if let s = strings["markdown.footnotes"] { footnotes = s }
        if let s = strings["markdown.footnote_back"] { footnoteBack = s }
        if let s = strings["markdown.table"] { table = s }
        if let s = strings["markdown.task_done"] { taskDone = s }
        if let s = strings["markdown.task_open"] { taskOpen = s }
        for type in Callouts.types {
            if let s = strings["markdown.callout.\(type)"] { callouts[type] = s }
        }
    }
}
