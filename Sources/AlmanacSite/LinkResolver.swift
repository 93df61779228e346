import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown

/// Turns link destinations as writers type them (source paths of pages and files) into the
/// relative URLs of the built site, and says what is wrong with the ones that lead nowhere.
public struct LinkResolver: Sendable {
    public enum Target: Sendable, Hashable {
        /// Another page (or the same one), with an optional `#anchor` to check once headings are known.
        case page(id: String, anchor: String?)
        case asset(contentPath: String)
        case external
    }

    public struct Resolution: Sendable {
        public var href: String?
        public var target: Target?
        public var problem: Problem?
    }

    public enum Problem: Sendable, Hashable {
        case missingPage(path: String, suggestion: String?)
        case missingFile(path: String, suggestion: String?)
        case leavesContent(path: String)
        /// A link in URL style (`page/`, `../page/`) that names different pages read from the file's
        /// folder and from the page's address; it resolves to the first, and the writer is told.
        case ambiguous(path: String, chosen: String, other: String)
        /// A file in a hidden folder (`.vuepress/public/logo.png`): such folders are never published.
        case hidden(path: String)
    }

    /// Page ids by content path (`principles/empathy.md` → `principles/empathy`), and by folder for sections.
    private let pageByPath: [String: String]
    /// Folder → its own page's id (`_index.md`, `index.md` or `README.md`, see `index_files`).
    private let folderPage: [String: String]
    /// Address folder → page id, for links written as the site's URLs (`/guide/setup/`).
    private let pageByAddress: [String: String]
    /// Folders holding pages: those without a page of their own get a generated listing.
    private let folders: Set<String>
    /// The same keys (file path without `.md`, folder, address) in lower case: Hugo writes every
    /// URL in lower case, so `functions/partials/include/` means `functions/partials/Include.md`.
    private let pageByFoldedKey: [String: String]
    private let addresses: [String: PageAddress]
    private let assets: Set<String>
    public let offline: Bool
    private let pageSuggestions: LazySuggestionIndex
    private let fileSuggestions: LazySuggestionIndex

    public init(pages: [(id: String, contentPath: String, address: PageAddress)], assets: Set<String>, offline: Bool) {
        var byPath: [String: String] = [:]
        var addresses: [String: PageAddress] = [:]
        var folderPage: [String: String] = [:]
        var byAddress: [String: String] = [:]
        var folders: Set<String> = [""]
        var folded: [String: String] = [:]
        for page in pages {
            let withoutExtension = page.contentPath.hasSuffix(".md") ? String(page.contentPath.dropLast(3)) : page.contentPath
            for key in [withoutExtension, page.id, page.address.directory] where folded[key.lowercased()] == nil {
                folded[key.lowercased()] = page.id
            }
            byPath[page.contentPath] = page.id
            addresses[page.id] = page.address
            byAddress[page.address.directory] = page.id
            let folder = FolderPath.parent(of: page.contentPath)
            if page.id == folder { folderPage[folder] = page.id }
            var f = folder
            while !f.isEmpty, folders.insert(f).inserted { f = FolderPath.parent(of: f) }
        }
        self.pageByPath = byPath
        self.folderPage = folderPage
        self.pageByAddress = byAddress
        self.folders = folders
        self.pageByFoldedKey = folded
        self.addresses = addresses
        self.assets = assets
        self.offline = offline
        let paths = byPath
        pageSuggestions = LazySuggestionIndex { Array(paths.keys) }
        fileSuggestions = LazySuggestionIndex { Array(paths.keys) + assets }
    }

    public func address(of id: String) -> PageAddress? { addresses[id] }

    /// `from` is the linking page's content path and address.
    public func resolve(_ destination: String, fromContentPath from: String, address: PageAddress) -> Resolution {
        if destination.isEmpty { return Resolution(href: nil, target: nil, problem: nil) }
        if Self.isExternal(destination) { return Resolution(href: nil, target: .external, problem: nil) }

        var pathPart = destination
        var fragment: String?
        if let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) {
            pathPart = String(destination[..<hash])
            fragment = String(destination[destination.utf8.index(after: hash)...])
        }
        if let q = pathPart.utf8.firstIndex(of: UInt8(ascii: "?")) { pathPart = String(pathPart[..<q]) }
        let selfId = pageByPath[from] ?? ""
        if pathPart.isEmpty {
            // `#anchor` on the same page: nothing to rewrite, but the anchor must exist.
            return Resolution(href: nil, target: .page(id: selfId, anchor: fragment.flatMap(Self.decode)), problem: nil)
        }

