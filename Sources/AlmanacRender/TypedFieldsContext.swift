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
    package func fields(of page: Page) -> (fields: FieldTable, facts: [FieldInfo]) {
        let type = site.config.type(page.type)
        var fields: [String: FieldInfo] = [:]
        for schema in type.fields {
            guard let value = page.source.meta(schema.name), value != .null, value != .list([]) else { continue }
            fields[schema.name] = field(schema, value, page: page)
        }
        let facts = type.facts.compactMap { name -> FieldInfo? in
            guard var f = fields[name] else { return nil }
            f.name = name
            return f
        }
        return (FieldTable(fields: fields.mapValues(Shared.init)), facts)
    }

    private func field(_ schema: FieldSchema, _ value: MetaValue, page: Page) -> FieldInfo {
        let items = value.list ?? [value]
        let isRef = schema.kind == .ref || schema.itemKind == .ref
        let values: [FieldValueItem] = items.compactMap { item in
            guard let text = item.string else { return nil }
            if isRef, let link = context.link(text.hasSuffix(".md") ? String(text.dropLast(3)) : text, from: page.address) {
                return FieldValueItem(text: link.title, url: link.url)
            }
            return FieldValueItem(text: schema.display(text), raw: text, slug: Slug.make(text))
        }
        var out = FieldInfo(label: schema.label, values: values, text: values.map(\.text).joined(separator: ", "),
                            isList: value.list != nil, slug: Slug.make(value.string ?? ""))
        switch schema.kind {
        case .text:
            let text = (value.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            out.main = MainText(segments: segments(text), id: "\(schema.name)-main", uses: uses(text))
        case .map:
            let type = site.config.type(page.type)
            let (optional, optionalSomewhere) = schema.name == "placeholders" ? optionalPlaceholders(page) : ([], [])
            out.entries = (value.entries ?? []).map { entry -> FieldEntry in
                let text = (entry.value.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                // A key that is a value of another field (a channel of `channels`) takes that field's
                // label and length limit: the reply tool's tab and counter.
                let owner = type.fields.first { $0.name != schema.name && $0.values.contains(entry.key) }
                return FieldEntry(key: entry.key, value: text, segments: segments(text), slug: Slug.make(entry.key),
                                  token: "{\(entry.key)}", id: "\(schema.name)-\(Slug.make(entry.key))",
                                  name: entry.key.replacingOccurrences(of: "_", with: " "),
                                  tabLabel: owner?.display(entry.key) ?? entry.key, limit: owner?.valueLimits[entry.key],
                                  optional: optional.contains(entry.key), optionalSomewhere: optionalSomewhere.contains(entry.key),
                                  uses: uses(text))
            }
        default:
            break
        }
        return out
    }

    /// The placeholders a text uses, in order of first appearance: `uses` for `data-uses`, `usesList` to show;
    /// `optionalUses` for `data-optional`: those this text may leave empty (`{name?}`).
    private func uses(_ text: String) -> PlaceholderUses {
        var names: [String] = []
        for s in PlaceholderText.segments(text) { if let n = s.placeholder, !names.contains(n) { names.append(n) } }
        let optional = PlaceholderText.optionalNames(text)
        return PlaceholderUses(uses: names.joined(separator: " "), optionalUses: names.filter(optional.contains).joined(separator: " "),
                               hasOptional: !optional.isEmpty,
                               usesList: names.map { UsedPlaceholder(name: $0.replacingOccurrences(of: "_", with: " "), token: "{\($0)}",
                                                                     optional: optional.contains($0)) })
    }

    private func segments(_ text: String) -> [TextSegment] {
        PlaceholderText.segments(text).map { s in
            TextSegment(text: s.text, placeholder: s.placeholder ?? "", isPlaceholder: s.placeholder != nil, isOptional: s.optional)
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
    package func listing(for section: Section) -> ListingInfo? {
        guard let type = site.config.contentTypes.first(where: { $0.folder == section.id }), !type.filters.isEmpty else {
            return nil
        }
        let address = PageAddress(directory: section.id)
        let pages = section.pages.compactMap(site.page).filter { $0.type == type.id }
        let filters = type.filters.enumerated().compactMap { index, name -> ListingFilter? in
            guard let schema = type.field(name) else { return nil }
            // Only values some page has: an option that always empties the list helps nobody.
            var used: Set<String> = []
            for page in pages {
                for v in (page.source.meta(name)?.list ?? page.source.meta(name).map { [$0] } ?? []).compactMap(\.string) {
                    used.insert(v)
                }
            }
            let options = schema.values.isEmpty ? used.sorted(by: RussianCollation.less) : schema.values.filter(used.contains)
            return ListingFilter(index: index, label: schema.label, name: name,
                                 options: options.map { FilterOption(value: $0, label: schema.display($0)) })
        }
        let items = pages.map { page -> ListingItem in
            let filterValues = type.filters.enumerated().map { index, name -> FilterValue in
                let values = (page.source.meta(name)?.list ?? page.source.meta(name).map { [$0] } ?? []).compactMap(\.string)
                // `|` separates values; the runtime splits on it, so a value cannot smuggle in another.
                return FilterValue(index: index, value: values.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: "|"))
            }
            // An empty status is truthy in Mustache: without `hasStatus` every case card showed a lone «●».
            return ListingItem(link: context.link(page.id, from: address), filterValues: filterValues,
                               status: page.source.meta("status")?.string ?? "")
        }
        return ListingInfo(filters: filters, items: items, typeTitle: type.title)
    }
}

/// `fields.NAME`: a page's typed fields that have a value.
package struct FieldTable: TemplateValue {
    package var fields: [String: Shared<FieldInfo>] = [:]

    package func child(named name: String) -> Any? { fields[name] }
}

/// One typed field: its label, its values (references as links), and for a text or a mapping of
/// texts (a reply and its variants) the text cut into segments with the placeholders it uses.
package struct FieldInfo: TemplateValue {
    package var label: String
    package var values: [FieldValueItem]
    /// The values as the reader sees them, joined by commas.
    package var text: String
    package var isList: Bool
    package var slug: String
    /// The field's name, in the facts box.
    package var name: String?
    /// A text field's own text.
    package var main: MainText?
    /// A mapping's entries.
    package var entries: [FieldEntry]?

    package func child(named name: String) -> Any? {
        switch name {
        case "label": return asText(label)
        case "values": return values
        case "text": return asText(text)
        case "isList": return isList
        case "slug": return asText(slug)
        case "name": return asText(self.name)
        case "entries": return entries
        case "segments": return main?.segments
        case "id": return asText(main?.id)
        default: return main?.uses.child(named: name)
        }
    }
}

package struct MainText: Sendable, Hashable {
    package var segments: [TextSegment]
    package var id: String
    package var uses: PlaceholderUses
}

/// A value of a field: a link for a reference to a page, else the text with its raw value and slug.
package struct FieldValueItem: TemplateValue {
    package var text: String
    package var url: String?
    package var raw: String?
    package var slug: String?

    package init(text: String, url: String) {
        self.text = text
        self.url = url
    }

    package init(text: String, raw: String, slug: String) {
        self.text = text
        self.raw = raw
        self.slug = slug
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "text": return asText(self.text)
        case "url": return asText(url)
        case "isLink": return url != nil
        case "raw": return asText(raw)
        case "slug": return asText(slug)
        default: return nil
        }
    }
}

/// An entry of a mapping field (a reply's variant per channel): its text and the reply tool's tab.
package struct FieldEntry: TemplateValue {
    package var key: String
    package var value: String
    package var segments: [TextSegment]
    package var slug: String
    package var token: String
    package var id: String
    package var name: String
    package var tabLabel: String
    package var limit: Int?
    package var optional: Bool
    package var optionalSomewhere: Bool
    package var uses: PlaceholderUses

    package func child(named name: String) -> Any? {
        switch name {
        case "key": return asText(key)
        case "value": return asText(value)
        case "segments": return segments
        case "slug": return asText(slug)
        case "token": return asText(token)
        case "id": return asText(id)
        case "name": return asText(self.name)
        case "tabLabel": return asText(tabLabel)
        case "limit": return limit
        case "hasLimit": return limit != nil
        case "optional": return optional
        case "optionalSomewhere": return optionalSomewhere
        default: return uses.child(named: name)
        }
    }
}

/// The placeholders a text uses, for `data-uses`, `data-optional` and the list shown beside it.
package struct PlaceholderUses: TemplateValue {
    package var uses: String
    package var optionalUses: String
    package var hasOptional: Bool
    package var usesList: [UsedPlaceholder]

    package func child(named name: String) -> Any? {
        switch name {
        case "uses": return asText(uses)
        case "hasUses": return !usesList.isEmpty
        case "optionalUses": return asText(optionalUses)
        case "hasOptional": return hasOptional
        case "usesList": return usesList
        default: return nil
        }
    }
}

package struct UsedPlaceholder: TemplateValue {
    package var name: String
    package var token: String
    package var optional: Bool

    package func child(named name: String) -> Any? {
        switch name {
        case "name": return asText(self.name)
        case "token": return asText(token)
        case "optional": return optional
        default: return nil
        }
    }
}

/// A piece of a text: plain, or a placeholder (`{name}`, optional `{name?}`).
package struct TextSegment: TemplateValue {
    package var text: String
    package var placeholder: String
    package var isPlaceholder: Bool
    package var isOptional: Bool

    package func child(named name: String) -> Any? {
        switch name {
        case "text": return asText(self.text)
        case "placeholder": return asText(placeholder)
        case "isPlaceholder": return isPlaceholder
        case "isOptional": return isOptional
        default: return nil
        }
    }
}

/// A type's folder page: the filter controls and the items with the values they are filtered by.
package struct ListingInfo: TemplateValue {
    package var filters: [ListingFilter]
    package var items: [ListingItem]
    package var typeTitle: String

    package func child(named name: String) -> Any? {
        switch name {
        case "filters": return filters
        case "items": return items
        case "typeTitle": return asText(typeTitle)
        case "count": return items.count
        default: return nil
        }
    }
}

package struct ListingFilter: TemplateValue {
    package var index: Int
    package var label: String
    package var name: String
    package var options: [FilterOption]

    package func child(named name: String) -> Any? {
        switch name {
        case "index": return index
        case "label": return asText(label)
        case "name": return asText(self.name)
        case "options": return options
        default: return nil
        }
    }
}

package struct FilterOption: TemplateValue {
    package var value: String
    package var label: String

    package func child(named name: String) -> Any? {
        switch name {
        case "value": return asText(value)
        case "label": return asText(label)
        default: return nil
        }
    }
}

/// A listed page: its link, the values of each filter (`|` between values), its status.
package struct ListingItem: TemplateValue {
    package var link: LinkInfo?
    package var filterValues: [FilterValue]
    package var status: String

    package func child(named name: String) -> Any? {
        switch name {
        case "filterValues": return filterValues
        case "status": return asText(status)
        case "hasStatus": return !status.isEmpty
        case "statusSlug": return asText(Slug.make(status))
        default: return link?.child(named: name)
        }
    }
}

package struct FilterValue: TemplateValue {
    package var index: Int
    package var value: String

    package func child(named name: String) -> Any? {
        switch name {
        case "index": return index
        case "value": return asText(value)
        default: return nil
        }
    }
}
