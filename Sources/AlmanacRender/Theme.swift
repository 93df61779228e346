import Foundation
import AlmanacContent
import AlmanacCore

/// The templates/ folder, compiled once: layouts, partials, UI strings and asset files.
public struct Theme: Sendable {
    /// The layouts and partials, parsed; what renders them (see `TemplateRendering`).
    package var library: any TemplateRendering
    public var layouts: Set<String>
    public var strings: UIStrings
    /// Files under templates/assets/, copied to assets/ in the output.
    public var assets: [(path: String, file: URL)]
    /// templates/icons/NAME.svg, checked and ready to inline (see `ThemeIcons`); `{{{icons.NAME}}}` in every template.
    public var icons: [String: String] = [:]

    public static func load(siteDirectory: URL, language: String) -> (Theme?, [Diagnostic]) {
        let root = siteDirectory.appendingPathComponent("templates")
        var diagnostics: [Diagnostic] = []
        var templates: [String: CompiledTemplate] = [:]
        var files: [String: String] = [:]  // template name → its file, as diagnostics name it
        var layouts: Set<String> = []
        for folder in ["layouts", "partials"] {
            let dir = root.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { $0.hasSuffix(".mustache") }.sorted()
            for name in names {
                let display = "templates/\(folder)/\(name)"
                let key = String(name.dropLast(".mustache".count))
                guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else {
                    diagnostics.append(.error(.templateUnreadable, file: display, code: .template))
                    continue
                }
                do {
                    templates[key] = try CompiledTemplate(parsing: text)
                    files[key] = display
                    if folder == "layouts" { layouts.insert(key) }
                } catch {
                    diagnostics.append(.error(Self.describe(error.kind), file: display, line: error.line,
                                              column: error.column, code: .template))
                }
            }
        }
        for cycle in TemplateCycles.find(templates) {
            diagnostics.append(.error(.templateIncludesItself(chain: cycle.chain.joined(separator: " → ")),
                                      file: files[cycle.chain[0]] ?? "templates", line: cycle.line, code: .template,
                                      hint: .includeInsideSection))
        }
        for required in ["base", "article"] where templates[required] == nil && !diagnostics.hasErrors {
            diagnostics.append(.error(.templateMissing(name: required), file: "templates/layouts", code: .template))
        }
        let (strings, stringDiagnostics) = UIStrings.load(templates: root, language: language)
        diagnostics += stringDiagnostics
        let (icons, iconDiagnostics) = ThemeIcons.load(root.appendingPathComponent("icons"))
        diagnostics += iconDiagnostics
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let theme = Theme(library: TemplateLibrary(templates: templates), layouts: layouts, strings: strings,
                          assets: Self.assetFiles(root.appendingPathComponent("assets")), icons: icons)
        return (theme, diagnostics)
    }

    private static func describe(_ error: TemplateSyntaxError.Kind) -> DiagnosticMessage {
        switch error {
        case .sectionCloseNameIncorrect: .templateSectionMismatch
        // The text ended inside a tag: unclosed too.
        case .unfinishedName, .overflow: .templateUnclosedTag
        case .expectedSectionEnd: .templateUnclosedSection
        case .invalidSetDelimiter: .templateBadDelimiters
        case .transformAppliedToInheritanceSection: .templateBlockTransform
        case .illegalTokenInsideInheritSection: .templateParentCallContent
        case .invalidConfigVariableSyntax: .templatePragmaSyntax
        case .unrecognisedConfigVariable: .templatePragmaUnknown
        }
    }

    private static func assetFiles(_ dir: URL) -> [(path: String, file: URL)] {
        guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var files: [(path: String, file: URL)] = []
        let prefix = dir.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  !url.lastPathComponent.hasPrefix(".") else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            files.append((path: "assets/" + path.dropFirst(prefix.count), file: url))
        }
        return files.sorted { $0.path < $1.path }
    }
}
