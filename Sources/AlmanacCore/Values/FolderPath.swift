/// Paths inside content/ and the output, always with `/`: page ids, section ids, output paths.
package enum FolderPath {
    /// `a/b/c` → `a/b`; a path without a folder → "" (the site's root).
    package static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
