/// What one front-matter field of a content type must look like.
public struct FieldSchema: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case string, text, int, number, bool, date, list, map, ref
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    /// Allowed values (for `string`, and for the items of a `list`).
    public var values: [String]
    /// For `ref` and lists of refs: the content type the referenced page must have.
    public var refType: String?
    /// For `list`: the kind of its items (`string` by default, or `ref`).
    public var itemKind: Kind
    /// How the field is named on the page (`Ситуация`); the field name when absent.
    public var label: String
    /// Display names of allowed values (`composite` → `Учебный кейс`).
    public var valueLabels: [String: String]
    /// Icon names of allowed values (`icons:`), files in templates/icons/ without `.svg`.
    public var valueIcons: [String: String] = [:]
    /// Line of `icons:` in almanac.yml, for a diagnostic about a missing icon file.
    public var valueIconsLine = 0
    /// Length limits of allowed values, in characters (`Telegram: 4096`): the reply tool counts a
    /// variant for that channel against it. Only limits the platform itself sets belong here.
    public var valueLimits: [String: Int] = [:]
    /// For `list`: the fewest items a page must give (`min_items: 8`), 0 for no minimum.
    public var minItems: Int = 0
    /// What the search does with the field's values (`search:` in almanac.yml), nil for nothing.
    public var search: SearchRole?

    /// How a field's values reach the search index.
    public enum SearchRole: String, Sendable, Hashable, CaseIterable {
        /// How readers describe the page (`asked_as`): a strong field of its own.
        case phrasings
        /// Indexed like the description, and shown beside the result's title (a reply's situation).
        case label
        /// Indexed like the description.
        case meta
        /// The page's channels: a query that names one prefers the pages that have it.
        case channels
    }

    public init(name: String, kind: Kind, required: Bool = false, values: [String] = [],
                refType: String? = nil, itemKind: Kind = .string, label: String? = nil,
                valueLabels: [String: String] = [:]) {
        self.name = name
        self.kind = kind
        self.required = required
        self.values = values
        self.refType = refType
        self.itemKind = itemKind
        self.label = label ?? name
        self.valueLabels = valueLabels
    }

    public func display(_ value: String) -> String { valueLabels[value] ?? value }
}

/// A content type: which folder holds it, which layout shows it, what its front matter must contain.
public struct ContentType: Sendable, Hashable {
    public var id: String
    /// Folder under content/ whose pages have this type by default (`replies`).
    public var folder: String?
    /// Human name, plural, for listings and filters (`Шаблоны ответов`).
    public var title: String
    /// Human name of one item (`Шаблон ответа`).
    public var singular: String
    public var layout: String
    public var fields: [FieldSchema]
    /// Fields a listing of this type can be filtered by, in order.
    public var filters: [String]
    /// Fields shown in the page's facts box, in order.
    public var facts: [String] = []

    public init(id: String, folder: String?, title: String, singular: String, layout: String, fields: [FieldSchema],
                filters: [String] = []) {
        self.id = id
        self.folder = folder
        self.title = title
        self.singular = singular
        self.layout = layout
        self.fields = fields
        self.filters = filters
    }

    public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }

    public static let article = ContentType(
        id: "article", folder: nil, title: "Статьи", singular: "Статья", layout: "article", fields: [])
}
