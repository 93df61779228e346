import AlmanacCore
import AlmanacMarkdown
/// The pages of each filter value (content type, section, tag, status), one piece per facet,
/// fetched only once a reader uses that filter. The values themselves, with labels and counts,
/// travel in meta.json so the search page can offer them without fetching anything.
package struct FilterWriter {
    package struct Value: Sendable, Hashable {
        package var value: String
        package var label: String
        package var docs: [Int32]
    }

    package static let facets = ["type", "section", "tag", "status", "channel"]

    /// Values of one facet, most frequent first.
    ///
    /// A value is a function of the field as written (lower-cased for tags and channels), so each
    /// distinct spelling is lower-cased and looked up once: interning its bytes costs a fraction of
    /// Unicode-aware lower-casing and hashing per tag of every page (an eighth of indexing time on
    /// 10,000 pages after a one-page edit, when the rest comes from the build cache).
    package static func values(of facet: String, _ documents: [SearchDocument], typeNames: [String: String]) -> [Value] {
        var out: [Value] = []
        var byValue: [String: Int] = [:]
        var spellings = WordTable(capacity: 256)
        // Spelling id → its value's position in `out`.
        var valueOf: [Int] = []
        func add(_ written: String, _ d: Int, _ make: () -> (value: String, label: String)) {
            guard !written.isEmpty else { return }  // no value (and only a non-empty spelling lower-cases to one)
            var written = written
            let id = Int(written.withUTF8 { spellings.intern($0) })
            if id == valueOf.count {
                let (value, label) = make()
                if let v = byValue[value] {
                    valueOf.append(v)
                } else {
                    byValue[value] = out.count
                    valueOf.append(out.count)
                    out.append(Value(value: value, label: label, docs: []))
                }
            }
            let v = valueOf[id]
            if out[v].docs.last == Int32(d) { return }
            out[v].docs.append(Int32(d))
        }
        for d in documents.indices {
            switch facet {
            case "type":
                let type = documents[d].type
                add(type, d) { (type, typeNames[type] ?? type) }
            case "section":
                // The label is the first page's section title: a spelling is made a value once, at its first page.
                let section = documents[d].section, title = documents[d].sectionTitle
                add(section, d) { (section, title.isEmpty ? section : title) }
            case "tag": for tag in documents[d].tags { add(tag, d) { (tag.lowercased(), tag) } }
            case "channel": for channel in documents[d].channels { add(channel, d) { (channel.lowercased(), channel) } }
            default:
                let status = documents[d].status ?? ""
                add(status, d) { (status, status) }
            }
        }
        return out.sorted { a, b in
            a.docs.count != b.docs.count ? a.docs.count > b.docs.count : Vocabulary.utf16Less(a.value, b.value)
        }
    }

    /// Per value: kind 0 and a gap list, or kind 1 and a bitset, whichever is smaller.
    package static func encode(_ values: [Value], documentCount: Int) -> [UInt8] {
        var w = ByteWriter()
        w.varint(values.count)
        for v in values {
            var gaps = ByteWriter()
            gaps.varint(v.docs.count)
            var previous: Int32 = 0
            for d in v.docs {
                gaps.varint(UInt32(d - previous))
                previous = d
            }
            let bitsetSize = (documentCount + 7) / 8
            if gaps.bytes.count <= bitsetSize {
                w.byte(0)
                w.raw(gaps.bytes)
            } else {
                var bits = [UInt8](repeating: 0, count: bitsetSize)
                for d in v.docs { bits[Int(d) >> 3] |= 1 << UInt8(d & 7) }
                w.byte(1)
                w.raw(bits)
            }
        }
        return w.bytes
    }
}
