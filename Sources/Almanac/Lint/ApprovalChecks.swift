/// Templates a team can trust: each warning names a text whose approval can no longer be relied
/// on — its review date has passed, it was edited after it was approved, or nobody owns it.
/// Warnings rather than errors: on the day of a crisis an urgent fix must still publish;
/// `--strict` makes them fatal where a team wants that (CI before release).
enum ApprovalChecks {
    static func check(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in site.pages where Approval.isGoverned(page.source, type: site.config.type(page.type)) {
            let approval = Approval(page.source)
            let source = page.source
            if approval.owner == nil {
                diagnostics.append(.warning(
                    "у текста нет владельца: поле «owner» не заполнено", file: source.sourcePath,
                    line: source.frontMatter["owner"] != nil ? source.metaLine("owner") : source.metaLine("status"),
                    code: .noOwner,
                    hint: "укажите роль, которая отвечает за формулировку, например owner: Руководитель PR"))
            }
            if approval.status == Approval.obsolete { continue }
            if let reviewBy = approval.reviewBy, reviewBy < site.today {
                diagnostics.append(.warning(
                    "срок пересмотра прошёл: review_by \(reviewBy.text), сегодня \(site.today.text)",
                    file: source.sourcePath, line: source.metaLine("review_by"), code: .reviewOverdue,
                    hint: "перечитайте текст\(approval.owner.map { " с владельцем (\($0))" } ?? ""), затем перенесите review_by "
                        + "или поставьте status: устарело"))
            }
            if approval.status == Approval.approved, let approvedOn = approval.approvedOn,
               let edit = site.history.lastEdit(source.sourcePath), let editedOn = IsoDate(edit.date), approvedOn < editedOn {
                diagnostics.append(.warning(
                    "текст изменён после согласования \(approvedOn.text): коммит \(edit.date) «\(edit.subject)»",
                    file: source.sourcePath, line: source.metaLine("approved_on"), code: .editedAfterApproval,
                    hint: "отправьте текст на согласование (status: на согласовании) или, если правка не меняет смысла, "
                        + "получите подтверждение и обновите approved_on"))
            }
        }
        return diagnostics
    }
}
