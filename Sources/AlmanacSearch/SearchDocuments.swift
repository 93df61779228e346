import AlmanacCore
import AlmanacMarkdown
import AlmanacSite
extension Site {
    /// What the search indexer gets: plain values for every page, in navigation order.
    public var searchDocuments: [SearchDocument] {
        pages.map { page in
            let sectionId = page.source.isSectionIndex ? FolderPath.parent(of: page.id) : page.source.parentSection
            var sections = page.rendered.sections
            if sections.isEmpty || !sections[0].anchor.isEmpty {
                sections.insert(SearchSection(anchor: "", heading: "", level: 0, text: ""), at: 0)
            }
            var doc = SearchDocument(
                url: page.address.path(offline: offline), title: page.title, description: page.description,
                type: page.source.isSectionIndex ? "section" : page.type, section: sectionId,
                sectionTitle: self.sections[sectionId]?.title ?? "",
                tags: page.tags, status: page.source.meta("status")?.string, sections: sections)
            doc.authors = config.isAuthorsPage(id: page.id)
            // The sections above follow from the rendered ones alone.
            doc.renderedSections = page.rendered.sectionsHash
            if !page.source.isSectionIndex, let type = config.contentTypes.first(where: { $0.id == page.type }) {
                for field in type.fields {
                    guard let role = field.search, let value = page.source.meta(field.name) else { continue }
                    let values = value.list.map { $0.compactMap(\.string) } ?? value.string.map { [$0] } ?? []
                    switch role {
                    case .phrasings: doc.phrasings += values
                    case .meta: doc.metaValues += values
                    case .label:
                        doc.metaValues += values
                        if doc.label.isEmpty { doc.label = values.joined(separator: ", ") }
                    case .channels: doc.channels += values
                    }
                }
            }
            return doc
        }
    }
}
