import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// The approval badge and the page's history, prepared for templates.
extension PageContext {
    /// `approval`: status (with a slug for its colour), owner, who approved and when, review deadline.
    /// Nothing for a page outside the workflow. Whether the review date has passed is left to
    /// `almanac check`: the output must not depend on the day it was built.
    package func approvalContext(_ page: Page) -> ApprovalInfo? {
        guard Approval.isGoverned(page.source, type: site.config.type(page.type)) else { return nil }
        let approval = Approval(page.source)
        let dates = DateText(strings: strings)
        return ApprovalInfo(status: approval.status, owner: approval.owner, approvedBy: approval.approvedBy,
                            approvedOn: approval.approvedOn.map { DatedText(iso: $0.text, text: dates.long($0)) },
                            reviewBy: approval.reviewBy.map { DatedText(iso: $0.text, text: dates.long($0)) })
    }

    /// The page's last commits, newest first: date and subject.
    package func historyContext(_ page: Page) -> [HistoryEntry] {
        let dates = DateText(strings: strings)
        return page.history.compactMap { commit in
            guard let d = IsoDate(commit.date) else { return nil }
            return HistoryEntry(iso: d.text, text: dates.long(d), subject: commit.subject)
        }
    }
}
