/// Paths inside content/ and the output, always with `/`: page ids, section ids, output paths.
package enum FolderPath {
    /// `a/b/c` → `a/b`; a path without a folder → "" (the site's root).
    package static func parent(of path: String) -> String {
        // On UTF-8: a byte search, where a Character search breaks the path into graphemes.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }
}
