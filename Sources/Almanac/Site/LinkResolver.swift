import Foundation

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
    }

    /// Page ids by content path (`principles/empathy.md` → `principles/empathy`), and by folder for sections.
    private let pageByPath: [String: String]
    private let addresses: [String: PageAddress]
    private let assets: Set<String>
    public let offline: Bool
    private let pageSuggestions: LazySuggestionIndex
    private let fileSuggestions: LazySuggestionIndex

    public init(pages: [(id: String, contentPath: String, address: PageAddress)], assets: Set<String>, offline: Bool) {
        var byPath: [String: String] = [:]
        var addresses: [String: PageAddress] = [:]
        for page in pages {
            byPath[page.contentPath] = page.id
            addresses[page.id] = page.address
        }
        self.pageByPath = byPath
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
        if let hash = destination.firstIndex(of: "#") {
            pathPart = String(destination[..<hash])
            fragment = String(destination[destination.index(after: hash)...])
        }
        if let q = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<q]) }
        let selfId = pageByPath[from] ?? ""
        if pathPart.isEmpty {
            // `#anchor` on the same page: nothing to rewrite, but the anchor must exist.
            return Resolution(href: nil, target: .page(id: selfId, anchor: fragment.flatMap(Self.decode)), problem: nil)
        }

        var decoded = Self.decode(pathPart) ?? pathPart
        // NFC, as file names are compared; plain ASCII is NFC already and skips Foundation.
        if !decoded.utf8.allSatisfy({ $0 < 0x80 }) { decoded = decoded.precomposedStringWithCanonicalMapping }
        let baseFolder = Navigation.parentFolder(from)
        guard let path = Self.normalize(decoded.hasPrefix("/") ? String(decoded.dropFirst()) : joined(baseFolder, decoded))
        else {
            return Resolution(href: nil, target: nil, problem: .leavesContent(path: decoded))
        }
        let anchor = fragment.flatMap(Self.decode)
        let suffix = fragment.map { "#" + $0 } ?? ""

        if let id = pageByPath[path] ?? pageByPath[path + "/_index.md"] ?? (path.isEmpty ? pageByPath["_index.md"] : nil),
           let target = addresses[id] {
            return Resolution(href: address.relativeURL(to: target, offline: offline) + suffix,
                              target: .page(id: id, anchor: anchor), problem: nil)
        }
        if path.hasSuffix(".md") {
            let suggestion = pageSuggestions.suggestion(for: path)
            return Resolution(href: nil, target: nil, problem: .missingPage(path: path, suggestion: suggestion))
        }
        if assets.contains(path) {
            return Resolution(href: address.relativeURL(to: Self.percentEncode(path)) + suffix,
                              target: .asset(contentPath: path), problem: nil)
        }
        let suggestion = fileSuggestions.suggestion(for: path)
        return Resolution(href: nil, target: nil, problem: .missingFile(path: path, suggestion: suggestion))
    }

    private func joined(_ folder: String, _ path: String) -> String {
        folder.isEmpty ? path : folder + "/" + path
    }

    /// Folds `.` and `..`; nil when the path climbs out of content/.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && scheme.first!.isLetter
    }

    static func decode(_ s: String) -> String? { s.utf8.contains(0x25) ? s.removingPercentEncoding ?? s : s }

    static func percentEncode(_ path: String) -> String {
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
