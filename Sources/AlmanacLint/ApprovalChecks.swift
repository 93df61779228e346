import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
/// Templates a team can trust: each warning names a text whose approval can no longer be relied
/// on — its review date has passed, it was edited after it was approved, or nobody owns it.
/// Warnings rather than errors: on the day of a crisis an urgent fix must still publish;
/// `--strict` makes them fatal where a team wants that (CI before release).
package enum ApprovalChecks {
    package static func check(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in site.pages where Approval.isGoverned(page.source, type: site.config.type(page.type)) {
            let approval = Approval(page.source)
            let source = page.source
            if approval.owner == nil {
                diagnostics.append(.warning(
                    .noOwner, file: source.sourcePath,
                    line: source.frontMatter["owner"] != nil ? source.metaLine("owner") : source.metaLine("status"),
                    code: .noOwner, hint: .nameOwner))
            }
            if approval.status == Approval.obsolete { continue }
            if let reviewBy = approval.reviewBy, reviewBy < site.today {
                diagnostics.append(.warning(
                    .reviewOverdue(reviewBy: reviewBy.text, today: site.today.text),
                    file: source.sourcePath, line: source.metaLine("review_by"), code: .reviewOverdue,
                    hint: .rereadText(owner: approval.owner)))
            }
            if approval.status == Approval.approved, let approvedOn = approval.approvedOn,
               let edit = site.history.lastEdit(source.sourcePath), let editedOn = IsoDate(edit.date), approvedOn < editedOn {
                diagnostics.append(.warning(
                    .editedAfterApproval(approvedOn: approvedOn.text, commitDate: edit.date, subject: edit.subject),
                    file: source.sourcePath, line: source.metaLine("approved_on"), code: .editedAfterApproval,
                    hint: .reapprove))
            }
        }
        return diagnostics
    }
}
