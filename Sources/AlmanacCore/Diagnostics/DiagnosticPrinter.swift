import Foundation

/// Prints diagnostics the way compilers do, so editors and terminals can jump to them.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
}

public struct DiagnosticPrinter: Sendable {
    public var format: DiagnosticFormat
    public var useColor: Bool

    public init(format: DiagnosticFormat = .text, useColor: Bool = false) {
        self.format = format
        self.useColor = useColor
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sorted()
        switch format {
        case .text: return sorted.map(text).joined()
        case .github: return sorted.map(github).joined()
        case .json: return json(sorted)
        }
    }

    /// Lines of text output past which `summarized` shortens the warnings: about a screenful.
    public static let screenful = 40
    /// Warnings of each code shown in a shortened report.
    public static let perCode = 3

    /// The text report, shortened when it would not fit on a screen: every error in full, then
    /// for each warning code its first few and how many more there are, and a closing line that
    /// says how to see everything (`--verbose`). An import with 20,000 warnings is then read as
    /// a list of kinds of problem, not scrolled past. JSON and GitHub formats are never shortened.
    public func summarized(_ diagnostics: [Diagnostic], moreHint: String = "--verbose") -> String {
        let full = render(diagnostics)
        guard format == .text else { return full }
        let lines = full.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        guard lines > Self.screenful else { return full }
        let sorted = diagnostics.sorted()
        var out = sorted.filter { $0.severity == .error }.map(text).joined()
        var byCode: [DiagnosticCode: [Diagnostic]] = [:]
        for d in sorted where d.severity == .warning { byCode[d.code, default: []].append(d) }
        // The most frequent kinds first: they are what an import has to decide about.
        let codes = byCode.keys.sorted { (byCode[$0]!.count, $1) > (byCode[$1]!.count, $0) }
        var hidden = 0
        for code in codes {
            let all = byCode[code]!
            out += "— \(code.rawValue): \(all.count)\n"
            out += all.prefix(Self.perCode).map(text).joined()
            if all.count > Self.perCode {
                out += "    … и ещё \(all.count - Self.perCode) [\(code.rawValue)]\n"
                hidden += all.count - Self.perCode
            }
        }
        if hidden > 0 {
            out += "Показаны первые \(Self.perCode) предупреждения каждого вида, скрыто \(hidden). "
                + "Весь список: \(moreHint); отключить вид: lint: {код: off} в almanac.yml.\n"
        }
        return out
    }

    private func location(_ d: Diagnostic) -> String {
        var s = d.file.isEmpty ? "almanac" : Self.printable(d.file)
        if d.line > 0 { s += ":\(d.line)" }
        if d.line > 0 && d.column > 0 { s += ":\(d.column)" }
        return s
    }

    private func text(_ d: Diagnostic) -> String {
        let label: String
        switch (d.severity, useColor) {
        case (.error, true): label = "\u{1B}[1;31merror\u{1B}[0m"
        case (.warning, true): label = "\u{1B}[1;33mwarning\u{1B}[0m"
        case (let s, false): label = s.rawValue
        }
        var out = "\(location(d)): \(label): \(Self.printable(d.message)) [\(d.code.rawValue)]\n"
        if let hint = d.hint { out += "    hint: \(Self.printable(hint))\n" }
        return out
    }

    private func github(_ d: Diagnostic) -> String {
        // GitHub Actions workflow command; message data must escape %, CR and LF, property values
        // also `:` and `,`, or a file name could end the property list and start a command of its own.
        func escape(_ s: String) -> String {
            Self.printable(s, keepNewlines: true).replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escape(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var props = ["file=\(escapeProperty(d.file))"]
        if d.line > 0 { props.append("line=\(d.line)") }
        if d.column > 0 { props.append("col=\(d.column)") }
        var message = d.message
        if let hint = d.hint { message += " (\(hint))" }
        return "::\(d.severity.rawValue) \(props.joined(separator: ","))::\(escape(message))\n"
    }

    /// File names and front matter values reach messages: their control characters (an ESC that
    /// starts a terminal escape sequence, a CR that overwrites the line) are shown, not obeyed.
    package static func printable(_ s: String, keepNewlines: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if isControl(scalar), !(keepNewlines && scalar == "\n") {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u{" + hex + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(diagnostics), let s = String(data: data, encoding: .utf8) else {
            return "[]\n"
        }
        return s + "\n"
    }
}
