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

    private func location(_ d: Diagnostic) -> String {
        var s = d.file.isEmpty ? "almanac" : d.file
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
        var out = "\(location(d)): \(label): \(d.message) [\(d.code)]\n"
        if let hint = d.hint { out += "    hint: \(hint)\n" }
        return out
    }

    private func github(_ d: Diagnostic) -> String {
        // GitHub Actions workflow command; message data must escape %, CR and LF.
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        var props = ["file=\(escape(d.file))"]
        if d.line > 0 { props.append("line=\(d.line)") }
        if d.column > 0 { props.append("col=\(d.column)") }
        var message = d.message
        if let hint = d.hint { message += " (\(hint))" }
        return "::\(d.severity.rawValue) \(props.joined(separator: ","))::\(escape(message))\n"
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
