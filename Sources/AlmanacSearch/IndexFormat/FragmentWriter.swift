import AlmanacCore
import AlmanacMarkdown
/// One page's display data: what a result shows (title, link, type, section, tags, status) and
/// its text cut at headings, from which the runtime picks the snippet and checks quoted phrases.
/// Loaded only for the results on screen.
package enum FragmentWriter {
    package static func encode(_ doc: SearchDocument) -> [UInt8] {
        var w = ByteWriter(capacity: 1024 + doc.sections.reduce(0) { $0 + $1.storedText.utf8Count })
        for s in [doc.url, doc.title, doc.description, doc.type, doc.section, doc.sectionTitle, doc.status ?? ""] {
            w.string(s)
        }
        w.varint(doc.tags.count)
        for tag in doc.tags { w.string(tag) }
        w.varint(doc.sections.count)
        for section in doc.sections {
            w.byte(UInt8(clamping: section.level))
            w.string(section.anchor)
            w.string(section.heading)
            w.string(section.text)
        }
        // Since format 1.1: the result's label and the phrasings, after everything 1.0 read.
        w.string(doc.label)
        w.varint(doc.phrasings.count)
        for phrase in doc.phrasings { w.string(phrase) }
        return w.bytes
    }
}
