import AlmanacCore
/// A stretch of a page under one heading.
public struct SearchSection: Sendable, Hashable {
    /// The heading's id on the page (`#anchor` without `#`), empty for the text before any heading.
    public var anchor: String
    public var heading: String
    /// 1…6, or 0 for the text before any heading.
    public var level: Int
    /// Plain text of the section: no markup, paragraphs separated by newlines.
    public var text: String

    public init(anchor: String, heading: String, level: Int, text: String) {
        self.anchor = anchor
        self.heading = heading
        self.level = level
        self.text = text
    }
}
