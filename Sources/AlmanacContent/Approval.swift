import Foundation
import AlmanacCore

/// A page's place in the approval workflow, read from its front matter: who owns the wording,
/// whether and when it was approved, and when it must be read again. In a crisis a team may send
/// only wording that legal or the communications lead approved, and approval goes stale.
public struct Approval: Sendable, Hashable {
    /// The workflow's states, in the order a text passes through them.
    public static let statuses = ["черновик", "на согласовании", "согласовано", "устарело"]
    public static let approved = "согласовано"
    public static let obsolete = "устарело"

    /// The approval fields any page may carry, whatever its type; a type may declare them itself
    /// (with labels, or `required`), and its declaration wins.
    package static let fields: [FieldSchema] = [
        FieldSchema(name: "owner", kind: .string), FieldSchema(name: "status", kind: .string, values: statuses),
        FieldSchema(name: "approved_by", kind: .string), FieldSchema(name: "approved_on", kind: .date),
        FieldSchema(name: "review_by", kind: .date),
    ]

    public var status: String?
    /// The role that answers for the wording: «Руководитель PR».
    public var owner: String?
    public var approvedBy: String?
    public var approvedOn: IsoDate?
    public var reviewBy: IsoDate?

    public init(_ page: SourcePage) {
        func text(_ key: String) -> String? {
            guard let s = page.meta(key)?.string?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
            return s
        }
        status = text("status")
        owner = text("owner")
        approvedBy = text("approved_by")
        approvedOn = text("approved_on").flatMap(IsoDate.init)
        reviewBy = text("review_by").flatMap(IsoDate.init)
    }

    /// Whether the page takes part in the workflow: its type declares `owner`, or the page carries
    /// approval fields itself. A status alone counts only where the type has no `status` of its
    /// own: such a type has its own vocabulary, not this workflow.
    public static func isGoverned(_ page: SourcePage, type: ContentType) -> Bool {
        guard !page.isSectionIndex else { return false }
        if type.field("owner") != nil { return true }
        return ["approved_by", "approved_on", "review_by"].contains { page.meta($0) != nil }
            || (type.field("status") == nil && page.meta("status") != nil)
    }

    /// `на-согласовании`, `На согласовании ` → `на согласовании`: the spelling a shell makes easy.
    public static func status(named text: String) -> String? {
        let wanted = text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .split(separator: " ").joined(separator: " ").lowercased()
        return statuses.first { $0 == wanted }
    }
}
