/// `home:` in almanac.yml: what the home page puts on its first screen for a reader in a hurry.
///
/// ```yaml
/// home:
///   situations: {type: reply, field: situation}   # «Что случилось?»: a tile per value of the field
///   checklist: first-hour.md                       # the page to open first, shown above the tiles
/// ```
///
/// Each tile shows the value's icon (`icons:` of the field), its name and how many pages of the
/// type have it, and leads to the type's listing filtered by it.
public struct HomeSettings: Sendable, Hashable {
    /// The content type whose field values become the tiles.
    public var situationType: String?
    /// A `string` field of that type with `values:`.
    public var situationField: String?
    /// Source path under content/ of the page to open first (`first-hour.md`).
    public var checklist: String?
    /// Line of `home:` in almanac.yml, for diagnostics about the pages it names.
    public var line: Int = 0

    public init(situationType: String? = nil, situationField: String? = nil, checklist: String? = nil) {
        self.situationType = situationType
        self.situationField = situationField
        self.checklist = checklist
    }

    /// The checklist's page id (`first-hour`), as links name pages.
    public var checklistId: String? {
        guard var path = checklist?.trimmingCharacters(in: .init(charactersIn: "/")), !path.isEmpty else { return nil }
        if path.hasSuffix(".md") { path.removeLast(3) }
        if path == "_index" { return "" }
        if path.hasSuffix("/_index") { path.removeLast("/_index".count) }
        return path
    }
}

extension ConfigReader {
    package mutating func readHome(_ entry: MetaEntry) -> HomeSettings {
        var home = HomeSettings()
        home.line = entry.line
        guard let entries = mapEntries(entry, like: "{situations: {type: reply, field: situation}}") else { return home }
        for e in entries {
            switch e.key {
            case "situations":
                guard let map = e.value.entries, let type = map["type"]?.value.string, let field = map["field"]?.value.string else {
                    diagnostics.append(.error(.homeSituationsShape, file: ConfigLoader.fileName, line: e.line,
                                              code: .config, hint: .homeSituationsExample))
                    continue
                }
                home.situationType = type
                home.situationField = field
            case "checklist":
                home.checklist = e.value.string
            default:
                diagnostics.append(.error(.configUnknownKey(place: "home", key: e.key), file: ConfigLoader.fileName, line: e.line,
                                          code: .config, hint: .homeKeys))
            }
        }
        return home
    }

    /// Run once the types are known: they may be declared after `home:`.
    package mutating func checkHome(_ config: SiteConfig) {
        guard let typeId = config.home.situationType, let fieldName = config.home.situationField else { return }
        guard let type = config.contentTypes.first(where: { $0.id == typeId }) else {
            diagnostics.append(.error(.homeSituationsType(type: typeId), file: ConfigLoader.fileName,
                                      line: config.home.line, code: .config,
                                      hint: .contentTypes(types: config.contentTypes.map(\.id))))
            return
        }
        guard let field = type.field(fieldName), !field.values.isEmpty else {
            diagnostics.append(.error(.homeSituationsField(type: typeId, field: fieldName),
                                      file: ConfigLoader.fileName, line: config.home.line, code: .config))
            return
        }
    }
}
