import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite

/// What the approval packet shows for each text: its approval fields, its facts, the reply text
/// with placeholders marked, what each placeholder stands for, and the writers' notes — with
/// links turned into plain text, since the packet travels alone, by mail or on paper.
package struct ApprovalPacketContext {
    package let site: Site
    package let context: PageContext
    package let status: String
    package let preparedOn: IsoDate

    package func make(_ pages: [Page]) -> ApprovalPacketInfo {
        let dates = DateText(strings: context.strings)
        let items = pages.enumerated().map { index, page in item(page, number: index + 1, of: pages.count) }
        return ApprovalPacketInfo(site: .init(title: site.config.title, language: site.config.language), ui: context.uiContext,
                                  status: status, prepared: DatedText(iso: preparedOn.text, text: dates.long(preparedOn)), items: items)
    }

    private func item(_ page: Page, number: Int, of total: Int) -> ApprovalPacketInfo.Item {
        let approval = Approval(page.source)
        let missing = context.strings["export.missing"]
        let dates = DateText(strings: context.strings)
        let (fields, facts) = TypedFieldsContext(site: site, context: context).fields(of: page)
        func row(_ key: String, _ value: String?) -> ApprovalPacketInfo.Row {
            ApprovalPacketInfo.Row(label: context.strings[key], value: value ?? missing, isMissing: value == nil)
        }
        let shownFacts = facts.filter { !Self.approvalFields.contains($0.name ?? "") }
        return ApprovalPacketInfo.Item(
            number: number, total: total, title: page.title, description: page.description,
            typeTitle: site.config.type(page.type).singular,
            approval: [
                row("status.label", approval.status), row("approval.owner", approval.owner),
                row("approval.approved_by", approval.approvedBy),
                row("export.approved_on", approval.approvedOn.map(dates.long)),
                row("approval.review_by", approval.reviewBy.map(dates.long)),
                row("export.source", page.source.sourcePath),
            ],
            fields: fields, facts: shownFacts,
            notes: Self.standalone(page.rendered.html),
            hasNotes: !page.rendered.html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// Shown in the approval table already.
    private static let approvalFields: Set<String> = ["owner", "status", "approved_by", "approved_on", "review_by"]

    /// cmark's HTML without heading permalinks, links (their text stays) and images (their alt
    /// text stays): none of them leads anywhere from a file sent by mail. Headings go two levels
    /// down, under the packet's own, and lose their ids, which repeat from one text to the next.
    package static func standalone(_ html: String) -> String {
        var out = html.replacingOccurrences(of: #"\s*<a class="permalink"[^>]*>.*?</a>"#, with: "", options: .regularExpression)
        out = out.replacingOccurrences(of: #"<img [^>]*?alt="([^"]*)"[^>]*>"#, with: "[$1]", options: .regularExpression)
        out = out.replacingOccurrences(of: #"<img [^>]*>"#, with: "", options: .regularExpression)
        out = out.replacingOccurrences(of: #"<a [^>]*>|</a>"#, with: "", options: .regularExpression)
        for level in [4, 3, 2, 1] {
            out = out.replacingOccurrences(of: #"<h\#(level)( id="[^"]*")?>"#, with: "<h\(min(level + 2, 6))>", options: .regularExpression)
            out = out.replacingOccurrences(of: "</h\(level)>", with: "</h\(min(level + 2, 6))>")
        }
        return out
    }

    package init(site: Site, context: PageContext, status: String, preparedOn: IsoDate) {
        self.site = site
        self.context = context
        self.status = status
        self.preparedOn = preparedOn
    }
}

/// The approval packet's context: the texts to approve, each with its approval table, fields and notes.
package struct ApprovalPacketInfo: TemplateValue, ThemeLayoutValue {
    package var site: Site
    package var ui: UIContext
    package var status: String
    package var prepared: DatedText
    package var items: [Item]
    package var icons = TextTable()

    package struct Site: TemplateValue {
        package var title: String
        package var language: String

        package func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "language": return asText(language)
            default: return nil
            }
        }
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "ui": return ui
        case "status": return asText(status)
        case "count": return items.count
        case "prepared": return prepared
        case "items": return items
        case "icons": return icons
        default: return nil
        }
    }

    package struct Item: TemplateValue {
        package var number: Int
        package var total: Int
        package var title: String
        package var description: String
        package var typeTitle: String
        package var approval: [Row]
        package var fields: FieldTable
        package var facts: [FieldInfo]
        package var notes: String
        package var hasNotes: Bool

        package func child(named name: String) -> Any? {
            switch name {
            case "number": return number
            case "total": return total
            case "title": return asText(title)
            case "description": return asText(description)
            case "anchor": return asText("text-\(number)")
            case "typeTitle": return asText(typeTitle)
            case "approval": return approval
            case "fields": return fields
            case "facts": return facts
            case "hasFacts": return !facts.isEmpty
            case "notes": return asText(notes)
            case "hasNotes": return hasNotes
            default: return nil
            }
        }
    }

    /// A line of the approval table; a missing value shows the «не указано» mark.
    package struct Row: TemplateValue {
        package var label: String
        package var value: String
        package var isMissing: Bool

        package func child(named name: String) -> Any? {
            switch name {
            case "label": return asText(label)
            case "value": return asText(value)
            case "isMissing": return isMissing
            default: return nil
            }
        }
    }
}
