import Foundation
import AlmanacCore
import AlmanacMarkdown

/// The theme's inline icons, templates/icons/NAME.svg, which templates write as `{{{icons.NAME}}}`.
///
/// Triple braces put the file into the page unescaped, so only a file that is plainly a drawing
/// gets in: one `<svg>` root of shape elements (path, circle, rect…) with presentation attributes
/// from a short list and plain values. No script, no `on…` handler, no `style`, no `href` or
/// `url(…)` reaching out, no entity or comment hiding anything. Anything else is an error naming
/// the file and line, and the build stops: an icon is theme code, not content.
package enum ThemeIcons {
    package static let elements: Set<String> = ["svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"]
    package static let attributes: Set<String> = [
        "xmlns", "viewBox", "width", "height", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "fill-rule", "clip-rule", "opacity", "transform", "d", "cx", "cy", "r",
        "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "points", "aria-hidden", "focusable", "class",
    ]

    package static func load(_ dir: URL) -> ([String: String], [Diagnostic]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".svg") && !$0.hasPrefix(".") }.sorted()
        var icons: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for file in names {
            let display = "templates/icons/\(file)"
            let name = String(file.dropLast(".svg".count))
            guard name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }), !name.isEmpty else {
                diagnostics.append(.error(.iconBadName, file: display, code: .icon))
                continue
            }
            guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) else {
                diagnostics.append(.error(.iconUnreadable, file: display, code: .icon))
                continue
            }
            switch sanitise(text, name: name) {
            case .success(let svg): icons[name] = svg
            case .failure(let problem):
                diagnostics.append(.error(problem.message, file: display, line: problem.line, code: .icon,
                                          hint: .iconElements(allowed: elements.sorted())))
            }
        }
        return (icons, diagnostics)
    }

    package struct Problem: Error {
        package var message: DiagnosticMessage
        package var line: Int
    }

    /// The icon on one line, with `aria-hidden="true" focusable="false"` and `class="icon icon-NAME"`
    /// on the root whether or not the file has them: an icon always sits next to words that say the same.
    package static func sanitise(_ text: String, name: String) -> Result<String, Problem> {
        let chars = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        var depth = 0
        var rootClosed = false
        var out = ""
        func fail(_ message: DiagnosticMessage) -> Result<String, Problem> { .failure(Problem(message: message, line: line)) }
        while i < chars.count {
            let c = chars[i]
            if c != "<" {
                if c == "\n" { line += 1 }
                guard c.properties.isWhitespace else { return fail(.iconTextOutsideTags) }
                i += 1
                continue
            }
            // A tag: <name attr="value" …> or </name>
            var j = i + 1
            let closing = j < chars.count && chars[j] == "/"
            if closing { j += 1 }
            let nameStart = j
            while j < chars.count, chars[j].properties.isAlphabetic || chars[j] == "-" { j += 1 }
            let element = String(String.UnicodeScalarView(chars[nameStart..<j]))
            guard !element.isEmpty else { return fail(.iconNotAnElement) }
            guard elements.contains(element) else { return fail(.iconElementNotAllowed(element: element)) }
            guard !rootClosed else { return fail(.iconAfterRoot) }
            if depth == 0 && (closing || element != "svg") { return fail(.iconNotStartingWithSVG) }
            var attrs: [(String, String)] = []
            var selfClosing = false
            while true {
                while j < chars.count, chars[j].properties.isWhitespace { if chars[j] == "\n" { line += 1 }; j += 1 }
                guard j < chars.count else { return fail(.iconUnclosedTag(element: element)) }
                if chars[j] == ">" { j += 1; break }
                if chars[j] == "/", j + 1 < chars.count, chars[j + 1] == ">" { selfClosing = true; j += 2; break }
                guard !closing else { return fail(.iconClosingTagWithAttributes) }
                let attrStart = j
                while j < chars.count, chars[j].properties.isAlphabetic || chars[j].properties.numericType != nil || chars[j] == "-" { j += 1 }
                let attr = String(String.UnicodeScalarView(chars[attrStart..<j]))
                guard attributes.contains(attr) else { return fail(.iconAttributeNotAllowed(attribute: attr.isEmpty ? String(chars[j]) : attr)) }
                guard j + 1 < chars.count, chars[j] == "=", chars[j + 1] == "\"" else { return fail(.iconAttributeUnquoted(attribute: attr)) }
                j += 2
                let valueStart = j
                while j < chars.count, chars[j] != "\"" { j += 1 }
                guard j < chars.count else { return fail(.iconAttributeUnclosed(attribute: attr)) }
                let value = String(String.UnicodeScalarView(chars[valueStart..<j]))
                j += 1
                let plain = value.unicodeScalars.allSatisfy {
                    ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || " .,-#%:/_()".unicodeScalars.contains($0)
                }
                let lower = value.lowercased()
                guard plain, !lower.contains("script"), !lower.contains("url("), attr == "xmlns" || !value.contains(":") else {
                    return fail(.iconAttributeCharacters(attribute: attr))
                }
                if attr == "xmlns" && value != "http://www.w3.org/2000/svg" { return fail(.iconWrongNamespace) }
                attrs.append((attr, value))
            }
            if closing {
                depth -= 1
                out += "</\(element)>"
                if depth == 0 { rootClosed = true }
            } else {
                if depth == 0 {
                    attrs.removeAll { ["aria-hidden", "focusable", "class"].contains($0.0) }
                    attrs += [("class", "icon icon-\(name)"), ("aria-hidden", "true"), ("focusable", "false")]
                } else if element == "svg" {
                    return fail(.iconNestedSVG)
                }
                out += "<\(element)" + attrs.map { " \($0.0)=\"\($0.1)\"" }.joined() + (selfClosing ? "/>" : ">")
                if selfClosing { if depth == 0 { rootClosed = true } } else { depth += 1 }
            }
            i = j
        }
        guard rootClosed else { return fail(out.isEmpty ? .iconEmpty : .iconUnclosedRoot) }
        return .success(out)
    }
}
