import AlmanacCore

/// What the Markdown stage made of a body, kept by the build cache under the hash of the body,
/// the renderer's options and the site's link targets (see `Pipeline/MarkdownMemo`).
extension RenderedPage: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        self.init(html: try reader.readStoredText(), headings: try reader.readArray(), links: try reader.readArray(),
                  sections: try reader.readArray(), leadingTitle: try reader.readOptionalString(),
                  wordCount: try reader.readInt(), problems: try reader.readArray(), sectionsHash: try reader.read())
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(htmlText)
        writer.write(headings)
        writer.write(links)
        writer.write(sections)
        writer.write(leadingTitle)
        writer.write(wordCount)
        writer.write(problems)
        writer.write(sectionsHash ?? Self.hash(of: sections))
    }
}

extension Heading: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        self.init(level: try reader.readInt(), text: try reader.readString(), anchor: try reader.readString(), line: try reader.readInt())
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(level)
        writer.write(text)
        writer.write(anchor)
        writer.write(line)
    }
}

extension OutgoingLink: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        self.init(destination: try reader.readString(), line: try reader.readInt(), column: try reader.readInt(),
                  isImage: try reader.readBool(), hasText: try reader.readBool())
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(destination)
        writer.write(line)
        writer.write(column)
        writer.write(isImage)
        writer.write(hasText)
    }
}

extension SearchSection: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        self.init(anchor: try reader.readString(), heading: try reader.readString(), level: try reader.readInt(),
                  text: try reader.readStoredText())
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(anchor)
        writer.write(heading)
        writer.write(level)
        writer.write(storedText)
    }
}

extension MarkdownProblem: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        self.init(line: try reader.readInt(), code: try reader.read(), message: try reader.readString(),
                  hint: try reader.readOptionalString())
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(line)
        writer.write(code)
        writer.write(message)
        writer.write(hint)
    }
}
