import AlmanacCore

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
