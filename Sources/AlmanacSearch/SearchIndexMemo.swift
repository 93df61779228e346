import Foundation
import AlmanacCore

/// What the search indexer keeps of one build for the next, so that a build after a small edit
/// tokenises, stems and compresses only what changed:
/// - each page's term counts, keyed by the hash of what the scanner reads of the page and of the
///   analysis settings (`Keys.scan`);
/// - the compressed bytes of each piece, keyed by the hash of its uncompressed bytes (term shards,
///   lexicons, filters), or for a page fragment, which is made from one page's fields alone, by
///   the hash of those fields (`Keys.fragment`), so an unchanged page is not even encoded.
///
/// The files a build writes are byte-identical with and without a memo, whatever earlier build
/// made it: a page is reused only under the same key, and everything that depends on more than
/// one page (the vocabulary, BM25F averages, impacts, postings, pieces) is recomputed from the
/// counts. The memo a build returns holds only what that build used, so entries of pages that
/// were deleted or edited do not pile up.
public struct SearchIndexMemo: Sendable, CacheCodable {
    /// Changes with the memo's layout and with anything that changes what a page's counts or a
    /// fragment's bytes are for the same input (scanner, analyzer, fragment format).
    package static let version = "almanac-search-memo 2"

    /// One page's counts as the memo holds them.
    package struct Entry: Sendable {
        package var key: ContentHash
        /// Term ids are positions in the memo's `terms`.
        package var counts: DocumentTerms
        /// `counts` as written, kept from the memo that was read while the ids still mean the same terms.
        package var encoded: [UInt8]?
    }

    /// The vocabulary of the build that made the memo, sorted as the index sorts it.
    package var terms: [String]
    package var entries: [Entry]
    /// How the pieces were compressed; they are reused only under the same compression.
    package var compression: String
    /// Piece key → compressed bytes, written in the order of `pieceKeys`.
    package var pieces: [ContentHash: [UInt8]]
    package var pieceKeys: [ContentHash]

    /// Pages whose counts the memo holds.
    public var pageCount: Int { entries.count }
    /// Compressed pieces the memo holds.
    public var pieceCount: Int { pieceKeys.count }

    /// How many of this memo's pages and pieces `other` holds too: what a build that returned
    /// this memo reused from `other` (for the benchmark and for diagnostics).
    public func shared(with other: SearchIndexMemo) -> (pages: Int, pieces: Int) {
        let pages = Set(other.entries.map(\.key))
        return (entries.count { pages.contains($0.key) }, pieceKeys.count { other.pieces[$0] != nil })
    }

    package init(terms: [String], entries: [Entry], compression: String, pieces: [(key: ContentHash, bytes: [UInt8])]) {
        self.terms = terms
        self.entries = entries
        self.compression = compression
        self.pieces = [:]
        self.pieces.reserveCapacity(pieces.count)
        pieceKeys = []
        pieceKeys.reserveCapacity(pieces.count)
        for (key, bytes) in pieces where self.pieces.updateValue(bytes, forKey: key) == nil {
            pieceKeys.append(key)
        }
    }

    /// The compression tag of a build: pieces of a memo with another tag are not reused.
    package static func compressionTag(compress: Bool) -> String { compress ? "zlib-libdeflate-1" : "none" }

    // MARK: Keys

    /// The hashes a page is looked up by.
    package struct Keys: Sendable {
        /// Everything the scanner reads (title, description, tags, meta values, phrasings,
        /// headings, text) and the analysis settings.
        package var scan: ContentHash
        /// Everything the page's fragment is made of (and the analysis settings, which change
        /// too rarely to be worth a third hash).
        package var fragment: ContentHash
    }

    /// The languages decide the stop words and the stemmers; the version the rest of the analysis.
    package static func analysisHash(languages: [String]) -> ContentHash {
        ContentHash(combining: [version, "languages"] + languages)
    }

    /// Each key hashes its fields written one after another with the cache's codec (lengths first,
    /// so no two pages run together alike): one hash per key, as a hash call costs about as much
    /// as hashing a kilobyte, and a page has dozens of fields. The text is named by the hash the
    /// Markdown stage kept of it (`renderedSections`) when there is one.
    package static func keys(of doc: SearchDocument, analysis: ContentHash) -> Keys {
        let sectionBytes = doc.renderedSections != nil ? 64
            : doc.sections.reduce(0) { $0 + $1.heading.utf8.count + $1.storedText.utf8Count + 8 }
        var text = CacheWriter(capacity: 256 + doc.title.utf8.count + doc.description.utf8.count + sectionBytes)
        text.write(raw: analysis.bytes)
        text.write(doc.title)
        text.write(doc.description)
        text.write(doc.tags)
        text.write(doc.metaValues)
        text.write(doc.phrasings)
        text.write(UInt64(doc.sections.count))
        if let rendered = doc.renderedSections {
            text.write("rendered sections")
            text.write(raw: rendered.bytes)
        } else {
            for section in doc.sections {
                text.write(section.heading)
                text.write(section.storedText)
            }
        }
        let scan = ContentHash(of: text.bytes)
        var rest = CacheWriter(capacity: 256)
        rest.write("fragment")
        rest.write(raw: scan.bytes)
        for field in [doc.url, doc.type, doc.section, doc.sectionTitle, doc.label] { rest.write(field) }
        rest.write(doc.status)
        for section in doc.sections {
            rest.write(section.anchor)
            rest.write(section.level)
        }
        return Keys(scan: scan, fragment: ContentHash(of: rest.bytes))
    }

