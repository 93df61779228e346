extension Site {
    /// Every page as the search index sees it, in navigation order: page numbers in the index are
    /// positions in this list. Section pages are included; their titles and text are searched too.
    public func searchDocuments() -> [SearchDocument] {
        let root = PageAddress(directory: "")
        return pages.map { page in
            let section = page.source.isSectionIndex ? page.id : page.source.parentSection
            return SearchDocument(
                url: root.relativeURL(to: page.address, offline: offline), title: page.title,
                description: page.description, type: page.type, section: section,
                sectionTitle: sections[section]?.title ?? "", tags: page.tags,
                status: page.source.meta("status")?.string, sections: page.rendered.sections)
        }
    }

    /// The settings from almanac.yml, with the types' human names for result lists and filters.
    public var searchSettings: SearchSettings {
        var settings = config.search
        for type in config.contentTypes where settings.typeNames[type.id] == nil {
            settings.typeNames[type.id] = type.singular
        }
        return settings
    }
}
