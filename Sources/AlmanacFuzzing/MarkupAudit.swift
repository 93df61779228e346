import Almanac
/// Finds markup in generated HTML or XML that could run script: a `<script>` the theme did not
/// write, an event-handler attribute, a `javascript:`/`vbscript:`/`data:` address where a browser
/// would follow it, or an element that embeds other documents. The hostile-input tests and the
/// fuzzer hold every output file to it; the theme's own markup passes.
public enum MarkupAudit {
    /// One finding: the offending tag, cut short.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var tag: String
        public var description: String { "\(reason): \(tag)" }
    }

    package static let embedding: Set<String> = ["iframe", "object", "embed", "frame", "frameset", "applet", "svg", "math"]
    package static let addressAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster",
                                                 "data", "background", "cite"]

    public static func findings(in html: String) -> [Finding] {
        var findings: [Finding] = []
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            let (tag, end) = scanTag(bytes, from: i)
            var next = max(end, i + 1)
            defer { i = next }
            guard let tag else { continue }
            let shown = String(decoding: bytes[i..<min(end, i + 160)], as: UTF8.self)
            func flag(_ reason: String) { findings.append(Finding(reason: reason, tag: shown)) }
            if tag.name == "script" {
                let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
                let themeScript = tag.attributes.count == 2 && tag.attributes.contains { $0.name == "defer" }
                    && src.contains("assets/") && !src.contains(":")
                if !themeScript { flag("script the theme did not write") }
            }
            if tag.name == "svg", let close = themeIconEnd(bytes, tag: tag, from: end) {
                // A theme icon (`ThemeIcons`): accepted whole, shapes only, up to its </svg>.
                next = close
                continue
            }
            if embedding.contains(tag.name) { flag("embedding element <\(tag.name)>") }
            if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }),
               let content = tag.attributes.first(where: { $0.name == "content" })?.value, hasUnsafeScheme(content, allowImages: false) {
                flag("refresh to an unsafe address")
            }
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") { flag("event handler \(attribute.name)") }
                if attribute.name == "style", attribute.value.lowercased().contains("url(") { flag("style with url()") }
                if addressAttributes.contains(attribute.name),
                   hasUnsafeScheme(attribute.value, allowImages: tag.name == "img" && attribute.name == "src") {
                    flag("unsafe address in \(attribute.name)")
                }
            }
        }
        return findings
    }

    /// The end of an inline icon as `ThemeIcons` writes it — `class="icon icon-NAME"`,
    /// `aria-hidden="true"`, then only shape elements without handlers up to `</svg>` — or nil.
    package static func themeIconEnd(_ bytes: [UInt8], tag: Tag, from start: Int) -> Int? {
        let attrs = Dictionary(tag.attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard attrs["class"]?.hasPrefix("icon icon-") == true, attrs["aria-hidden"] == "true",
              !tag.attributes.contains(where: { $0.name.hasPrefix("on") || addressAttributes.contains($0.name) || $0.name == "style" })
        else { return nil }
        let closing = Array("</svg>".utf8)
        var i = start
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if bytes[i...].starts(with: closing) { return i + closing.count }
            let (inner, end) = scanTag(bytes, from: i)
            guard let inner, ThemeIcons.elements.contains(inner.name), inner.name != "svg",
                  inner.attributes.allSatisfy({ ThemeIcons.attributes.contains($0.name.lowercased() == "viewbox" ? "viewBox" : $0.name) })
            else {
                // An end tag of a shape is fine; anything else makes this no theme icon.
                if bytes[i...].starts(with: Array("</".utf8)) { i = (bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count) + 1; continue }
                return nil
            }
            i = end
        }
        return nil
    }

    /// `javascript:` and friends, after the decoding and whitespace a browser would forgive.
    package static func hasUnsafeScheme(_ value: String, allowImages: Bool) -> Bool {
        let decoded = decodeEntities(value).lowercased().unicodeScalars
            .filter { $0.value > 0x20 && $0 != "\u{7F}" }
        let compact = String(String.UnicodeScalarView(decoded))
        for scheme in ["javascript:", "vbscript:", "livescript:"] where compact.contains(scheme) { return true }
        if let range = compact.range(of: "data:"), compact[..<range.lowerBound].allSatisfy({ !$0.isLetter && $0 != "/" }) {
            let type = compact[range.upperBound...]
            return !(allowImages && (type.hasPrefix("image/png") || type.hasPrefix("image/gif")
                                     || type.hasPrefix("image/jpeg") || type.hasPrefix("image/webp")))
        }
        return false
    }

    private static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semi]
                var scalar: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
                else { scalar = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"][String(name)] }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    package struct Tag {
        package var name: String
        package var attributes: [(name: String, value: String)]
    }

    /// An HTML start tag as a browser tokenises it: quoted values may hold `>`. Comments, end tags
    /// and doctype are skipped. Returns the index after the tag.
    package static func scanTag(_ b: [UInt8], from start: Int) -> (Tag?, Int) {
        var i = start + 1
        guard i < b.count else { return (nil, i) }
        if b[i] == UInt8(ascii: "!") {
            if b[i...].starts(with: Array("!--".utf8)) {
                var j = i + 3
                while j + 2 < b.count, !(b[j] == 0x2D && b[j + 1] == 0x2D && b[j + 2] == 0x3E) { j += 1 }
                return (nil, min(b.count, j + 3))
            }
            return (nil, (b[i...].firstIndex(of: UInt8(ascii: ">")) ?? b.count) + 1)
        }
        guard isLetter(b[i]) else { return (nil, i) }
        let nameStart = i
        while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
        var attributes: [(String, String)] = []
        while i < b.count, b[i] != UInt8(ascii: ">") {
            if isSpace(b[i]) || b[i] == UInt8(ascii: "/") { i += 1; continue }
            let attrStart = i
            while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "=") || i == attrStart { i += 1 }
            let attrName = String(decoding: b[attrStart..<i], as: UTF8.self).lowercased()
            while i < b.count, isSpace(b[i]) { i += 1 }
            var value = ""
            if i < b.count, b[i] == UInt8(ascii: "=") {
                i += 1
                while i < b.count, isSpace(b[i]) { i += 1 }
                if i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                    let quote = b[i]
                    let valueStart = i + 1
                    i = b[valueStart...].firstIndex(of: quote) ?? b.count
                    value = String(decoding: b[valueStart..<i], as: UTF8.self)
                    i = min(b.count, i + 1)
                } else {
                    let valueStart = i
                    while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: b[valueStart..<i], as: UTF8.self)
                }
            }
            attributes.append((attrName, value))
        }
        return (Tag(name: name, attributes: attributes), min(b.count, i + 1))
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
}
