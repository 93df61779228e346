import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacLint
import AlmanacMarkdown
import AlmanacOutput
import AlmanacRender
import AlmanacSearch
import AlmanacSite

/// What a set of changed files means for the site: pages to read again, files to copy again,
/// or something that only a full build gets right.
package enum SourceChange: Equatable {
    /// almanac.yml, a template, a file added or deleted.
    case everything
    /// Content paths of edited pages; output paths of edited assets; content paths of Markdown
    /// files the site does not know (drafts, or new pages) that exist.
    case files(pages: [String], assets: [String], drafts: [String])

    /// `paths` are relative to the site folder. `knownFiles` are content paths the site was built
    /// from, `themeAssets` the output paths of the theme's assets (`assets/css/almanac.css`).
    package static func classify(_ paths: Set<String>, siteDirectory: URL, knownFiles: Set<String>,
                         themeAssets: Set<String>) -> SourceChange {
        var pages: [String] = [], assets: [String] = [], drafts: [String] = []
        let fm = FileManager.default
        for path in paths.sorted() {
            let parts = path.split(separator: "/")
            // Editors' swap and backup files: ContentDiscovery skips hidden files; `x.md~` and `#x#` never become pages.
            if parts.contains(where: { $0.hasPrefix(".") }) || path.hasSuffix("~") || (parts.last?.hasPrefix("#") ?? false) {
                continue
            }
            var isDirectory: ObjCBool = false
            let exists = fm.fileExists(atPath: siteDirectory.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if path == "almanac.yml" { return .everything }
            if path.hasPrefix("templates/archetypes/") { continue }
            if path.hasPrefix("templates/assets/") {
                let output = "assets/" + path.dropFirst("templates/assets/".count)
                if isDirectory.boolValue { if exists { continue } else { return .everything } }
                guard exists == themeAssets.contains(output) else { return .everything }
                if exists { assets.append(output) }
                continue
            }
            if path.hasPrefix("templates/") || path == "templates" { return .everything }
            guard path.hasPrefix("content/") else { continue }
            let contentPath = String(path.dropFirst("content/".count)).precomposedStringWithCanonicalMapping
            if isDirectory.boolValue { return .everything }  // a folder appeared: its files are new
            let known = knownFiles.contains(contentPath)
            switch (known, exists) {
            case (true, true):
                if contentPath.hasSuffix(".md") { pages.append(contentPath) } else { assets.append(contentPath) }
            case (false, false):
                // A folder moved away takes its pages with it; anything else was a temporary file.
                if knownFiles.contains(where: { $0.hasPrefix(contentPath + "/") }) { return .everything }
                continue
            case (false, true) where contentPath.hasSuffix(".md"):
                drafts.append(contentPath)
            default:
                return .everything  // added or deleted
            }
        }
        return .files(pages: pages, assets: assets, drafts: drafts)
    }
}
