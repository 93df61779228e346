import Foundation

/// A file whose text is made only when it is written. `Build.run` hands every page to the writer
/// this way, so that a page's HTML lives from its rendering to its write and no longer: holding
/// the whole site's HTML (440 MB for 10,000 pages) doubled the build's peak memory.
public struct DeferredFile: Sendable {
    /// Forward-slash path relative to the output root, as in `OutputFile`.
    public var path: String
    public var text: @Sendable () -> String
    /// The build cache knows this file's inputs are those of the file already published at
    /// `path`: the writer links that file instead of making the text (and makes it when it is gone).
    public var reusable = false

    public init(path: String, text: @escaping @Sendable () -> String) {
        self.path = path
        self.text = text
    }
}
