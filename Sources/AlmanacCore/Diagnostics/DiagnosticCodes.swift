/// The codes a site can turn off in almanac.yml (`lint: {orphan-page: off}`). Only warnings are
/// ever dropped: an error with one of these codes (a broken link under `links: error`) still stops
/// the build, since turning a check off must not publish a site that is unsafe or wrong.
public enum DiagnosticCodes {
    public static let silenceable: Set<String> = [
        "alias", "anchor-alias", "anchor-removed", "broken-anchor", "broken-link", "duplicate-title",
        "duplicate-url", "edited-after-approval", "front-matter", "hidden-file", "icon", "image-alt",
        "index-file", "link-style", "missing-image", "no-owner", "orphan-page", "placeholder",
        "repeated-paragraph", "review-overdue", "schema", "slug", "symlink",
    ]
}

extension Array where Element == Diagnostic {
    /// Without the warnings whose codes the site turned off.
    public func droppingWarnings(_ codes: Set<String>) -> [Diagnostic] {
        codes.isEmpty ? self : filter { $0.severity == .error || !codes.contains($0.code) }
    }
}
