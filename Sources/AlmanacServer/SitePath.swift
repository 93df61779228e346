/// A request path turned into the output path of a site file, or refused.
///
/// The preview answers only from the site's own file list, so nothing outside it can be named;
/// paths that try anyway (`..`, `%2e%2e`, `//etc`, backslashes, NUL) are refused outright rather
/// than normalised, so a probe never gets a page that looks like success.
public enum SitePath: Equatable, Sendable {
    /// Output path of a file, e.g. `guide/first/index.html` (for `/guide/first/`).
    case file(String)
    /// The path names a folder without its trailing slash: relative links need the slash.
    case folder(String)
    case refused

    /// `rawPath` is percent-encoded as it came in the request line, without the query.
    public static func resolve(_ rawPath: String, exists: (String) -> Bool) -> SitePath {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\"), let decoded = rawPath.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\") else { return .refused }
        var path = Substring(decoded.dropFirst())
        let isFolder = path.isEmpty || path.hasSuffix("/")
        if path.hasSuffix("/") { path = path.dropLast() }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if !path.isEmpty && parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return .refused }
        let normalized = String(path).precomposedStringWithCanonicalMapping
        if isFolder { return .file(normalized.isEmpty ? "index.html" : normalized + "/index.html") }
        if !exists(normalized) && exists(normalized + "/index.html") { return .folder(normalized + "/") }
        return .file(normalized)
    }
}

import Foundation
