import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
/// The fields of BM25F, in the order of `SearchSettings.FieldWeights`.
package enum SearchField: Int, CaseIterable {
    case title = 0, headings, meta, body, phrasings
    package static let count = 5
}

/// How often each distinct word occurs in each field of one page.
package struct ScannedDocument: Sendable {
    /// Word ids of the chunk the page was scanned in.
    package var words: [Int32] = []
    /// `SearchField.count` counts per word.
    package var tf: [UInt16] = []
}

/// Pages scanned by one worker, with the words its ids stand for.
package struct ScannedChunk: Sendable {
    package var words: [String]
    package var documents: [ScannedDocument]
}

/// Tokenizes pages into per-word counts. One scanner per worker: its word table and scratch
/// arrays are reused from page to page and never shared.
package struct DocumentScanner: WordSink {
    private var table = WordTable()
    /// Word id → its entry in the page being scanned, or -1.
    private var entryOf: [Int32] = []
    private var words: [Int32] = []
    private var tf: [UInt16] = []
    private var field = 0

    package static func scan(_ documents: ArraySlice<SearchDocument>) -> ScannedChunk {
        var scanner = DocumentScanner()
        var tokenizer = Tokenizer()
        let scanned = documents.map { scanner.scan($0, with: &tokenizer) }
        return ScannedChunk(words: (0..<scanner.table.count).map { scanner.table.word($0) }, documents: scanned)
    }

    package mutating func scan(_ doc: SearchDocument, with tokenizer: inout Tokenizer) -> ScannedDocument {
        add(doc.title, .title, &tokenizer)
        add(doc.description, .meta, &tokenizer)
        for tag in doc.tags { add(tag, .meta, &tokenizer) }
        for value in doc.metaValues { add(value, .meta, &tokenizer) }
        for phrase in doc.phrasings { add(phrase, .phrasings, &tokenizer) }
        for section in doc.sections {
            add(section.heading, .headings, &tokenizer)
            add(section.text, .body, &tokenizer)
        }
        for id in words { entryOf[Int(id)] = -1 }
        defer {
            words = []
            tf = []
        }
        return ScannedDocument(words: words, tf: tf)
    }

    private mutating func add(_ text: String, _ field: SearchField, _ tokenizer: inout Tokenizer) {
        guard !text.isEmpty else { return }
        self.field = field.rawValue
        tokenizer.forEachWord(in: text, into: &self)
    }

    package mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) {
        let id = Int(table.intern(bytes))
        if id >= entryOf.count { entryOf.append(contentsOf: repeatElement(-1, count: max(id + 1, 2 * entryOf.count) - entryOf.count)) }
        var entry = Int(entryOf[id])
        if entry < 0 {
            entry = words.count
            entryOf[id] = Int32(entry)
            words.append(Int32(id))
            tf.append(contentsOf: repeatElement(0, count: SearchField.count))
        }
        let k = entry &* SearchField.count &+ field
        if tf[k] < .max { tf[k] &+= 1 }
    }
}
