/// A problem found while building, with the place a writer has to look at.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Path relative to the site folder (`content/cases/x.md`), or empty for the site as a whole.
    public var file: String
    /// 1-based; 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int
    public var severity: Severity
    /// A short stable name for the kind of problem (`broken-link`, `front-matter`), for filtering and JSON.
    public var code: DiagnosticCode
    public var message: String
    public var hint: String?

    /// With the words already made; checks name a `DiagnosticMessage` instead (see DiagnosticMessage.swift).
    public init(
        file: String, line: Int = 0, column: Int = 0, severity: Severity,
        code: DiagnosticCode, message: String, hint: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
    }
}

extension Diagnostic: Comparable {
    /// Sorted like a compiler prints them: by file, then position, then message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// Warnings become errors under `--strict`.
    public func promotingWarnings() -> [Diagnostic] {
        map { var d = $0; d.severity = .error; return d }
    }
}
