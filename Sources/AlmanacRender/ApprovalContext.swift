import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// The approval badge and the page's history, prepared for templates.
extension PageContext {
    /// `approval`: status (with a slug for its colour), owner, who approved and when, review deadline.
    /// Nothing for a page outside the workflow. Whether the review date has passed is left to
    /// `almanac check`: the output must not depend on the day it was built.
    package func approvalContext(_ page: Page) -> [String: Any]? {
        guard Approval.isGoverned(page.source, type: site.config.type(page.type)) else { return nil }
        let approval = Approval(page.source)
        let dates = DateText(strings: strings)
        var out: [String: Any] = [
            "hasStatus": approval.status != nil, "status": approval.status ?? "",
            "statusSlug": Slug.make(approval.status ?? ""),
            "hasOwner": approval.owner != nil, "owner": approval.owner ?? "",
            "hasApprovedBy": approval.approvedBy != nil, "approvedBy": approval.approvedBy ?? "",
            "hasApprovedOn": approval.approvedOn != nil, "hasReviewBy": approval.reviewBy != nil,
        ]
        if let d = approval.approvedOn { out["approvedOn"] = ["iso": d.text, "text": dates.long(d)] }
        if let d = approval.reviewBy { out["reviewBy"] = ["iso": d.text, "text": dates.long(d)] }
        return out
    }

    /// The page's last commits, newest first: date and subject.
    package func historyContext(_ page: Page) -> [[String: Any]] {
        let dates = DateText(strings: strings)
        return page.history.compactMap { commit in
            guard let d = IsoDate(commit.date) else { return nil }
            return ["iso": d.text, "text": dates.long(d), "subject": commit.subject]
        }
    }
}
