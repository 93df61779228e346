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
    package static func values(of facet: String, _ documents: [SearchDocument], typeNames: [String: String]) -> [Value] {
        var byValue: [String: Value] = [:]
        for (i, doc) in documents.enumerated() {
            let pairs: [(String, String)]
            switch facet {
            case "type": pairs = [(doc.type, typeNames[doc.type] ?? doc.type)]
            case "section": pairs = [(doc.section, doc.sectionTitle.isEmpty ? doc.section : doc.sectionTitle)]
            case "tag": pairs = doc.tags.map { ($0.lowercased(), $0) }
            case "channel": pairs = doc.channels.map { ($0.lowercased(), $0) }
            default: pairs = [(doc.status ?? "", doc.status ?? "")]
            }
            for (value, label) in pairs where !value.isEmpty {
                if byValue[value]?.docs.last == Int32(i) { continue }
                byValue[value, default: Value(value: value, label: label, docs: [])].docs.append(Int32(i))
            }
        }
        return byValue.values.sorted { a, b in
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
