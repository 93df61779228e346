import AlmanacCore
/// A stretch of a page under one heading.
public struct SearchSection: Sendable, Hashable {
    /// The heading's id on the page (`#anchor` without `#`), empty for the text before any heading.
    public var anchor: String
    public var heading: String
    /// 1…6, or 0 for the text before any heading.
    public var level: Int
    /// Plain text of the section: no markup, paragraphs separated by newlines. Kept as the
    /// cache's bytes until read (`StoredText`): only a page the index analyses again reads it.
    public var storedText: StoredText
    public var text: String {
        get { storedText.string }
        set { storedText = StoredText(newValue) }
    }

    public init(anchor: String, heading: String, level: Int, text: StoredText) {
        self.anchor = anchor
        self.heading = heading
        self.level = level
        self.storedText = text
    }

    public init(anchor: String, heading: String, level: Int, text: String) {
        self.init(anchor: anchor, heading: heading, level: level, text: StoredText(text))
    }
}
