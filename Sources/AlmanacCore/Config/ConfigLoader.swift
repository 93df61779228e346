import Foundation

/// Reads and validates almanac.yml. Every problem becomes a diagnostic naming the line.
public enum ConfigLoader {
    public static let fileName = "almanac.yml"

    public static func load(siteDirectory: URL) -> (SiteConfig?, [Diagnostic]) {
        let url = siteDirectory.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else {
            return (nil, [.error(.configNotFound(file: fileName), file: fileName, code: .config, hint: .runInSiteFolder)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [.error(.notUTF8, file: fileName, code: .config)])
        }
        return parse(text)
    }

    /// `--base-url` from the command line, checked as `base_url:` in almanac.yml is; a problem
    /// names the option rather than a line of almanac.yml.
    public static func baseURL(commandLine value: String) -> (String?, [Diagnostic]) {
        var reader = ConfigReader(file: "--base-url")
        let url = reader.baseURL(MetaEntry(key: "base_url", value: .string(value), line: 0))
        return (reader.diagnostics.hasErrors ? nil : url, reader.diagnostics)
    }

    public static func parse(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        var reader = ConfigReader()
        switch YAMLReader.readMapping(text.replacingOccurrences(of: "\r\n", with: "\n")) {
        case .failure(let f):
            return (nil, [.error(.yamlError(reason: f.message), file: fileName, line: f.line, column: f.column, code: .config)])
        case .success(let entries):
            let config = reader.read(entries)
            return (reader.diagnostics.hasErrors ? nil : config, reader.diagnostics)
        }
    }
}

/// The walk over almanac.yml's entries; collects every problem instead of stopping at the first.
package struct ConfigReader {
    package var diagnostics: [Diagnostic] = []
    /// Where the entries come from, as diagnostics name it.
    private let file: String
    private static let knownKeys: Set<String> = [
        "title", "description", "language", "base_url", "edit_url", "links", "markdown", "types", "search", "authors_area",
    ]

    package init(file: String = ConfigLoader.fileName) {
        self.file = file
    }

    package mutating func read(_ entries: [MetaEntry]) -> SiteConfig {
        var config = SiteConfig()
        var playbookLine = 0
        for entry in entries {
            switch entry.key {
            case "title": config.title = string(entry) ?? config.title
            case "description": config.description = string(entry) ?? ""
            case "language": config.language = string(entry) ?? config.language
            case "base_url": config.baseURL = baseURL(entry)
            case "edit_url": config.editURL = editURL(entry)
            case "links":
                if let s = string(entry) {
                    if let policy = SiteConfig.LinkPolicy(rawValue: s) { config.links = policy }
                    else { error(.linksPolicy(value: s), entry.line) }
                }
            case "markdown": readMarkdown(entry, into: &config)
            case "types": config.contentTypes = readTypes(entry)
            case "search": config.search = readSearch(entry)
            case "playbook": (config.playbook, playbookLine) = (readPlaybook(entry), entry.line)
            case "authors_area": config.authorsArea = string(entry).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
            case "home": config.home = readHome(entry)
            case "history": config.history = readHistory(entry)
            case "index_files": config.indexFiles = readIndexFiles(entry) ?? config.indexFiles
            case "lint": config.silencedCodes = readLint(entry)
            default: config.params.append(entry)
            }
        }
        checkPlaybook(config, line: playbookLine)
        checkHome(config)
        return config
    }

    private mutating func readIndexFiles(_ entry: MetaEntry) -> [String]? {
        let names = (entry.value.list ?? [entry.value]).compactMap(\.string)
        guard !names.isEmpty, names.allSatisfy({ $0.hasSuffix(".md") && !$0.contains("/") }) else {
            error(.indexFilesList, entry.line)
            return nil
        }
        return names
    }

    /// `lint: {orphan-page: off}`: codes whose warnings are not printed.
    private mutating func readLint(_ entry: MetaEntry) -> Set<DiagnosticCode> {
        guard let entries = entry.value.entries else {
            error(.lintExpectedMap, entry.line, hint: .lintExample)
            return []
        }
        var off: Set<DiagnosticCode> = []
        for e in entries {
            guard let code = DiagnosticCode(rawValue: e.key), code.isSilenceable else {
                error(.lintUnknownCode(code: e.key), e.line, hint: .silenceableCodes(codes: DiagnosticCode.silenceable.map(\.rawValue)))
                continue
            }
            switch e.value {
            case .bool(false): off.insert(code)
            case .bool(true): break
            case let v where v.string == "off": off.insert(code)
            case let v where v.string == "warn" || v.string == "on": break
            default: error(.lintValue(code: e.key), e.line)
            }
        }
        return off
    }

    private mutating func error(_ message: DiagnosticMessage, _ line: Int, hint: DiagnosticHint? = nil) {
        diagnostics.append(.error(message, file: file, line: line, code: .config, hint: hint))
    }

    /// The entries of a key whose value must be a map, or nil once the key is reported as not one,
    /// with `example` showing the map it wants.
    package mutating func mapEntries(_ entry: MetaEntry, like example: String) -> [MetaEntry]? {
        guard let entries = entry.value.entries else {
            error(.configExpectedMapLike(key: entry.key, example: example), entry.line)
            return nil
        }
        return entries
    }

    private mutating func string(_ entry: MetaEntry) -> String? {
        if case .null = entry.value { return nil }
        guard let s = entry.value.string else {
            error(.configExpectedString(key: entry.key, got: entry.value.typeName), entry.line)
            return nil
        }
        return s
    }

    private mutating func bool(_ entry: MetaEntry) -> Bool? {
        guard case .bool(let b) = entry.value else {
            error(.configExpectedBool(key: entry.key), entry.line)
            return nil
        }
        return b
    }

    fileprivate mutating func baseURL(_ entry: MetaEntry) -> String {
        folderURL(entry, else: .baseURLNotAbsolute)
    }

    private mutating func editURL(_ entry: MetaEntry) -> String {
        folderURL(entry, else: .editURLNotAbsolute)
    }

    /// An absolute http(s) address that pages' paths are appended to, with its closing slash;
    /// empty where the key is empty, and where it is not such an address (reported with `message`).
    private mutating func folderURL(_ entry: MetaEntry, else message: DiagnosticMessage) -> String {
        guard let s = string(entry), !s.isEmpty else { return "" }
        // The address goes into attributes, robots.txt and the sitemap as it is written: a space,
        // a line break or a quote in it would end a line or an attribute there. Foundation's URL
        // accepts them (it percent-encodes), so they are refused here.
        let unsafe = s.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F || "\"'<>\\^`{|}".unicodeScalars.contains($0) }
        guard !unsafe, let url = URL(string: s), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            error(message, entry.line)
            return ""
        }
        return s.hasSuffix("/") ? s : s + "/"
    }

    private mutating func readMarkdown(_ entry: MetaEntry, into config: inout SiteConfig) {
        guard let entries = entry.value.entries else { return error(.configExpectedMap(key: "markdown"), entry.line) }
        for e in entries {
            switch e.key {
            case "unsafe_html": config.unsafeHTML = bool(e) ?? false
            case "smart_punctuation": config.smartPunctuation = bool(e) ?? true
            case "extensions": config.markdownExtensions = readExtensions(e)
            default: error(.configUnknownKey(place: "markdown", key: e.key), e.line, hint: .markdownKeys)
            }
        }
    }

    /// `extensions: {tables: true, footnotes: false}` switches single ones (the rest stay on);
    /// `extensions: [tables, strikethrough]` names exactly those in use; `[]` is plain CommonMark.
    private mutating func readExtensions(_ entry: MetaEntry) -> MarkdownExtensions {
        let known = MarkdownExtensions.names.map(\.name)
        func named(_ name: String, line: Int) -> MarkdownExtensions? {
            if let value = MarkdownExtensions.named(name) { return value }
            error(.unknownExtension(name: name), line, hint: .knownExtensions(names: known))
            return nil
        }
        if let list = entry.value.list {
            var set: MarkdownExtensions = []
            for item in list {
                guard let name = item.string else {
                    error(.extensionNameExpected, entry.line, hint: .knownExtensions(names: known))
                    continue
                }
                if let value = named(name, line: entry.line) { set.insert(value) }
            }
            return set
        }
        guard let entries = entry.value.entries else {
            error(.extensionsShape, entry.line, hint: .knownExtensions(names: known))
            return .all
        }
        var set = MarkdownExtensions.all
        for e in entries {
            guard let value = named(e.key, line: e.line) else { continue }
            guard let on = bool(e) else { continue }
            if on { set.insert(value) } else { set.remove(value) }
        }
        return set
    }

    private mutating func readTypes(_ entry: MetaEntry) -> [ContentType] {
        guard let entries = entry.value.entries else {
            error(.typesExpectedMap, entry.line)
            return []
        }
        var types: [ContentType] = []
        for e in entries { if let t = readType(e) { types.append(t) } }
        return types
    }

    private mutating func readType(_ entry: MetaEntry) -> ContentType? {
        guard let entries = entry.value.entries else {
            error(.configExpectedMap(key: "types.\(entry.key)"), entry.line)
            return nil
        }
        var type = ContentType(id: entry.key, folder: nil, title: entry.key, singular: entry.key,
                               layout: entry.key, fields: [])
        for e in entries {
            switch e.key {
            case "folder": type.folder = string(e)
            case "title": type.title = string(e) ?? type.title
            case "singular": type.singular = string(e) ?? type.singular
            case "layout": type.layout = string(e) ?? type.layout
            case "filters":
                type.filters = (e.value.list ?? []).compactMap(\.string)
            case "facts":
                type.facts = (e.value.list ?? []).compactMap(\.string)
            case "fields":
                guard let fields = e.value.entries else { error(.fieldsExpectedMap, e.line); continue }
                type.fields = []
                for f in fields { if let field = readField(f, type: entry.key) { type.fields.append(field) } }
            default:
                error(.configUnknownKey(place: "types.\(entry.key)", key: e.key), e.line, hint: .typeKeys)
            }
        }
        return type
    }

    private mutating func readField(_ entry: MetaEntry, type: String) -> FieldSchema? {
        let place = "types.\(type).fields.\(entry.key)"
        guard let entries = entry.value.entries else {
            error(.configExpectedMapLike(key: place, example: "{type: string, required: true}"), entry.line)
            return nil
        }
        var field = FieldSchema(name: entry.key, kind: .string)
        for e in entries {
            switch e.key {
            case "type":
                let name = e.value.string ?? ""
                guard let kind = FieldSchema.Kind(rawValue: name) else {
                    error(.unknownFieldType(place: place, name: name), e.line,
                          hint: .allowedList(items: FieldSchema.Kind.allCases.map(\.rawValue)))
                    continue
                }
                field.kind = kind
            case "required": field.required = bool(e) ?? false
            case "values": field.values = (e.value.list ?? []).compactMap(\.string)
            case "ref": field.refType = string(e)
            case "label": field.label = string(e) ?? field.name
            case "min_items":
                if case .int(let n) = e.value, n >= 0 { field.minItems = n }
                else { error(.minItemsNotCount(place: place), e.line) }
            case "search":
                let name = e.value.string ?? ""
                if let role = FieldSchema.SearchRole(rawValue: name) { field.search = role }
                else {
                    error(.unknownSearchRole(place: place, value: name), e.line,
                          hint: .allowedList(items: FieldSchema.SearchRole.allCases.map(\.rawValue)))
                }
            case "labels":
                for l in e.value.entries ?? [] { field.valueLabels[l.key] = l.value.string ?? l.key }
            case "icons":
                field.valueIconsLine = e.line
                for i in e.value.entries ?? [] { if let name = i.value.string { field.valueIcons[i.key] = name } }
            case "limits":
                guard let limits = e.value.entries else { error(.configExpectedMapLike(key: "\(place).limits", example: "{Telegram: 4096}"), e.line); continue }
                for l in limits {
                    guard case .int(let n) = l.value, n > 0 else {
                        error(.limitNotPositive(place: place, key: l.key), l.line)
                        continue
                    }
                    if !field.values.isEmpty && !field.values.contains(l.key) {
                        error(.notAmongValues(place: "\(place).limits", value: l.key), l.line)
                        continue
                    }
                    field.valueLimits[l.key] = n
                }
            case "items":
                let name = e.value.string ?? ""
                if let kind = FieldSchema.Kind(rawValue: name) { field.itemKind = kind }
                else { error(.unknownItemType(place: place, name: name), e.line) }
            default:
                error(.configUnknownKey(place: place, key: e.key), e.line, hint: .fieldKeys)
            }
        }
        if field.refType != nil && field.kind == .list { field.itemKind = .ref }
        if field.minItems > 0 && field.kind != .list {
            error(.minItemsOnlyForList(place: place), entry.line)
            field.minItems = 0
        }
        return field
    }

    private mutating func readSearch(_ entry: MetaEntry) -> SearchSettings {
        var settings = SearchSettings()
        guard let entries = entry.value.entries else {
            error(.configExpectedMap(key: "search"), entry.line)
            return settings
        }
        for e in entries {
            switch e.key {
            case "synonyms":
                settings.synonyms = (e.value.list ?? []).map { ($0.list ?? []).compactMap(\.string) }
            case "weak_words":
                guard let list = e.value.list else { error(.weakWordsList, e.line); continue }
                settings.weakWords = list.compactMap(\.string)
            case "channels":
                guard let groups = e.value.entries else {
                    error(.channelsShape, e.line)
                    continue
                }
                settings.channelWords = groups.map { ($0.key, ($0.value.list ?? []).compactMap(\.string)) }
            case "boosts":
                for b in e.value.entries ?? [] {
                    switch b.value {
                    case .int(let i): settings.typeBoosts[b.key] = Double(i)
                    case .double(let d): settings.typeBoosts[b.key] = d
                    default: error(.boostNotNumber(key: b.key), b.line)
                    }
                }
            default: error(.configUnknownKey(place: "search", key: e.key), e.line, hint: .searchKeys)
            }
        }
        return settings
    }
}
