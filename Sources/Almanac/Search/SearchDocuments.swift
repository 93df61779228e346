extension Site {
    /// What the search indexer gets: plain values for every page, in navigation order.
    public var searchDocuments: [SearchDocument] {
        pages.map { page in
            let sectionId = page.source.isSectionIndex ? Navigation.parentFolder(page.id) : page.source.parentSection
            var sections = page.rendered.sections
            if sections.isEmpty || !sections[0].anchor.isEmpty {
                sections.insert(SearchSection(anchor: "", heading: "", level: 0, text: ""), at: 0)
            }
            return SearchDocument(
                url: page.address.path(offline: offline), title: page.title, description: page.description,
                type: page.source.isSectionIndex ? "section" : page.type, section: sectionId,
                sectionTitle: self.sections[sectionId]?.title ?? "",
                tags: page.tags, status: page.source.meta("status")?.string, sections: sections)
        }
    }
}
