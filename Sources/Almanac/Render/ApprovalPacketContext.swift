import Foundation

/// What the approval packet shows for each text: its approval fields, its facts, the reply text
/// with placeholders marked, what each placeholder stands for, and the writers' notes — with
/// links turned into plain text, since the packet travels alone, by mail or on paper.
struct ApprovalPacketContext {
    let site: Site
    let context: PageContext
    let status: String
    let preparedOn: IsoDate

    func make(_ pages: [Page]) -> ApprovalPacketInfo {
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
    static func standalone(_ html: String) -> String {
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
}

/// The approval packet's context: the texts to approve, each with its approval table, fields and notes.
struct ApprovalPacketInfo: TemplateValue, ThemeLayoutValue {
    var site: Site
    var ui: UIContext
    var status: String
    var prepared: DatedText
    var items: [Item]
    var icons = TextTable()

    struct Site: TemplateValue {
        var title: String
        var language: String

        func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "language": return asText(language)
            default: return nil
            }
        }
    }

    func child(named name: String) -> Any? {
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

    struct Item: TemplateValue {
        var number: Int
        var total: Int
        var title: String
        var description: String
        var typeTitle: String
        var approval: [Row]
        var fields: FieldTable
        var facts: [FieldInfo]
        var notes: String
        var hasNotes: Bool

        func child(named name: String) -> Any? {
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
    struct Row: TemplateValue {
        var label: String
        var value: String
        var isMissing: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "label": return asText(label)
            case "value": return asText(value)
            case "isMissing": return isMissing
            default: return nil
            }
        }
    }
}
