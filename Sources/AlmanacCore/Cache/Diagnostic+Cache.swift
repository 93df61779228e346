import Foundation

/// An unchanged rebuild prints the warnings of the build it reuses, so they are kept with it.
extension Diagnostic: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        let file = try reader.readString(), line = try reader.readInt(), column = try reader.readInt()
        let severity: Severity = try reader.readBool() ? .error : .warning
        self.init(file: file, line: line, column: column, severity: severity, code: try reader.read(),
                  message: try reader.readString(), hint: try reader.readOptionalString())
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(file)
        writer.write(line)
        writer.write(column)
        writer.write(severity == .error)
        writer.write(code)
        writer.write(message)
        writer.write(hint)
    }
}

/// By its name, as printed; a name this binary does not know is a damaged cache.
extension DiagnosticCode: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        guard let code = DiagnosticCode(rawValue: try reader.readString()) else { throw CacheReader.Damaged() }
        self = code
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(rawValue)
    }
}

extension MetaEntry: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        self.init(key: try reader.readString(), value: try reader.read(), line: try reader.readInt())
    }

    public func write(to writer: inout CacheWriter) {
        writer.write(key)
        writer.write(value)
        writer.write(line)
    }
}

extension MetaValue: CacheCodable {
    public init(from reader: inout CacheReader) throws {
        switch try reader.readInt() {
        case 0: self = .null
        case 1: self = .bool(try reader.readBool())
        case 2: self = .int(try reader.readInt())
        case 3: self = .double(try reader.readDouble())
        case 4: self = .string(try reader.readString())
        case 5: self = .list(try reader.readArray())
        case 6: self = .map(try reader.readArray())
        default: throw CacheReader.Damaged()
        }
    }

    public func write(to writer: inout CacheWriter) {
        switch self {
        case .null: writer.write(0)
        case .bool(let b): writer.write(1); writer.write(b)
        case .int(let i): writer.write(2); writer.write(i)
        case .double(let d): writer.write(3); writer.write(d)
        case .string(let s): writer.write(4); writer.write(s)
        case .list(let l): writer.write(5); writer.write(l)
        case .map(let m): writer.write(6); writer.write(m)
        }
    }
}