    // MARK: Analysis with the memo

    /// The vocabulary and every page's term counts: a page whose scan key the memo holds takes
    /// its counts from there, the others are scanned and analysed as in a build without a memo.
    /// Also the entries of the memo to return, one per distinct key, in page order.
    package static func analyse(
        _ documents: [SearchDocument], keys: [ContentHash], memo: SearchIndexMemo?, analyzer: TermAnalyzer
    ) -> (terms: [String], counts: [DocumentTerms], entries: [Entry]) {
        var known: [ContentHash: Int] = [:]
        if let memo {
            known.reserveCapacity(memo.entries.count)
            for (e, entry) in memo.entries.enumerated() where known[entry.key] == nil { known[entry.key] = e }
        }
        // Per page: its entry in the memo, or -(its position among the pages scanned now) - 1.
        var source = [Int](repeating: 0, count: documents.count)
        var missing: [SearchDocument] = []
        for d in documents.indices {
            if let e = known[keys[d]] {
                source[d] = e
            } else {
                source[d] = -missing.count - 1
                missing.append(documents[d])
            }
        }
        let scanned = InvertedIndex.analyse(missing, analyzer: analyzer)
        let old = memo?.terms ?? []
        let oldEntries = memo?.entries ?? []

        // The terms of the memo that some page still uses, merged with the terms scanned now.
        var used = [Bool](repeating: false, count: old.count)
        for d in documents.indices where source[d] >= 0 {
            for t in oldEntries[source[d]].counts.terms { used[Int(t)] = true }
        }
        var terms: [String] = []
        terms.reserveCapacity(old.count + scanned.terms.count)
        var fromOld = [Int32](repeating: -1, count: old.count)
        var fromScanned = [Int32](repeating: -1, count: scanned.terms.count)
        var o = 0
        for (s, term) in scanned.terms.enumerated() {
            let p = lowerBound(of: term, in: old, from: o)
            for k in o..<p where used[k] {
                fromOld[k] = Int32(terms.count)
                terms.append(old[k])
            }
            if p < old.count && old[p] == term {
                fromOld[p] = Int32(terms.count)
                o = p + 1
            } else {
                o = p
            }
            fromScanned[s] = Int32(terms.count)
            terms.append(term)
        }
        for k in o..<old.count where used[k] {
            fromOld[k] = Int32(terms.count)
            terms.append(old[k])
        }
        // When the terms still used keep their positions (no term came or went before them), the
        // memo's ids are this build's, and its entries can be written again as they were read.
        let sameIds = old.indices.allSatisfy { !used[$0] || fromOld[$0] == Int32($0) }

        let scannedCounts = scanned.counts, mapOld = fromOld, mapScanned = fromScanned, origin = source
        let counts = Array(documents.indices).concurrentMap { d -> DocumentTerms in
            let s = origin[d]
            if s < 0 { return scannedCounts[-s - 1].renumbered(mapScanned) }
            return sameIds ? oldEntries[s].counts : oldEntries[s].counts.renumbered(mapOld)
        }

        var entries: [Entry] = []
        entries.reserveCapacity(documents.count)
        var written = Set<ContentHash>()
        written.reserveCapacity(documents.count)
        for d in documents.indices where written.insert(keys[d]).inserted {
            let s = source[d]
            entries.append(Entry(key: keys[d], counts: counts[d], encoded: s >= 0 && sameIds ? oldEntries[s].encoded : nil))
        }
        return (terms, counts, entries)
    }

