import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// The printable playbook (playbook/index.html) for agencies that work from paper: the parts
/// `playbook:` in almanac.yml names, in that order — principles by number, reply templates
/// grouped by situation — each page with its typed fields ready for the template.
package struct PlaybookContext {
    package static let address = PageAddress(directory: "playbook")
    package let site: Site
    package let context: PageContext

    /// Whether the site gets a playbook: one is configured and no page of the writers' stands at its address.
    package static func exists(in site: Site) -> Bool {
        !site.config.playbook.isEmpty && site.page(address.directory) == nil && site.sections[address.directory] == nil
    }

    package func make() -> LayoutContext {
        let title = context.strings["playbook.title"]
        var c = context.base(at: Self.address, currentPage: nil, title: title)
        c.page = .titled(TitledPageInfo(title: title, isPlaybook: true))
        c.playbook = PlaybookInfo(parts: site.config.playbook.map(part))
        return c
    }

    private func part(_ part: PlaybookPart) -> PlaybookInfo.Part {
        let type = site.config.type(part.type)
        var pages = site.pages.filter { $0.type == part.type && !$0.source.isSectionIndex }
        if let field = part.sort {
            // Stable: pages without the field, and ties, keep navigation order.
            let keyed = pages.enumerated().map { (key: sortKey($1.source.meta(field)), index: $0, page: $1) }
            pages = keyed.sorted { ($0.key ?? .greatestFiniteMagnitude, $0.index) < ($1.key ?? .greatestFiniteMagnitude, $1.index) }
                .map(\.page)
        }
        let anchor = "part-" + Slug.make(type.id)
        var out = PlaybookInfo.Part(title: type.title, anchor: anchor)
        guard let field = part.group, let schema = type.field(field) else {
            out.items = pages.map { item($0, nested: false) }
            return out
        }
        var byValue: [String: [Page]] = [:]
        for page in pages {
            let value = page.source.meta(field).flatMap { $0.string ?? $0.list?.first?.string } ?? ""
            byValue[value, default: []].append(page)
        }
        // The schema's order of values first (it is the writers' order), then any others, then pages without one.
        let declared = schema.values.filter { byValue[$0] != nil }
        let others = byValue.keys.filter { !$0.isEmpty && !schema.values.contains($0) }.sorted(by: RussianCollation.less)
        let order = declared + others + (byValue[""] == nil ? [] : [""])
        out.groups = order.map { value -> PlaybookInfo.Group in
            let shown = schema.display(value)
            let title = value.isEmpty ? context.strings["playbook.other"] : shown.prefix(1).uppercased() + shown.dropFirst()
            return PlaybookInfo.Group(title: title, anchor: anchor + "-" + (value.isEmpty ? "other" : Slug.make(value)),
                                      items: byValue[value, default: []].map { item($0, nested: true) })
        }
        out.hasGroups = true
        return out
    }

    private func sortKey(_ value: MetaValue?) -> Double? {
        switch value {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case .string(let s)?: return Double(s)
        default: return nil
        }
    }

    private func item(_ page: Page, nested: Bool) -> PlaybookInfo.Item {
        let (fields, facts) = TypedFieldsContext(site: site, context: context).fields(of: page)
        return PlaybookInfo.Item(
            title: page.title, description: page.description, nested: nested,
            url: Self.address.relativeURL(to: page.address, offline: site.offline),
            anchor: "item-" + Slug.make(page.id.replacingOccurrences(of: "/", with: "-")),
            fields: fields, facts: facts,
            // Always set: an absent key would make Mustache find the playbook's own `canonical` instead.
            canonical: site.config.baseURL.isEmpty ? "" : site.config.baseURL + LinkResolver.percentEncode(page.address.serverPath))
    }
}

/// `playbook.parts`: each part a list of pages, or of groups of pages by a field's value.
package struct PlaybookInfo: TemplateValue {
    package var parts: [Part]

    package func child(named name: String) -> Any? { name == "parts" ? parts : nil }

    package struct Part: TemplateValue {
        package var title: String
        package var anchor: String
        package var items: [Item] = []
        package var groups: [Group] = []
        /// Only a grouped part says so; an ungrouped one leaves the name to the stack below.
        package var hasGroups: Bool?

        package func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "anchor": return asText(anchor)
            case "items": return items
            case "groups": return groups
            case "hasGroups": return hasGroups
            default: return nil
            }
        }
    }

    package struct Group: TemplateValue {
        package var title: String
        package var anchor: String
        package var items: [Item]

        package func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "anchor": return asText(anchor)
            case "items": return items
            default: return nil
            }
        }
    }

    /// A page with its typed fields, as the printed playbook shows it.
    package struct Item: TemplateValue {
        package var title: String
        package var description: String
        package var nested: Bool
        package var url: String
        package var anchor: String
        package var fields: FieldTable
        package var facts: [FieldInfo]
        package var canonical: String

        package func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "description": return asText(description)
            case "nested": return nested
            case "url": return asText(url)
            case "anchor": return asText(anchor)
            case "fields": return fields
            case "facts": return facts
            case "hasFacts": return !facts.isEmpty
            case "canonical": return asText(canonical)
            default: return nil
            }
        }
    }
}
