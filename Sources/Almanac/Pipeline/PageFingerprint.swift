import Foundation

/// What a content page's HTML depends on, for the build cache: the page itself (its source,
/// rendered Markdown, backlinks, references, history) and what it shows of every other page —
/// the faces: titles, descriptions, addresses, front matter, sections and tags, from which the
/// sidebars, listings and neighbours are made — under the theme and settings. A page whose
/// fingerprint is the one recorded for the published file is not rendered again. A body edit
/// leaves the faces alone, so only the edited page and those whose backlinks changed are
/// rendered; a new title changes a face, and every page is. The generator's own pages follow
/// from the faces alone (`generated`).
enum PageFingerprint {
    /// `faces` is `faces(site, context:)`; `markdown` names what each page's rendered Markdown
    /// follows from (a page without an entry has its rendered Markdown hashed instead).
    static func all(_ site: Site, faces face: ContentHash, markdown: [String: ContentHash]) -> [ContentHash] {
        return site.pages.concurrentMap { page in
            var writer = CacheWriter(capacity: 4096)
            writeOwn(page, markdown: markdown[page.id], to: &writer)
            var hasher = ContentHasher()
            hasher.add(face)
            hasher.add(writer.bytes)
            return hasher.finish()
        }
    }

    /// The page's own inputs: its source, rendered Markdown (by the key it follows from, when
    /// known), backlinks, references, anchor aliases and history.
    static func writeOwn(_ page: Page, markdown key: ContentHash? = nil, to writer: inout CacheWriter) {
        writer.write(page.source)
        if let key {
            // The anchor targets the graph adds to the HTML follow from `anchorAliases`, written below.
            writer.write(key)
        } else {
            writer.write(page.rendered)
        }
        writer.write(page.backlinks)
        writer.write(page.referencedBy.flatMap { [$0.field, $0.pageId] })
        writer.write(page.anchorAliases)
        writer.write(page.updated)
        writer.write(page.history.flatMap { [$0.date, $0.subject] + $0.files.map(\.path) })
    }

    /// What the generator's own pages (listings, tags, search, playbook, what's new, redirects,
    /// 404) follow from: every face, the configuration (in `settings`: a page carries it in its
    /// Markdown key), the history what's new lists, and the source files it maps commits to.
    /// Each such page's fingerprint is this with its output path.
    static func generated(_ site: Site, faces: ContentHash, settings: ContentHash) -> ContentHash {
        var writer = CacheWriter(capacity: 1 << 16)
        writer.write(faces)
        writer.write(settings)
        for commit in site.history.commits {
            writer.write(commit.date)
            writer.write(commit.subject)
            writer.write(commit.files.map { $0.path + ($0.created ? "+" : "") })
        }
        writer.write(site.pages.map(\.source.sourcePath))
        var hasher = ContentHasher()
        hasher.add(writer.bytes)
        return hasher.finish()
    }

    static func generated(_ all: ContentHash, path: String) -> ContentHash {
        ContentHash(combining: [all, ContentHash(of: path)])
    }

    static func faces(_ site: Site, context: ContentHash) -> ContentHash {
        var writer = CacheWriter(capacity: site.pages.count * 256)
        writer.write(site.offline)
        writer.write(site.history.isAvailable)
        writer.write(site.today.text)
        for page in site.pages {
            writer.write(page.id)
            writer.write(page.title)
            writer.write(page.description)
            writer.write(page.address.directory)
            writer.write(page.type)
            writer.write(page.tags)
            writer.write(page.weight)
            writer.write(page.date)
            writer.write(page.updated)
            writer.write(page.source.isSectionIndex)
            writer.write(page.source.parentSection)
            writer.write(page.source.frontMatter)
        }
        for id in site.sections.keys.sorted() {
            let section = site.sections[id]!
            writer.write(id)
            writer.write(section.title)
            writer.write(section.indexPage)
            writer.write(section.pages)
            writer.write(section.subsections)
            writer.write(section.weight)
        }
        for tag in site.tags {
            writer.write(tag.name)
            writer.write(tag.pages)
        }
        for redirect in site.redirects {
            writer.write(redirect.from.directory)
            writer.write(redirect.to)
        }
        writer.write(site.assets.map(\.contentPath))
        var hasher = ContentHasher()
        hasher.add(context)
        hasher.add(writer.bytes)
        return hasher.finish()
    }
}
