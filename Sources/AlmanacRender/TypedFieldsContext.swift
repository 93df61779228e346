import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite

/// Front-matter fields of a typed page, prepared for templates: labels from the schema,
/// references as links, reply texts cut into text and placeholder segments.
package struct TypedFieldsContext {
    package let site: Site
    package let context: PageContext

    /// `fields.NAME` for every declared field that has a value, and `facts` for the facts box.
    package func fields(of page: Page) -> (fields: [String: Any], facts: [[String: Any]]) {
        let type = site.config.type(page.type)
        var fields: [String: Any] = [:]
        for schema in type.fields {
            guard let value = page.source.meta(schema.name), value != .null, value != .list([]) else { continue }
            fields[schema.name] = field(schema, value, page: page)
        }
        let facts = type.facts.compactMap { name -> [String: Any]? in
            guard var f = fields[name] as? [String: Any] else { return nil }
            f["name"] = name
            return f
        }
        return (fields, facts)
    }

    private func field(_ schema: FieldSchema, _ value: MetaValue, page: Page) -> [String: Any] {
        var out: [String: Any] = ["label": schema.label]
        let items = value.list ?? [value]
        let isRef = schema.kind == .ref || schema.itemKind == .ref
        let values: [[String: Any]] = items.compactMap { item in
            guard let text = item.string else { return nil }
            if isRef, let link = context.link(text.hasSuffix(".md") ? String(text.dropLast(3)) : text, from: page.address) {
                return ["text": link["title"] ?? text, "url": link["url"] ?? "", "isLink": true]
            }
            return ["text": schema.display(text), "raw": text, "isLink": false, "slug": Slug.make(text)]
        }
        out["values"] = values
        out["text"] = values.compactMap { $0["text"] as? String }.joined(separator: ", ")
        out["isList"] = value.list != nil
        out["slug"] = Slug.make(value.string ?? "")
        switch schema.kind {
        case .text:
            let text = (value.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            out["segments"] = segments(text)
            out["id"] = "\(schema.name)-main"
            out.merge(uses(text)) { _, new in new }
        case .map:
            let type = site.config.type(page.type)
            let (optional, optionalSomewhere) = schema.name == "placeholders" ? optionalPlaceholders(page) : ([], [])
            out["entries"] = (value.entries ?? []).map { entry -> [String: Any] in
                let text = (entry.value.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                var e: [String: Any] = ["key": entry.key, "value": text, "segments": segments(text), "slug": Slug.make(entry.key),
                                        "token": "{\(entry.key)}", "id": "\(schema.name)-\(Slug.make(entry.key))",
                                        "name": entry.key.replacingOccurrences(of: "_", with: " ")]
                // A key that is a value of another field (a channel of `channels`) takes that field's
                // label and length limit: the reply tool's tab and counter.
                let owner = type.fields.first { $0.name != schema.name && $0.values.contains(entry.key) }
                e["tabLabel"] = owner?.display(entry.key) ?? entry.key
                if let limit = owner?.valueLimits[entry.key] { e["limit"] = limit }
                e["hasLimit"] = e["limit"] != nil
                e["optional"] = optional.contains(entry.key)
                e["optionalSomewhere"] = optionalSomewhere.contains(entry.key)
                e.merge(uses(text)) { _, new in new }
                return e
            }
        default:
            break
        }
        return out
    }

    /// The placeholders a text uses, in order of first appearance: `uses` for `data-uses`, `usesList` to show;
    /// `optionalUses` for `data-optional`: those this text may leave empty (`{name?}`).
    private func uses(_ text: String) -> [String: Any] {
        var names: [String] = []
        for s in PlaceholderText.segments(text) { if let n = s.placeholder, !names.contains(n) { names.append(n) } }
        let optional = PlaceholderText.optionalNames(text)
        return ["uses": names.joined(separator: " "), "hasUses": !names.isEmpty,
                "optionalUses": names.filter(optional.contains).joined(separator: " "), "hasOptional": !optional.isEmpty,
                "usesList": names.map { ["name": $0.replacingOccurrences(of: "_", with: " "), "token": "{\($0)}",
                                         "optional": optional.contains($0)] }]
    }

    private func segments(_ text: String) -> [[String: Any]] {
        PlaceholderText.segments(text).map { s in
            ["text": s.text, "placeholder": s.placeholder ?? "", "isPlaceholder": s.placeholder != nil, "isOptional": s.optional]
        }
    }

    /// Placeholders that every text of the page using them marks `{name?}` (the field is marked
    /// optional where the page is read without the tool: the approval packet, the playbook), and
    /// those some text marks so (the tool shows the mark while such a text is chosen).
    private func optionalPlaceholders(_ page: Page) -> (everywhere: Set<String>, somewhere: Set<String>) {
        let type = site.config.type(page.type)
        var optional: Set<String> = []
        var required: Set<String> = []
        for field in type.fields where field.kind == .text || (field.kind == .map && field.name != "placeholders") {
            guard let value = page.source.meta(field.name) else { continue }
            let texts = field.kind == .text ? [value.string ?? ""] : (value.entries ?? []).map { $0.value.string ?? "" }
            for text in texts {
                let names = Set(PlaceholderText.names(text))
                let soft = PlaceholderText.optionalNames(text)
                optional.formUnion(soft)
                required.formUnion(names.subtracting(soft))
            }
        }
        return (optional.subtracting(required), optional)
    }

    /// For a type's own folder page: the filter controls and, per item, the values it is filtered by.
    package func listing(for section: Section) -> [String: Any]? {
        guard let type = site.config.contentTypes.first(where: { $0.folder == section.id }), !type.filters.isEmpty else {
            return nil
        }
        let address = PageAddress(directory: section.id)
        let pages = section.pages.compactMap(site.page).filter { $0.type == type.id }
        let filters = type.filters.enumerated().compactMap { index, name -> [String: Any]? in
            guard let schema = type.field(name) else { return nil }
            // Only values some page has: an option that always empties the list helps nobody.
            var used: Set<String> = []
            for page in pages {
                for v in (page.source.meta(name)?.list ?? page.source.meta(name).map { [$0] } ?? []).compactMap(\.string) {
                    used.insert(v)
                }
            }
            let options = schema.values.isEmpty ? used.sorted(by: RussianCollation.less) : schema.values.filter(used.contains)
            return ["index": index, "label": schema.label, "name": name,
                    "options": options.map { ["value": $0, "label": schema.display($0)] }]
        }
        let items = pages.map { page -> [String: Any] in
            var item = context.link(page.id, from: address) ?? [:]
            item["filterValues"] = type.filters.enumerated().map { index, name -> [String: Any] in
                let values = (page.source.meta(name)?.list ?? page.source.meta(name).map { [$0] } ?? []).compactMap(\.string)
                // `|` separates values; the runtime splits on it, so a value cannot smuggle in another.
                return ["index": index, "value": values.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: "|")]
            }
            item["status"] = page.source.meta("status")?.string ?? ""
            // An empty string is truthy in Mustache: without this flag every case card showed a lone «●».
            item["hasStatus"] = !(page.source.meta("status")?.string ?? "").isEmpty
            item["statusSlug"] = Slug.make(page.source.meta("status")?.string ?? "")
            return item
        }
        return ["filters": filters, "items": items, "typeTitle": type.title, "count": items.count]
    }
}
