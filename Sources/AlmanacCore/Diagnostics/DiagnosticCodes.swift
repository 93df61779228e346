/// The kind of a problem, a short stable name in output, JSON and almanac.yml (`lint: {orphan-page: off}`):
/// the raw values are what a writer sees and types, so a case is never renamed.
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case alias
    case anchorAlias = "anchor-alias"
    case anchorRemoved = "anchor-removed"
    case brokenAnchor = "broken-anchor"
    case brokenLink = "broken-link"
    case config
    case duplicateTitle = "duplicate-title"
    case duplicateURL = "duplicate-url"
    case editedAfterApproval = "edited-after-approval"
    case encoding
    /// `almanac new` would overwrite a page.
    case exists
    case footnoteDuplicate = "footnote-duplicate"
    case footnoteMissing = "footnote-missing"
    case frontMatter = "front-matter"
    /// Accepted in `lint:` (a site may have turned it off), though no check reports it today.
    case hiddenFile = "hidden-file"
    case i18n
    case icon
    case imageAlt = "image-alt"
    /// Accepted in `lint:` (a site may have turned it off), though no check reports it today.
    case indexFile = "index-file"
    case io
    case linkStyle = "link-style"
    case missingImage = "missing-image"
    case noOwner = "no-owner"
    case orphanPage = "orphan-page"
    case output
    case placeholder
    case repeatedParagraph = "repeated-paragraph"
    case reviewOverdue = "review-overdue"
    case schema
    case slug
    case symlink
    case template
    case usage

    /// Whether a site can turn the code off in almanac.yml (`lint: {orphan-page: off}`). Only warnings are
    /// ever dropped: an error with one of these codes (a broken link under `links: error`) still stops
    /// the build, since turning a check off must not publish a site that is unsafe or wrong.
    public var isSilenceable: Bool {
        switch self {
        case .alias, .anchorAlias, .anchorRemoved, .brokenAnchor, .brokenLink, .duplicateTitle, .duplicateURL,
             .editedAfterApproval, .frontMatter, .hiddenFile, .icon, .imageAlt, .indexFile, .linkStyle,
             .missingImage, .noOwner, .orphanPage, .placeholder, .repeatedParagraph, .reviewOverdue, .schema,
             .slug, .symlink:
            return true
        case .config, .encoding, .exists, .footnoteDuplicate, .footnoteMissing, .i18n, .io, .output, .template,
             .usage:
            return false
        }
    }

    /// The codes a site can turn off, in the order of their names.
    public static var silenceable: [DiagnosticCode] { allCases.filter(\.isSilenceable).sorted() }

    /// A problem with the call, the site's configuration or its theme rather than with its content:
    /// the command then exits with 2, not 1.
    public var isSetupProblem: Bool {
        switch self {
        case .config, .template, .i18n: return true
        default: return false
        }
    }

    /// Found while resolving a page's links and images (the preview redoes them when a target changes).
    public var isLinkProblem: Bool {
        switch self {
        case .brokenLink, .brokenAnchor, .missingImage, .imageAlt: return true
        default: return false
        }
    }

    /// Found while checking a page's old anchors against its headings (`anchors:` in front matter).
    public var isAnchorAliasProblem: Bool {
        switch self {
        case .anchorAlias, .anchorRemoved: return true
        default: return false
        }
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticCode: CustomStringConvertible {
    /// The name as written in output, so that an interpolated code never shows the Swift case name.
    public var description: String { rawValue }
}

extension Array where Element == Diagnostic {
    /// Without the warnings whose codes the site turned off.
    public func droppingWarnings(_ codes: Set<DiagnosticCode>) -> [Diagnostic] {
        codes.isEmpty ? self : filter { $0.severity == .error || !codes.contains($0.code) }
    }
}
