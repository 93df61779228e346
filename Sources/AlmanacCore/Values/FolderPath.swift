/// Paths inside content/ and the output, always with `/`: page ids, section ids, output paths.
package enum FolderPath {
    /// `a/b/c` → `a/b`; a path without a folder → "" (the site's root).
    package static func parent(of path: String) -> String {
        // On UTF-8: a byte search, where a Character search breaks the path into graphemes.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// In Unicode's composed form (NFC), as file names are compared: `й` typed on macOS arrives
    /// as `и` and a combining breve. Plain ASCII is NFC already and skips Foundation, which took
    /// a tenth of a second on the 10,000 paths of a large site.
    package static func composed(_ path: String) -> String {
        path.utf8.allSatisfy { $0 < 0x80 } ? path : path.precomposedStringWithCanonicalMapping
    }

    /// The form in which two paths name one file on macOS and Windows: composed and in lower case.
    package static func folded(_ path: String) -> String { composed(path).lowercased() }
}
