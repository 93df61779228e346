/// Checks every page's front matter against the common fields and its content type's schema,
/// like Astro's content collections: each error names the file, the line and the field.
public struct SchemaValidator: Sendable {
    public var config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    /// Fields every page may carry, whatever its type.
    static let common: [FieldSchema] = [
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
    func validate(_ pages: [SourcePage], typeById: [String: String]) -> [Diagnostic] {
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
        diagnostics.append(.error("не заполнено обязательное поле «\(field.name)» (тип \(page.type))",
                                  file: page.sourcePath, line: max(page.frontMatterLine, 1), code: .schema,
                                  hint: field.values.isEmpty ? nil : "допустимые значения: " + field.values.joined(separator: ", ")))
    }

    private mutating func fail(_ field: FieldSchema, _ line: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(.error("поле «\(field.name)»: \(message)", file: page.sourcePath, line: line, code: .schema, hint: hint))
    }

    mutating func value(_ value: MetaValue, of field: FieldSchema, line: Int) {
        if case .null = value {
            if field.required { fail(field, line, "обязательное поле пусто") }
            return
        }
        switch field.kind {
        case .string, .text:
            guard case .string(let s) = value else { return fail(field, line, "ожидалась строка, а не \(value.typeName)") }
            allowed(s, field, line)
        case .int:
            guard case .int = value else { return fail(field, line, "ожидалось целое число, а не \(value.typeName)") }
        case .number:
            switch value {
            case .int, .double: break
            default: fail(field, line, "ожидалось число, а не \(value.typeName)")
            }
        case .bool:
            guard case .bool = value else { return fail(field, line, "ожидалось true или false, а не \(value.typeName)") }
        case .date:
            guard let s = value.string, IsoDate(s) != nil else {
                return fail(field, line, "ожидалась дата в виде ГГГГ-ММ-ДД", hint: "например, 2026-03-15")
            }
        case .ref:
            reference(value, field, line)
        case .map:
            guard let entries = value.entries else { return fail(field, line, "ожидался словарь «ключ: значение»") }
            for e in entries where e.value.string == nil {
                fail(field, e.line, "значение «\(e.key)» должно быть строкой")
            }
        case .list:
            guard let items = value.list else { return fail(field, line, "ожидался список, а не \(value.typeName)") }
            if items.count < field.minItems {
                fail(field, line, "в списке \(items.count) из не менее чем \(field.minItems) пунктов",
                     hint: "добавьте ещё \(field.minItems - items.count)")
            }
            for item in items {
                if field.itemKind == .ref {
                    reference(item, field, line)
                } else if case .string(let s) = item {
                    allowed(s, field, line)
                } else if item.string == nil {
                    fail(field, line, "элементы списка должны быть строками")
                }
            }
        }
    }

    private mutating func allowed(_ s: String, _ field: FieldSchema, _ line: Int) {
        guard !field.values.isEmpty, !field.values.contains(s) else { return }
        let suggestion = EditDistance.suggestion(for: s, among: field.values)
        fail(field, line, "недопустимое значение «\(s)»",
             hint: suggestion.map { "может быть, «\($0)»?" } ?? "допустимые значения: " + field.values.joined(separator: ", "))
    }

    private mutating func reference(_ value: MetaValue, _ field: FieldSchema, _ line: Int) {
        guard let id = value.string else { return fail(field, line, "ссылка должна быть строкой — путём страницы") }
        let clean = id.hasSuffix(".md") ? String(id.dropLast(3)) : id
        guard let type = typeById[clean] else {
            let suggestion = pageIds.suggestion(for: clean)
            return fail(field, line, "нет страницы «\(id)»", hint: suggestion.map { "может быть, \($0)?" })
        }
        if let expected = field.refType, type != expected {
            fail(field, line, "«\(id)» — страница типа \(type), а нужна типа \(expected)")
        }
    }
}
