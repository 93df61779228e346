import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
import AlmanacSite

/// Checks of the site as a whole that no single stage can make: what a careful editor would
/// notice reading the knowledge base end to end. Every finding is a warning; `almanac build`
/// and `almanac check` both run them, so the bundled site has to stay clean.
///
/// Broken links and anchors, missing images, images without alt text (SiteGraph), schema
/// violations (SchemaValidator) and pages that claim one URL (SitePlan) are found by the
/// pipeline stages themselves; the checks here only add to them.
public enum SiteLint {
    public static func check(_ site: Site) -> [Diagnostic] {
        check(site, paragraphs: nil).diagnostics
    }

    /// With the paragraph memo of an earlier build: pages whose body is unchanged are not folded
    /// again. Returns the memo of this check.
    public static func check(_ site: Site, paragraphs memo: StageMemo<ParagraphHashes>?)
        -> (diagnostics: [Diagnostic], paragraphs: StageMemo<ParagraphHashes>)
    {
        let (repeated, paragraphs) = RepeatedParagraphs.check(site.pages, memo: memo)
        let diagnostics = DuplicateTitles.check(site.pages)
            + OrphanPages.check(site)
            + repeated
            + ApprovalChecks.check(site)
            + homeChecklist(site)
        return (diagnostics, paragraphs)
    }

    /// `home.checklist` names a page the home page puts above everything: it must exist.
    package static func homeChecklist(_ site: Site) -> [Diagnostic] {
        guard let path = site.config.home.checklist, let id = site.config.home.checklistId, site.page(id) == nil else { return [] }
        return [.warning(.homeChecklistMissing(path: path), file: ConfigLoader.fileName,
                         line: site.config.home.line, code: .config, hint: .checklistPath)]
    }

    /// Lower case, Markdown emphasis and quotes at word edges dropped, one space between words:
    /// the form in which two texts count as the same (see `FoldedText`).
    package static func fold(_ text: String) -> String { FoldedText(text).string }
}
