import Foundation
import Almanac

/// `almanac export --status на-согласовании`: one self-contained, printable HTML document with
/// every text in one approval status, so a lawyer or the communications lead reviews them in one
/// pass — owner and approval fields, the text with its placeholders marked and explained, and a
/// box for the decision. No scripts, styles inline, no links out: it works as a mail attachment.
public enum ApprovalPacket {
    public struct Result: Sendable {
        public var build: BuildResult
        /// The document, unless the build failed or no page has the status.
        public var html: String?
        /// Titles of the texts in the document, in its order.
        public var titles: [String]
    }

    /// Pages in `status`, in the order of the content types in almanac.yml, then navigation order.
    public static func make(_ options: BuildOptions, status: String) -> Result {
        var options = options
        options.writeOutput = false
        let build = Build.run(options)
        guard build.succeeded, let site = build.site else { return Result(build: build, html: nil, titles: []) }
        let (loaded, _) = Theme.load(siteDirectory: options.siteDirectory, language: site.config.language)
        guard let theme = loaded else { return Result(build: build, html: nil, titles: []) }
        let typeOrder = Dictionary(site.config.contentTypes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pages = site.pages.enumerated()
            .filter { Approval.isGoverned($1.source, type: site.config.type($1.type)) && Approval($1.source).status == status }
            .sorted { (typeOrder[$0.element.type] ?? Int.max, $0.offset) < (typeOrder[$1.element.type] ?? Int.max, $1.offset) }
            .map(\.element)
        guard !pages.isEmpty else { return Result(build: build, html: nil, titles: []) }
        let context = PageContext(site: site, strings: theme.strings)
        let packet = ApprovalPacketContext(site: site, context: context, status: status, preparedOn: options.today ?? .today())
        let html = theme.render(layout: "approval-packet", packet.make(pages))
        return Result(build: build, html: html, titles: pages.map(\.title))
    }

    /// `na-soglasovanii.html`: the status in Latin letters, for a file name any mail client keeps.
    public static func defaultFileName(status: String) -> String {
        Slug.make(status) + ".html"
    }
}
