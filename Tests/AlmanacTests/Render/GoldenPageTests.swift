import Foundation
import Testing
@testable import Almanac

/// Whole generated pages of the basic fixture compared byte for byte with reviewed copies in
/// Tests/AlmanacTests/Golden. A theme or pipeline change that alters them must be looked at:
/// rerun with ALMANAC_UPDATE_GOLDEN=1, read `git diff Tests/AlmanacTests/Golden`, commit.
@Suite struct GoldenPageTests {
    static let golden = SharedMaterial.repositoryRoot.appendingPathComponent("Tests/AlmanacTests/Golden")
    static let pages = [
        "guide/first-step/index.html",  // article: facts from front matter, TOC, duplicate heading ids, image, tags
        "guide/index.html",             // a section's own page listing its children
        "404.html",
    ]

    /// The fixture is copied out of the repository so that no git history reaches the pages.
    static let output: URL = {
        let site = Fixtures.temporaryDirectory()
        let fm = FileManager.default
        let source = Fixtures.site("basic")
        try? fm.copyItem(at: source.appendingPathComponent("content"), to: site.appendingPathComponent("content"))
        try? fm.copyItem(at: source.appendingPathComponent("almanac.yml"), to: site.appendingPathComponent("almanac.yml"))
        try? fm.createSymbolicLink(at: site.appendingPathComponent("templates"),
                                   withDestinationURL: SharedMaterial.repositoryRoot.appendingPathComponent("templates"))
        let out = site.appendingPathComponent("public")
        _ = Build.run(BuildOptions(siteDirectory: site, output: out))
        return out
    }()

    @Test(arguments: pages) func pageMatchesItsReviewedCopy(_ path: String) throws {
        let actual = Fixtures.read(Self.output, path)
        #expect(!actual.isEmpty, "the build wrote no \(path)")
        let file = Self.golden.appendingPathComponent(path.replacingOccurrences(of: "/", with: "__"))
        if ProcessInfo.processInfo.environment["ALMANAC_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from \(file.lastPathComponent); see the comment on GoldenPageTests")
    }
}
