import Foundation

/// One file of the generated site, by its path relative to the output folder.
public struct OutputFile: Sendable {
    /// Forward-slash path relative to the output root (`replies/delay/index.html`).
    public var path: String
    public var contents: Contents

    public enum Contents: Sendable {
        case data(Data)
        /// A file copied as it is (images, theme assets), by absolute path.
        case copy(from: URL)
    }

    public init(path: String, data: Data) {
        self.path = path
        self.contents = .data(data)
    }

    public init(path: String, text: String) {
        self.path = path
        self.contents = .data(Data(text.utf8))
    }

    public init(path: String, copyFrom url: URL) {
        self.path = path
        self.contents = .copy(from: url)
    }
}