        let decoded = FolderPath.composed(Self.decode(pathPart) ?? pathPart)
        let baseFolder = FolderPath.parent(of: from)
        guard let path = Self.normalize(decoded.hasPrefix("/") ? String(decoded.dropFirst()) : joined(baseFolder, decoded))
        else {
            // `../../page/` from `a/b.md` climbs out of the file's folder but not out of the page's
            // address `a/b/`: a link written for the built site.
            if let found = urlStyle(decoded, fileFolder: nil, address: address), let id = found.id {
                return Resolution(href: address.relativeURL(to: found.address, offline: offline) + (fragment.map { "#" + $0 } ?? ""),
                                  target: .page(id: id, anchor: fragment.flatMap(Self.decode)), problem: nil)
            }
            return Resolution(href: nil, target: nil, problem: .leavesContent(path: decoded))
        }
        let anchor = fragment.flatMap(Self.decode)
        let suffix = fragment.map { "#" + $0 } ?? ""

        if let id = pageByPath[path] ?? folderPage[path], let target = addresses[id] {
            return Resolution(href: address.relativeURL(to: target, offline: offline) + suffix,
                              target: .page(id: id, anchor: anchor), problem: nil)
        }
        if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            return Resolution(href: nil, target: nil, problem: .hidden(path: path))
        }
        if path.hasSuffix(".md") {
            let suggestion = pageSuggestions.suggestion(for: path)
            return Resolution(href: nil, target: nil, problem: .missingPage(path: path, suggestion: suggestion))
        }
        if assets.contains(path) {
            return Resolution(href: address.relativeURL(to: Self.percentEncode(path)) + suffix,
                              target: .asset(contentPath: path), problem: nil)
        }
        if let found = urlStyle(decoded, fileFolder: baseFolder, address: address) {
            let href = address.relativeURL(to: found.address, offline: offline) + suffix
            if let id = found.id {
                return Resolution(href: href, target: .page(id: id, anchor: anchor), problem: found.problem)
            }
            return Resolution(href: href, target: nil, problem: nil)
        }
        let suggestion = fileSuggestions.suggestion(for: path)
        return Resolution(href: nil, target: nil, problem: .missingFile(path: path, suggestion: suggestion))
    }

    /// A link written as the built site's URL, the way MkDocs, Hugo and hand-written HTML name
    /// pages: `dir/`, `page/`, `../page/`, `/abs/page/`, `page.html`, `page` without `.md`. It is
    /// read both from the file's folder and from the page's own address (a browser's reading: on
    /// `a/b/`, `page/` is `a/b/page/`), each as a file (`page.md`), a folder page and an address.
    /// One page found: that page; two: the file's reading, with a warning. A folder without a page
    /// of its own (a generated listing) is found too.
    private func urlStyle(_ decoded: String, fileFolder: String?, address: PageAddress)
        -> (id: String?, address: PageAddress, problem: Problem?)? {
        var raw = decoded
        if raw.hasSuffix("/index.html") || raw == "index.html" { raw.removeLast("index.html".count) }
        else if raw.hasSuffix(".html") || raw.hasSuffix(".htm") { raw = String(raw[..<raw.lastIndex(of: ".")!]) }
        let absolute = raw.hasPrefix("/")
        let bases = absolute ? [""] : [fileFolder, address.directory].compactMap { $0 }
        var found: [String] = []
        var listing: String?
        for base in bases {
            guard let key = Self.normalize(absolute ? String(raw.dropFirst()) : joined(base, raw)) else { continue }
            if let id = pageByPath[key + ".md"] ?? folderPage[key] ?? pageByAddress[key] ?? pageByFoldedKey[key.lowercased()] {
                if !found.contains(id) { found.append(id) }
            } else if listing == nil, folders.contains(key) {
                listing = key
            }
        }
        guard let first = found.first, let target = addresses[first] else {
            return listing.map { (nil, PageAddress(directory: $0), nil) }
        }
        var problem: Problem?
        if found.count > 1, let other = found.last {
            problem = .ambiguous(path: decoded, chosen: first, other: other)
        }
        return (first, target, problem)
    }

    private func joined(_ folder: String, _ path: String) -> String {
        folder.isEmpty ? path : folder + "/" + path
    }

    /// Folds `.` and `..`; nil when the path climbs out of content/.
    /// On UTF-8 bytes, as the two below: every link of every page passes here, and splitting
    /// into Characters (grapheme breaking) was most of the link check's time.
    package static func normalize(_ path: String) -> String? {
        var parts: [Substring.UTF8View] = []
        for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        var joined = ""
        for (i, part) in parts.enumerated() {
            if i > 0 { joined += "/" }
            joined += Substring(part)
        }
        return joined
    }

    package static func isExternal(_ destination: String) -> Bool {
        let utf8 = destination.utf8
        if utf8.starts(with: "//".utf8) { return true }
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = utf8[..<colon]
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy { isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
            || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    package static func decode(_ s: String) -> String? { s.utf8.contains(0x25) ? s.removingPercentEncoding ?? s : s }

    package static func percentEncode(_ path: String) -> String {
        // Most paths are plain ASCII slugs: skip Foundation's encoder for them.
        if path.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2F
            || $0 == 0x2E || $0 == 0x5F || ($0 >= 0x41 && $0 <= 0x5A) }) {
            return path
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
