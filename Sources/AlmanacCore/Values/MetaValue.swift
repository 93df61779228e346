/// A front-matter value as the writer typed it, with the line it came from,
/// so that schema errors can point at the field rather than at the file.
public indirect enum MetaValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([MetaValue])
    case map([MetaEntry])

    public var string: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var list: [MetaValue]? {
        if case .list(let l) = self { return l }
        return nil
    }

    public var entries: [MetaEntry]? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// The kind of value an error message names (the words are in the diagnostics catalogue).
    public var typeName: DiagnosticValueKind {
        switch self {
        case .null: return .empty
        case .bool: return .bool
        case .int: return .integer
        case .double: return .number
        case .string: return .string
        case .list: return .list
        case .map: return .map
        }
    }
}

/// One `key: value` pair of a mapping, with its 1-based line in the source file.
public struct MetaEntry: Sendable, Hashable {
    public var key: String
    public var value: MetaValue
    public var line: Int

    public init(key: String, value: MetaValue, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}

extension Array where Element == MetaEntry {
    public subscript(key: String) -> MetaEntry? {
        first { $0.key == key }
    }
}
