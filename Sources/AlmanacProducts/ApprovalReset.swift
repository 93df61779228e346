import Foundation
import Almanac

/// Clears a page's approval in its front matter: `status` becomes «черновик», `owner`,
/// `approved_by`, `approved_on` and `review_by` lose their values. `almanac init
/// --with-knowledge-base` runs it over every bundled page, because the base's approvals belong
/// to a fictional company and must not pass for the new team's.
///
/// The edit is done on lines, not by re-serialising YAML: every other byte of the file (comments,
/// key order, quoting, block scalars, CRLF line ends, the body) stays as the writer left it.
public enum ApprovalReset {
    public static let draftStatus = "черновик"
    /// Top-level keys whose values are cleared.
    public static let clearedKeys = ["owner", "approved_by", "approved_on", "review_by"]

    /// The text with the approval reset, or the text unchanged when it has no front matter.
    public static func reset(_ text: String) -> String {
        // Split on the byte: in Swift "\r\n" is one Character and would not split on "\n".
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let first = lines.first, isFence(first) else { return text }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else { return text }
        var result: [String] = [lines[0]]
        var index = 1
        while index < close {
            let line = lines[index]
            let ending = line.hasSuffix("\r") ? "\r" : ""
            guard let key = topLevelKey(line), key == "status" || clearedKeys.contains(key) else {
                result.append(line)
                index += 1
                continue
            }
            result.append(key == "status" ? "\(key): \(draftStatus)\(ending)" : "\(key):\(ending)")
            index += 1
            // The old value may continue on indented lines (a block scalar or a list): they go with it.
            while index < close, isContinuation(lines[index...close]) { index += 1 }
        }
        result.append(contentsOf: lines[close...])
        lines = result
        return lines.joined(separator: "\n")
    }

    private static func isFence(_ line: String) -> Bool {
        line == "---" || line == "---\r"
    }

    /// `key` of a `key: value` line at column 0 (plain or quoted key), nil for anything else.
    package static func topLevelKey(_ line: String) -> String? {
        guard let c = line.first, c != " ", c != "\t", c != "#", c != "-" else { return nil }
        var key = Substring(line)
        var rest: Substring
        if c == "\"" || c == "'" {
            guard let end = line.dropFirst().firstIndex(of: c) else { return nil }
            key = line[line.index(after: line.startIndex)..<end]
            rest = line[line.index(after: end)...]
        } else {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            key = line[..<colon]
            rest = line[colon...]
        }
        guard rest.first == ":" else { return nil }
        let after = rest.dropFirst()
        guard after.isEmpty || after.first == " " || after.first == "\t" || after.first == "\r" else { return nil }
        return String(key).trimmingCharacters(in: .whitespaces)
    }

    /// An indented line or a list item at column 0 (YAML allows `key:\n- a`); a blank line only
    /// when the value goes on after it (a block scalar's empty line), so a blank line between keys stays.
    private static func isContinuation(_ lines: ArraySlice<String>) -> Bool {
        let line = lines[lines.startIndex]
        if line.isEmpty || line == "\r" {
            guard let next = lines.dropFirst().dropLast().first(where: { !$0.isEmpty && $0 != "\r" }) else { return false }
            return next.first == " " || next.first == "\t"
        }
        let c = line.first!
        if c == " " || c == "\t" { return true }
        return line.hasPrefix("- ") || line == "-" || line == "-\r"
    }
}
