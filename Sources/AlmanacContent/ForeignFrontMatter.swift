import Foundation
import AlmanacCore

/// Front matter written for another tool, read the way that tool meant it. Under `links: warn`
/// (the import mode) a value of the wrong shape that has one obvious reading is converted with a
/// warning instead of stopping the build: `weight: "3"` is 3, `draft: yes` is true, `tags: setup`
/// is a list of one tag. Anything without such a reading is left for the schema check to report.
package enum ForeignFrontMatter {
    package static func coerce(_ entries: inout [MetaEntry], fields: [FieldSchema], sourcePath: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for field in fields {
            guard let i = entries.firstIndex(where: { $0.key == field.name }) else { continue }
            let value = entries[i].value
            guard let converted = convert(value, to: field) else { continue }
            entries[i].value = converted
            diagnostics.append(.warning(.valueConverted(field: field.name, from: describe(value), to: describe(converted)),
                                        file: sourcePath, line: entries[i].line, code: .frontMatter,
                                        hint: .fixValue(field: field.name, literal: literal(converted))))
        }
        return diagnostics
    }

    /// Nil when the value is already of the field's kind or has no single reading.
    package static func convert(_ value: MetaValue, to field: FieldSchema) -> MetaValue? {
        switch (field.kind, value) {
        case (.int, .string(let s)):
            return Int(s.trimmingCharacters(in: .whitespaces)).map(MetaValue.int)
        case (.int, .double(let d)) where d == d.rounded() && abs(d) < 1e15:
            return .int(Int(d))
        case (.number, .string(let s)):
            let t = s.trimmingCharacters(in: .whitespaces)
            return Int(t).map(MetaValue.int) ?? Double(t).map(MetaValue.double)
        case (.bool, .string(let s)):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "yes", "y", "on", "true", "да": return .bool(true)
            case "no", "n", "off", "false", "нет": return .bool(false)
            default: return nil
            }
        case (.bool, .int(let n)) where n == 0 || n == 1:
            return .bool(n == 1)
        case (.list, .string(let s)) where !s.trimmingCharacters(in: .whitespaces).isEmpty:
            return .list([.string(s)])
        case (.string, .int), (.string, .double), (.text, .int), (.text, .double):
            return value.string.map(MetaValue.string)
        default:
            return nil
        }
    }

    private static func describe(_ value: MetaValue) -> DiagnosticValue {
        switch value {
        case .string(let s): return .string(s)
        case .list(let items): return .list(items.compactMap(\.string))
        default: return .other(value.typeName, value.string ?? "")
        }
    }

    private static func literal(_ value: MetaValue) -> String {
        switch value {
        case .list(let items): return "[" + items.compactMap(\.string).joined(separator: ", ") + "]"
        case .string(let s): return "\"\(s)\""
        default: return value.string ?? ""
        }
    }
}
