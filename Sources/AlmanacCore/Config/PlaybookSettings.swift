/// `playbook:` in almanac.yml: which content types the printable playbook (playbook/index.html)
/// gathers, in which order, and how each is sorted or grouped.
///
/// ```yaml
/// playbook:
///   - {type: principle, sort: order}       # principles by their number
///   - {type: reply, group: situation}      # reply templates grouped by situation
/// ```
public struct PlaybookPart: Sendable, Hashable {
    public var type: String
    /// An `int` (or any) field to sort by, ascending; pages without it keep navigation order, last.
    public var sort: String?
    /// A field whose values head the groups, in the order of its `values:` list.
    public var group: String?

    public init(type: String, sort: String? = nil, group: String? = nil) {
        self.type = type
        self.sort = sort
        self.group = group
    }
}

extension ConfigReader {
    package mutating func readPlaybook(_ entry: MetaEntry) -> [PlaybookPart] {
        guard let items = entry.value.list else {
            diagnostics.append(.error(.playbookShape,
                                      file: ConfigLoader.fileName, line: entry.line, code: .config))
            return []
        }
        var parts: [PlaybookPart] = []
        for item in items {
            guard let entries = item.entries, let type = entries["type"]?.value.string else {
                diagnostics.append(.error(.playbookPartWithoutType, file: ConfigLoader.fileName, line: entry.line,
                                          code: .config, hint: .playbookExample))
                continue
            }
            for e in entries where !["type", "sort", "group"].contains(e.key) {
                diagnostics.append(.error(.configUnknownKey(place: "playbook", key: e.key), file: ConfigLoader.fileName, line: e.line,
                                          code: .config, hint: .playbookKeys))
            }
            parts.append(PlaybookPart(type: type, sort: entries["sort"]?.value.string, group: entries["group"]?.value.string))
        }
        return parts
    }

    /// Run once the types are known: they may be declared after `playbook:`.
    package mutating func checkPlaybook(_ config: SiteConfig, line: Int) {
        for part in config.playbook {
            guard let type = config.contentTypes.first(where: { $0.id == part.type }) else {
                diagnostics.append(.error(.playbookUnknownType(type: part.type), file: ConfigLoader.fileName, line: line,
                                          code: .config, hint: .contentTypes(types: config.contentTypes.map(\.id))))
                continue
            }
            for field in [part.sort, part.group].compactMap({ $0 }) where type.field(field) == nil {
                diagnostics.append(.error(.playbookFieldMissing(type: part.type, field: field), file: ConfigLoader.fileName,
                                          line: line, code: .config))
            }
        }
    }
}
