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

    package func make() -> [String: Any] {
        let title = context.strings["playbook.title"]
        var c = context.base(at: Self.address, currentPage: nil, title: title)
        c["page"] = ["title": title, "isPlaybook": true] as [String: Any]
        c["playbook"] = ["parts": site.config.playbook.map(part)]
        return c
    }

    private func part(_ part: PlaybookPart) -> [String: Any] {
        let type = site.config.type(part.type)
        var pages = site.pages.filter { $0.type == part.type && !$0.source.isSectionIndex }
        if let field = part.sort {
            // Stable: pages without the field, and ties, keep navigation order.
            let keyed = pages.enumerated().map { (key: sortKey($1.source.meta(field)), index: $0, page: $1) }
            pages = keyed.sorted { ($0.key ?? .greatestFiniteMagnitude, $0.index) < ($1.key ?? .greatestFiniteMagnitude, $1.index) }
                .map(\.page)
        }
        let anchor = "part-" + Slug.make(type.id)
        var out: [String: Any] = ["title": type.title, "anchor": anchor, "items": [[String: Any]](), "groups": [[String: Any]]()]
        guard let field = part.group, let schema = type.field(field) else {
            out["items"] = pages.map { item($0, nested: false) }
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
        out["groups"] = order.map { value -> [String: Any] in
            let shown = schema.display(value)
            let title = value.isEmpty ? context.strings["playbook.other"] : shown.prefix(1).uppercased() + shown.dropFirst()
            return ["title": title, "anchor": anchor + "-" + (value.isEmpty ? "other" : Slug.make(value)),
                    "items": byValue[value, default: []].map { item($0, nested: true) }]
        }
        out["hasGroups"] = true
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

    private func item(_ page: Page, nested: Bool) -> [String: Any] {
        let (fields, facts) = TypedFieldsContext(site: site, context: context).fields(of: page)
        var item: [String: Any] = [
            "title": page.title, "description": page.description, "nested": nested,
            "url": Self.address.relativeURL(to: page.address, offline: site.offline),
            "anchor": "item-" + Slug.make(page.id.replacingOccurrences(of: "/", with: "-")),
            "fields": fields, "facts": facts, "hasFacts": !facts.isEmpty,
        ]
        // Always set: an absent key would make Mustache find the playbook's own `canonical` instead.
        item["canonical"] = site.config.baseURL.isEmpty ? "" : site.config.baseURL + LinkResolver.percentEncode(page.address.serverPath)
        return item
    }
}
