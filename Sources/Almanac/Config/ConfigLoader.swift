import Foundation

/// Reads and validates almanac.yml. Every problem becomes a diagnostic naming the line.
public enum ConfigLoader {
    public static let fileName = "almanac.yml"

    public static func load(siteDirectory: URL) -> (SiteConfig?, [Diagnostic]) {
        let url = siteDirectory.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else {
            return (nil, [.error("не найден файл настроек \(fileName)", file: fileName, code: .config,
                                 hint: "запустите команду в папке сайта или укажите её: almanac build ПАПКА")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [.error("файл не в кодировке UTF-8", file: fileName, code: .config)])
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        var reader = ConfigReader()
        switch YAMLReader.readMapping(text.replacingOccurrences(of: "\r\n", with: "\n")) {
        case .failure(let f):
            return (nil, [.error("ошибка YAML: \(f.message)", file: fileName, line: f.line, column: f.column, code: .config)])
        case .success(let entries):
            let config = reader.read(entries)
            return (reader.diagnostics.hasErrors ? nil : config, reader.diagnostics)
        }
    }
}

/// The walk over almanac.yml's entries; collects every problem instead of stopping at the first.
struct ConfigReader {
    var diagnostics: [Diagnostic] = []
    private let file = ConfigLoader.fileName
    private static let knownKeys: Set<String> = [
        "title", "description", "language", "base_url", "edit_url", "links", "markdown", "types", "search", "authors_area",
    ]

    mutating func read(_ entries: [MetaEntry]) -> SiteConfig {
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
                    else { error("links: ожидалось error или warn, а не «\(s)»", entry.line) }
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
            error("index_files: ожидался список имён файлов .md, например [_index.md, index.md, README.md]", entry.line)
            return nil
        }
        return names
    }

    /// `lint: {orphan-page: off}`: codes whose warnings are not printed.
    private mutating func readLint(_ entry: MetaEntry) -> Set<DiagnosticCode> {
        guard let entries = entry.value.entries else {
            error("lint: ожидался словарь «код: off»", entry.line, hint: "например lint: {orphan-page: off}")
            return []
        }
        var off: Set<DiagnosticCode> = []
        for e in entries {
            guard let code = DiagnosticCode(rawValue: e.key), code.isSilenceable else {
                error("lint: неизвестный код «\(e.key)»", e.line,
                      hint: "можно отключить: " + DiagnosticCode.silenceable.map(\.rawValue).joined(separator: ", "))
                continue
            }
            switch e.value {
            case .bool(false): off.insert(code)
            case .bool(true): break
            case let v where v.string == "off": off.insert(code)
            case let v where v.string == "warn" || v.string == "on": break
            default: error("lint.\(e.key): ожидалось off или warn", e.line)
            }
        }
        return off
    }

    private mutating func error(_ message: String, _ line: Int, hint: String? = nil) {
        diagnostics.append(.error(message, file: file, line: line, code: .config, hint: hint))
    }

    /// The entries of a key whose value must be a map, or nil once the key is reported as not one,
    /// with `example` showing the map it wants.
    mutating func mapEntries(_ entry: MetaEntry, like example: String) -> [MetaEntry]? {
        guard let entries = entry.value.entries else {
            error("\(entry.key): ожидался словарь вида \(example)", entry.line)
            return nil
        }
        return entries
    }

    private mutating func string(_ entry: MetaEntry) -> String? {
        if case .null = entry.value { return nil }
        guard let s = entry.value.string else {
            error("\(entry.key): ожидалась строка, а не \(entry.value.typeName)", entry.line)
            return nil
        }
        return s
    }

    private mutating func bool(_ entry: MetaEntry) -> Bool? {
        guard case .bool(let b) = entry.value else {
            error("\(entry.key): ожидалось true или false", entry.line)
            return nil
        }
        return b
    }

    private mutating func baseURL(_ entry: MetaEntry) -> String {
        folderURL(entry, else: "base_url: нужен полный адрес вида https://wiki.example.ru/crisis/")
    }

    private mutating func editURL(_ entry: MetaEntry) -> String {
        folderURL(entry, else: "edit_url: нужен полный адрес редактора вида https://gitlab.example.ru/team/wiki/-/edit/main/content/")
    }

    /// An absolute http(s) address that pages' paths are appended to, with its closing slash;
    /// empty where the key is empty, and where it is not such an address (reported with `message`).
    private mutating func folderURL(_ entry: MetaEntry, else message: String) -> String {
        guard let s = string(entry), !s.isEmpty else { return "" }
        guard let url = URL(string: s), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            error(message, entry.line)
            return ""
        }
        return s.hasSuffix("/") ? s : s + "/"
    }

    private mutating func readMarkdown(_ entry: MetaEntry, into config: inout SiteConfig) {
        guard let entries = entry.value.entries else { return error("markdown: ожидался словарь", entry.line) }
        for e in entries {
            switch e.key {
            case "unsafe_html": config.unsafeHTML = bool(e) ?? false
            case "smart_punctuation": config.smartPunctuation = bool(e) ?? true
            case "extensions": config.markdownExtensions = readExtensions(e)
            default: error("markdown: неизвестный ключ «\(e.key)»", e.line, hint: "допустимы unsafe_html, smart_punctuation и extensions")
            }
        }
    }

