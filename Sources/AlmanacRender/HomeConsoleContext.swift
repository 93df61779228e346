import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite

/// The home page's crisis console (`home:` in almanac.yml): «Что случилось?» with a tile per
/// situation — icon, name, how many templates — each leading to the type's listing filtered by
/// it (`replies/?situation=…`, read by the listing's script), and the checklist to open first.
/// The 404 page shows the same tiles.
package struct HomeConsoleContext {
    package let site: Site
    package let context: PageContext
    /// Icon markup by name (templates/icons/NAME.svg).
    package let icons: [String: String]

    /// Nil when almanac.yml declares no console.
    package func make(from address: PageAddress, title: String? = nil) -> ConsoleInfo? {
        let settings = site.config.home
        var out = ConsoleInfo(title: title ?? context.strings["home.what_happened"])
        var any = false
        if let typeId = settings.situationType, let fieldName = settings.situationField,
           let type = site.config.contentTypes.first(where: { $0.id == typeId }), let field = type.field(fieldName),
           let folder = type.folder, site.sections[folder] != nil {
            let tiles = self.tiles(type: type, field: field, folder: folder, from: address)
            out.situations = tiles
            out.listing = ConsoleInfo.Listing(title: type.title, count: listed(type: type, folder: folder).count,
                                              url: address.relativeURL(to: PageAddress(directory: folder), offline: site.offline))
            any = any || !tiles.isEmpty
        }
        if let id = settings.checklistId, let link = context.link(id, from: address) {
            out.checklist = link
            out.checklistIcon = icons["situation-checklist"] ?? ""
            any = true
        }
        return any ? out : nil
    }

    private func tiles(type: ContentType, field: FieldSchema, folder: String, from address: PageAddress) -> [SituationTile] {
        var counts: [String: Int] = [:]
        for page in listed(type: type, folder: folder) {
            let values = page.source.meta(field.name).map { $0.list ?? [$0] } ?? []
            for value in Set(values.compactMap(\.string)) { counts[value, default: 0] += 1 }
        }
        let listing = address.relativeURL(to: PageAddress(directory: folder), offline: site.offline)
        let search = address.relativeURL(to: PageAddress(directory: "search"), offline: site.offline)
        return field.values.map { value in
            let count = counts[value] ?? 0
            let iconName = field.valueIcons[value] ?? ""
            // A situation without templates yet still leads somewhere useful: the search for its name.
            let url = count > 0 ? listing + "?" + Self.query(field.name, value) : search + "?" + Self.query("q", field.display(value))
            return SituationTile(value: value, label: field.display(value), count: count, countText: countText(count), url: url,
                                 slug: Slug.make(value), icon: icons[iconName])
        }
    }

    /// The pages the listing shows: those of the type in its folder.
    private func listed(type: ContentType, folder: String) -> [Page] {
        (site.sections[folder]?.pages ?? []).compactMap(site.page).filter { $0.type == type.id }
    }

    /// «3 шаблона»: the noun in the plural form the language wants after the number.
    private func countText(_ n: Int) -> String {
        if n == 0 { return context.strings["home.count.none"] }
        let form: String
        if context.site.config.language.hasPrefix("ru") {
            let (d, dd) = (n % 10, n % 100)
            form = d == 1 && dd != 11 ? "one" : (2...4).contains(d) && !(12...14).contains(dd) ? "few" : "many"
        } else {
            form = n == 1 ? "one" : "many"
        }
        return "\(n) " + context.strings["home.count.\(form)"]
    }

    /// `name=value`, percent-encoded for a query string.
    package static func query(_ name: String, _ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#;/?")
        let encode = { (s: String) in s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        return encode(name) + "=" + encode(value)
    }
}

/// The crisis console: «Что случилось?», a tile per situation, the listing they filter, the checklist.
package struct ConsoleInfo: TemplateValue {
    package var title: String
    /// Nil when almanac.yml names no situation field (or its type has no folder).
    package var situations: [SituationTile]?
    package var listing: Listing?
    package var checklist: LinkInfo?
    package var checklistIcon: String?

    package struct Listing: TemplateValue {
        package var title: String
        package var count: Int
        package var url: String

        package func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "count": return count
            case "url": return asText(url)
            default: return nil
            }
        }
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "situations": return situations
        case "hasSituations": return !(situations ?? []).isEmpty
        case "listing": return listing
        case "checklist": return checklist
        case "checklistIcon": return asText(checklistIcon)
        case "hasChecklist": return checklist != nil
        default: return nil
        }
    }
}

/// A situation: its icon, name, how many templates answer it, and where the tile leads.
package struct SituationTile: TemplateValue {
    package var value: String
    package var label: String
    package var count: Int
    package var countText: String
    package var url: String
    package var slug: String
    package var icon: String?

    package func child(named name: String) -> Any? {
        switch name {
        case "value": return asText(value)
        case "label": return asText(label)
        case "count": return count
        case "hasTemplates": return count > 0
        case "countText": return asText(countText)
        case "url": return asText(url)
        case "slug": return asText(slug)
        case "icon": return asText(icon ?? "")
        case "hasIcon": return icon != nil
        default: return nil
        }
    }
}
