import AlmanacCore
/// Checks every page's front matter against the common fields and its content type's schema,
/// like Astro's content collections: each error names the file, the line and the field.
public struct SchemaValidator: Sendable {
    public var config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    /// Fields every page may carry, whatever its type.
    package static let common: [FieldSchema] = [
        FieldSchema(name: "title", kind: .string), FieldSchema(name: "description", kind: .string),
        FieldSchema(name: "tags", kind: .list), FieldSchema(name: "weight", kind: .int),
        FieldSchema(name: "draft", kind: .bool), FieldSchema(name: "slug", kind: .string),
        FieldSchema(name: "date", kind: .date), FieldSchema(name: "updated", kind: .date), FieldSchema(name: "aliases", kind: .list),
        FieldSchema(name: "type", kind: .string), FieldSchema(name: "anchors", kind: .map),
    ]

    public func validate(_ pages: [SourcePage]) -> [Diagnostic] {
        validate(pages, typeById: Dictionary(pages.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Some pages against the types of all (`BuildSession` checks only the pages an edit changed).
    package func validate(_ pages: [SourcePage], typeById: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let pageIds = LazySuggestionIndex { Array(typeById.keys) }
        for page in pages {
            let schema = page.type == "section" ? [] : config.type(page.type).fields
            let declared = Set(schema.map(\.name))
            var check = FieldCheck(page: page, typeById: typeById, pageIds: pageIds)
            for field in Self.common + Approval.fields.filter({ !declared.contains($0.name) }) + schema {
                guard let entry = page.frontMatter[field.name] else {
                    if field.required { check.missing(field) }
                    continue
                }
                check.value(entry.value, of: field, line: entry.line)
            }
            diagnostics += check.diagnostics
        }
        return diagnostics
    }
}

private struct FieldCheck {
    let page: SourcePage
    let typeById: [String: String]
    let pageIds: LazySuggestionIndex
    var diagnostics: [Diagnostic] = []

    mutating func missing(_ field: FieldSchema) {
        diagnostics.append(.error(.requiredFieldMissing(field: field.name, type: page.type),
                                  file: page.sourcePath, line: max(page.frontMatterLine, 1), code: .schema,
                                  hint: field.values.isEmpty ? nil : .allowedValues(values: field.values)))
    }

    private mutating func fail(_ line: Int, _ message: DiagnosticMessage, hint: DiagnosticHint? = nil) {
        diagnostics.append(.error(message, file: page.sourcePath, line: line, code: .schema, hint: hint))
    }

    mutating func value(_ value: MetaValue, of field: FieldSchema, line: Int) {
        if case .null = value {
            if field.required { fail(line, .fieldEmpty(field: field.name)) }
            return
        }
        switch field.kind {
        case .string, .text:
            guard case .string(let s) = value else { return fail(line, .fieldNotString(field: field.name, got: value.typeName)) }
            allowed(s, field, line)
        case .int:
            guard case .int = value else { return fail(line, .fieldNotInteger(field: field.name, got: value.typeName)) }
        case .number:
            switch value {
            case .int, .double: break
            default: fail(line, .fieldNotNumber(field: field.name, got: value.typeName))
            }
        case .bool:
            guard case .bool = value else { return fail(line, .fieldNotBool(field: field.name, got: value.typeName)) }
        case .date:
            guard let s = value.string, IsoDate(s) != nil else {
                return fail(line, .fieldNotDate(field: field.name), hint: .dateExample)
            }
        case .ref:
            reference(value, field, line)
        case .map:
            guard let entries = value.entries else { return fail(line, .fieldNotMap(field: field.name)) }
            for e in entries where e.value.string == nil {
                fail(e.line, .fieldMapValueNotString(field: field.name, key: e.key))
            }
        case .list:
            guard let items = value.list else { return fail(line, .fieldNotList(field: field.name, got: value.typeName)) }
            if items.count < field.minItems {
                fail(line, .fieldTooFewItems(field: field.name, count: items.count, minimum: field.minItems),
                     hint: .addItems(count: field.minItems - items.count))
            }
            for item in items {
                if field.itemKind == .ref {
                    reference(item, field, line)
                } else if case .string(let s) = item {
                    allowed(s, field, line)
                } else if item.string == nil {
                    fail(line, .fieldItemsNotStrings(field: field.name))
                }
            }
        }
    }

    private mutating func allowed(_ s: String, _ field: FieldSchema, _ line: Int) {
        guard !field.values.isEmpty, !field.values.contains(s) else { return }
        let suggestion = EditDistance.suggestion(for: s, among: field.values)
        fail(line, .fieldValueNotAllowed(field: field.name, value: s),
             hint: suggestion.map { .maybeValue(value: $0) } ?? .allowedValues(values: field.values))
    }

    private mutating func reference(_ value: MetaValue, _ field: FieldSchema, _ line: Int) {
        guard let id = value.string else { return fail(line, .fieldRefNotString(field: field.name)) }
        let clean = id.hasSuffix(".md") ? String(id.dropLast(3)) : id
        guard let type = typeById[clean] else {
            let suggestion = pageIds.suggestion(for: clean)
            return fail(line, .fieldRefMissing(field: field.name, id: id), hint: suggestion.map { .maybe(suggestion: $0) })
        }
        if let expected = field.refType, type != expected {
            fail(line, .fieldRefWrongType(field: field.name, id: id, type: type, expected: expected))
        }
    }
}
