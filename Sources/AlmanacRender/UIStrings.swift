import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown

/// User-visible words of the theme, from templates/i18n/LANG.yml, so nothing a reader sees
/// is hard-coded in Swift. Templates read them as `{{ui.key}}`.
public struct UIStrings: Sendable {
    public var values: [String: String]

    public subscript(key: String) -> String { values[key] ?? key }

    package static func load(templates: URL, language: String) -> (UIStrings, [Diagnostic]) {
        let dir = templates.appendingPathComponent("i18n")
        let candidates = [language, "ru"]
        for lang in candidates {
            let url = dir.appendingPathComponent("\(lang).yml")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let display = "templates/i18n/\(lang).yml"
            switch YAMLReader.readMapping(text) {
            case .failure(let f):
                return (UIStrings(values: [:]), [.error(.yamlError(reason: f.message), file: display, line: f.line, code: .i18n)])
            case .success(let entries):
                var values: [String: String] = [:]
                var diagnostics: [Diagnostic] = []
                for e in entries {
                    if let s = e.value.string { values[e.key] = s }
                    else { diagnostics.append(.error(.i18nNotString(key: e.key), file: display, line: e.line, code: .i18n)) }
                }
                if lang != language {
                    diagnostics.append(.warning(.i18nLanguageMissing(language: language), file: "templates/i18n", code: .i18n))
                }
                return (UIStrings(values: values), diagnostics)
            }
        }
        return (UIStrings(values: [:]), [.warning(.i18nFolderMissing, file: "templates", code: .i18n)])
    }

    package init(values: [String: String]) {
        self.values = values
    }
}
