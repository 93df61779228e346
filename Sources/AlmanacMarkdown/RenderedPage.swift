import AlmanacCore
/// What the Markdown stage makes of one page body.
public struct RenderedPage: Sendable {
    /// Kept as the cache's bytes until a page is rendered with it (`StoredText`).
    public var htmlText: StoredText
    public var html: String {
        get { htmlText.string }
        set { htmlText = StoredText(newValue) }
    }
    public var headings: [Heading]
    public var links: [OutgoingLink]
    /// Plain text cut at headings, for search and for summaries.
    public var sections: [SearchSection] {
        didSet { sectionsHash = nil }
    }
    /// Of every section's anchor, heading, level and text, made with them and kept in the build
    /// cache: a rebuild tells that a page's search text is unchanged without hashing the text of
    /// every page again (80 MB on 10,000 pages). Nil once `sections` changed.
    public private(set) var sectionsHash: ContentHash?
    /// Text of a leading `# ` heading, which is removed from `html` (the layout shows the title).
    public var leadingTitle: String?
    public var wordCount: Int
    /// What the writer should fix (a footnote without text, one defined twice), file lines.
    public var problems: [MarkdownProblem] = []

    public init(html: StoredText, headings: [Heading], links: [OutgoingLink], sections: [SearchSection],
                leadingTitle: String?, wordCount: Int, problems: [MarkdownProblem] = [], sectionsHash: ContentHash? = nil) {
        self.htmlText = html
        self.headings = headings
        self.links = links
        self.sections = sections
        self.sectionsHash = sectionsHash ?? Self.hash(of: sections)
        self.leadingTitle = leadingTitle
        self.wordCount = wordCount
        self.problems = problems
    }

    public init(html: String, headings: [Heading], links: [OutgoingLink], sections: [SearchSection],
                leadingTitle: String?, wordCount: Int, problems: [MarkdownProblem] = []) {
        self.init(html: StoredText(html), headings: headings, links: links, sections: sections, leadingTitle: leadingTitle,
                  wordCount: wordCount, problems: problems)
    }

    /// What `sectionsHash` holds.
    public static func hash(of sections: [SearchSection]) -> ContentHash {
        var hasher = ContentHasher()
        hasher.add("sections")
        hasher.add(sections.count)
        for section in sections {
            hasher.add(section.anchor)
            hasher.add(section.heading)
            hasher.add(section.level)
            section.storedText.withUTF8 { hasher.add(bytes: UnsafeRawBufferPointer($0)) }
        }
        return hasher.finish()
    }

    /// First paragraph's text, shortened: the fallback for a missing description.
    public var summary: String {
        let text = sections.first(where: { !$0.storedText.isEmpty })?.text ?? ""
        let firstParagraph = text.prefix(while: { $0 != "\n" }).prefix(400)
        return String(firstParagraph).shortened(to: 200)
    }
}

/// Something the Markdown stage noticed that the writer should fix; the site stage reports it
/// as a warning with the page's file.
public struct MarkdownProblem: Sendable, Hashable {
    /// Line in the source file.
    public var line: Int
    public var code: DiagnosticCode
    /// In words already (from the catalogue), so that the build cache keeps a page's problems as text.
    public var message: String
    public var hint: String?

    public init(line: Int, code: DiagnosticCode, message: String, hint: String?) {
        (self.line, self.code, self.message, self.hint) = (line, code, message, hint)
    }

    public init(line: Int, code: DiagnosticCode, message: DiagnosticMessage, hint: DiagnosticHint?) {
        self.init(line: line, code: code, message: message.text, hint: hint?.text)
    }
}

public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
    /// Line in the source file.
    public var line: Int
}

/// A link or image destination exactly as written, with where it was written.
public struct OutgoingLink: Sendable, Hashable {
    public var destination: String
    public var line: Int
    public var column: Int
    public var isImage: Bool
    /// For images: whether alt text was given.
    public var hasText: Bool
}

extension String {
    /// Cuts at a word boundary and adds an ellipsis.
    package func shortened(to limit: Int) -> String {
        guard count > limit else { return self }
        let cut = prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingCharacters(in: .whitespaces) + "…"
    }
}

import Foundation