    /// `extensions: {tables: true, footnotes: false}` switches single ones (the rest stay on);
    /// `extensions: [tables, strikethrough]` names exactly those in use; `[]` is plain CommonMark.
    private mutating func readExtensions(_ entry: MetaEntry) -> MarkdownExtensions {
        let known = MarkdownExtensions.names.map(\.name).joined(separator: ", ")
        func named(_ name: String, line: Int) -> MarkdownExtensions? {
            if let value = MarkdownExtensions.named(name) { return value }
            error("markdown.extensions: неизвестное расширение «\(name)»", line, hint: "известны: \(known)")
            return nil
        }
        if let list = entry.value.list {
            var set: MarkdownExtensions = []
            for item in list {
                guard let name = item.string else {
                    error("markdown.extensions: ожидалось имя расширения", entry.line, hint: "известны: \(known)")
                    continue
                }
                if let value = named(name, line: entry.line) { set.insert(value) }
            }
            return set
        }
        guard let entries = entry.value.entries else {
            error("markdown.extensions: ожидался список имён или словарь имя: true/false", entry.line, hint: "известны: \(known)")
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
            error("types: ожидался словарь типов контента", entry.line)
            return []
        }
        var types: [ContentType] = []
        for e in entries { if let t = readType(e) { types.append(t) } }
        return types
    }

    private mutating func readType(_ entry: MetaEntry) -> ContentType? {
        guard let entries = entry.value.entries else {
            error("types.\(entry.key): ожидался словарь", entry.line)
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
                guard let fields = e.value.entries else { error("fields: ожидался словарь полей", e.line); continue }
                type.fields = []
                for f in fields { if let field = readField(f, type: entry.key) { type.fields.append(field) } }
            default:
                error("types.\(entry.key): неизвестный ключ «\(e.key)»", e.line,
                      hint: "допустимы folder, title, singular, layout, fields, filters, facts")
            }
        }
        return type
    }

    private mutating func readField(_ entry: MetaEntry, type: String) -> FieldSchema? {
        let place = "types.\(type).fields.\(entry.key)"
        guard let entries = entry.value.entries else {
            error("\(place): ожидался словарь вида {type: string, required: true}", entry.line)
            return nil
        }
        var field = FieldSchema(name: entry.key, kind: .string)
        for e in entries {
            switch e.key {
            case "type":
                let name = e.value.string ?? ""
                guard let kind = FieldSchema.Kind(rawValue: name) else {
                    error("\(place): неизвестный тип «\(name)»", e.line,
                          hint: "допустимы " + FieldSchema.Kind.allCases.map(\.rawValue).joined(separator: ", "))
                    continue
                }
                field.kind = kind
            case "required": field.required = bool(e) ?? false
            case "values": field.values = (e.value.list ?? []).compactMap(\.string)
            case "ref": field.refType = string(e)
            case "label": field.label = string(e) ?? field.name
            case "min_items":
                if case .int(let n) = e.value, n >= 0 { field.minItems = n }
                else { error("\(place).min_items: ожидалось целое число от 0", e.line) }
            case "search":
                let name = e.value.string ?? ""
                if let role = FieldSchema.SearchRole(rawValue: name) { field.search = role }
                else {
                    error("\(place).search: неизвестное значение «\(name)»", e.line,
                          hint: "допустимы " + FieldSchema.SearchRole.allCases.map(\.rawValue).joined(separator: ", "))
                }
            case "labels":
                for l in e.value.entries ?? [] { field.valueLabels[l.key] = l.value.string ?? l.key }
            case "icons":
                field.valueIconsLine = e.line
                for i in e.value.entries ?? [] { if let name = i.value.string { field.valueIcons[i.key] = name } }
            case "limits":
                guard let limits = e.value.entries else { error("\(place).limits: ожидался словарь вида {Telegram: 4096}", e.line); continue }
                for l in limits {
                    guard case .int(let n) = l.value, n > 0 else {
                        error("\(place).limits.\(l.key): ожидалось целое число знаков больше нуля", l.line)
                        continue
                    }
                    if !field.values.isEmpty && !field.values.contains(l.key) {
                        error("\(place).limits: «\(l.key)» нет среди values", l.line)
                        continue
                    }
                    field.valueLimits[l.key] = n
                }
            case "items":
                let name = e.value.string ?? ""
                if let kind = FieldSchema.Kind(rawValue: name) { field.itemKind = kind }
                else { error("\(place): неизвестный тип элементов «\(name)»", e.line) }
            default:
                error("\(place): неизвестный ключ «\(e.key)»", e.line, hint: "допустимы type, required, values, ref, items, label, labels, icons, limits, min_items, search")
            }
        }
        if field.refType != nil && field.kind == .list { field.itemKind = .ref }
        if field.minItems > 0 && field.kind != .list {
            error("\(place).min_items: подходит только к полю типа list", entry.line)
            field.minItems = 0
        }
        return field
    }

    private mutating func readSearch(_ entry: MetaEntry) -> SearchSettings {
        var settings = SearchSettings()
        guard let entries = entry.value.entries else {
            error("search: ожидался словарь", entry.line)
            return settings
        }
        for e in entries {
            switch e.key {
            case "synonyms":
                settings.synonyms = (e.value.list ?? []).map { ($0.list ?? []).compactMap(\.string) }
            case "weak_words":
                guard let list = e.value.list else { error("search.weak_words: ожидался список слов", e.line); continue }
                settings.weakWords = list.compactMap(\.string)
            case "channels":
                guard let groups = e.value.entries else {
                    error("search.channels: ожидался словарь «канал: [слова, которыми его называют]»", e.line)
                    continue
                }
                settings.channelWords = groups.map { ($0.key, ($0.value.list ?? []).compactMap(\.string)) }
            case "boosts":
                for b in e.value.entries ?? [] {
                    switch b.value {
                    case .int(let i): settings.typeBoosts[b.key] = Double(i)
                    case .double(let d): settings.typeBoosts[b.key] = d
                    default: error("search.boosts.\(b.key): ожидалось число", b.line)
                    }
                }
            default: error("search: неизвестный ключ «\(e.key)»", e.line, hint: "допустимы synonyms, boosts, weak_words и channels")
            }
        }
        return settings
    }
}
