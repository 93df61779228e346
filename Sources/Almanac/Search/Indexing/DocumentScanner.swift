/// The fields of BM25F, in the order of `SearchSettings.FieldWeights`.
enum SearchField: Int, CaseIterable {
    case title = 0, headings, meta, body
    static let count = 4
}

/// How often each distinct word occurs in each field of one page, and in which of its sections.
struct ScannedDocument: Sendable {
    /// Word ids of the chunk the page was scanned in.
    var words: [Int32] = []
    /// `SearchField.count` counts per word.
    var tf: [UInt16] = []
    /// Bit i: the word occurs in section i (its heading or text); sections past 31 share bit 31.
    var masks: [UInt32] = []
}

/// Pages scanned by one worker, with the words its ids stand for.
struct ScannedChunk: Sendable {
    var words: [String]
    var documents: [ScannedDocument]
}

/// Tokenizes pages into per-word counts. One scanner per worker: its word table and scratch
/// arrays are reused from page to page and never shared.
struct DocumentScanner {
    private var table = WordTable()
    /// Word id → its entry in the page being scanned, or -1.
    private var entryOf: [Int32] = []
    private var current = ScannedDocument()

    static func scan(_ documents: ArraySlice<SearchDocument>) -> ScannedChunk {
        var scanner = DocumentScanner()
        var tokenizer = Tokenizer()
        let scanned = documents.map { scanner.scan($0, with: &tokenizer) }
        return ScannedChunk(words: (0..<scanner.table.count).map { scanner.table.word($0) }, documents: scanned)
    }

    mutating func scan(_ doc: SearchDocument, with tokenizer: inout Tokenizer) -> ScannedDocument {
        current = ScannedDocument()
        add(doc.title, field: .title, mask: 0, &tokenizer)
        add(doc.description, field: .meta, mask: 0, &tokenizer)
        for tag in doc.tags { add(tag, field: .meta, mask: 0, &tokenizer) }
        for (i, section) in doc.sections.enumerated() {
            let bit = UInt32(1) << UInt32(min(i, 31))
            add(section.heading, field: .headings, mask: bit, &tokenizer)
            add(section.text, field: .body, mask: bit, &tokenizer)
        }
        for id in current.words { entryOf[Int(id)] = -1 }
        return current
    }

    private mutating func add(_ text: String, field: SearchField, mask: UInt32, _ tokenizer: inout Tokenizer) {
        guard !text.isEmpty else { return }
        tokenizer.forEachWord(in: text) { word in
            let id = Int(table.intern(word))
            if id >= entryOf.count { entryOf.append(contentsOf: repeatElement(-1, count: id + 1 - entryOf.count)) }
            var entry = Int(entryOf[id])
            if entry < 0 {
                entry = current.words.count
                entryOf[id] = Int32(entry)
                current.words.append(Int32(id))
                current.tf.append(contentsOf: repeatElement(0, count: SearchField.count))
                current.masks.append(0)
            }
            let k = entry * SearchField.count + field.rawValue
            if current.tf[k] < .max { current.tf[k] += 1 }
            current.masks[entry] |= mask
        }
    }
}