    /// First position in `sorted[from...]` whose term does not sort before `term`.
    private static func lowerBound(of term: String, in sorted: [String], from: Int) -> Int {
        var low = from, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if Vocabulary.utf16Less(sorted[mid], term) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: Encoding

    public func write(to writer: inout CacheWriter) {
        writer.write(Self.version)
        writer.write(compression)
        writer.write(terms)
        let termCount = terms.count
        let blobs = entries.concurrentMap { $0.encoded ?? Self.encode($0.counts, termCount: termCount) }
        writer.write(UInt64(entries.count))
        for (entry, blob) in zip(entries, blobs) {
            writer.write(entry.key)
            writer.write(raw: blob)
        }
        writer.write(UInt64(pieceKeys.count))
        for key in pieceKeys {
            writer.write(key)
            writer.write(raw: pieces[key]!)
        }
    }

    public init(from reader: inout CacheReader) throws {
        guard try reader.readString() == Self.version else { throw CacheReader.Damaged() }
        compression = try reader.readString()
        terms = try reader.readStrings()
        // The merge in `analyse` relies on the order: strictly ascending, as the index sorts.
        for k in terms.indices.dropFirst() where !Vocabulary.utf16Less(terms[k - 1], terms[k]) {
            throw CacheReader.Damaged()
        }
        let entryCount = try reader.readUInt64()
        var keys: [ContentHash] = [], blobs: [[UInt8]] = []
        for _ in 0..<entryCount {  // each entry takes more than a byte: a damaged count runs out of bytes
            keys.append(try reader.read(ContentHash.self))
            blobs.append(try reader.readRaw())
        }
        let termCount = terms.count
        let decoded = blobs.concurrentMap { Self.decode($0, termCount: termCount) }
        entries = []
        entries.reserveCapacity(decoded.count)
        for (k, counts) in decoded.enumerated() {
            guard let counts else { throw CacheReader.Damaged() }
            entries.append(Entry(key: keys[k], counts: counts, encoded: blobs[k]))
        }
        let pieceCount = try reader.readUInt64()
        pieces = [:]
        pieceKeys = []
        for _ in 0..<pieceCount {
            let key = try reader.read(ContentHash.self)
            guard pieces.updateValue(try reader.readRaw(), forKey: key) == nil else { throw CacheReader.Damaged() }
            pieceKeys.append(key)
        }
        guard reader.isAtEnd else { throw CacheReader.Damaged() }
    }

    /// A page's counts: the number of terms; per term in ascending id order the gap from the
    /// previous id, a mask of the fields it occurs in and its count in each; the field lengths.
    package static func encode(_ counts: DocumentTerms, termCount: Int) -> [UInt8] {
        var w = CacheWriter(capacity: counts.terms.count * 4 + 16)
        let order = counts.terms.indices.sorted { counts.terms[$0] < counts.terms[$1] }
        w.write(UInt64(order.count))
        var previous: Int64 = -1
        for e in order {
            let id = Int64(counts.terms[e])
            w.write(UInt64(id - previous - 1))
            previous = id
            let tf = counts.tf[e * SearchField.count..<(e + 1) * SearchField.count]
            var mask: UInt64 = 0
            for (f, n) in tf.enumerated() where n > 0 { mask |= 1 << UInt64(f) }
            w.write(mask)
            for n in tf where n > 0 { w.write(UInt64(n)) }
        }
        for length in counts.lengths { w.write(UInt64(length)) }
        return w.bytes
    }

    /// nil for bytes that `encode` cannot have written for a vocabulary of `termCount` terms.
    package static func decode(_ bytes: [UInt8], termCount: Int) -> DocumentTerms? {
        var r = CacheReader(bytes)
        do {
            let count = try r.readUInt64()
            guard count <= UInt64(bytes.count) else { return nil }  // each term takes two bytes at least
            var out = DocumentTerms()
            out.terms.reserveCapacity(Int(count))
            // Most counts are zero: set the others in place rather than appending every one.
            out.tf = [UInt16](repeating: 0, count: Int(count) * SearchField.count)
            var previous: Int64 = -1
            for e in 0..<Int(count) {
                let gap = try r.readUInt64()
                guard gap < UInt64(termCount) else { return nil }
                let id = previous + 1 + Int64(gap)
                guard id < Int64(termCount) else { return nil }
                previous = id
                out.terms.append(Int32(id))
                var mask = try r.readUInt64()
                guard mask > 0, mask < 1 << UInt64(SearchField.count) else { return nil }
                while mask != 0 {
                    let f = mask.trailingZeroBitCount
                    mask &= mask - 1
                    let n = try r.readUInt64()
                    guard n > 0, n <= UInt64(UInt16.max) else { return nil }
                    out.tf[e * SearchField.count + f] = UInt16(n)
                }
            }
            for f in 0..<SearchField.count {
                let length = try r.readUInt64()
                guard length <= UInt64(Int32.max) else { return nil }
                out.lengths[f] = Int32(length)
            }
            return r.isAtEnd ? out : nil
        } catch {
            return nil
        }
    }
}

extension DocumentTerms {
    /// The same counts with term ids looked up in `ids`.
    package func renumbered(_ ids: [Int32]) -> DocumentTerms {
        var out = self
        for e in out.terms.indices { out.terms[e] = ids[Int(out.terms[e])] }
        return out
    }
}
