import AlmanacCore
/// Icons almanac.yml names (`icons:` of a field) must exist in the theme; a missing one would
/// leave a tile without its picture and nobody would notice.
package enum IconReferences {
    package static func check(_ config: SiteConfig, theme: Theme) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for type in config.contentTypes {
            for field in type.fields {
                for value in field.values where field.valueIcons[value].map({ theme.icons[$0] == nil }) ?? false {
                    diagnostics.append(.warning(
                        .iconFileMissing(place: "types.\(type.id).fields.\(field.name).icons", icon: field.valueIcons[value]!, value: value),
                        file: ConfigLoader.fileName, line: field.valueIconsLine, code: .config,
                        hint: .addIconFile(icon: field.valueIcons[value]!)))
                }
                // A field that gives its values icons gives every value one: a new situation
                // added to values: must not turn up on the home page as the one tile without a picture.
                if !field.valueIcons.isEmpty {
                    for value in field.values where field.valueIcons[value] == nil {
                        diagnostics.append(.warning(.iconNotGiven(place: "types.\(type.id).fields.\(field.name).icons", value: value),
                                                    file: ConfigLoader.fileName, line: field.valueIconsLine, code: .config,
                                                    hint: .giveIcon(value: value)))
                    }
                }
                for key in field.valueIcons.keys.sorted() where !field.values.contains(key) {
                    diagnostics.append(.warning(.notAmongValues(place: "types.\(type.id).fields.\(field.name).icons", value: key),
                                                file: ConfigLoader.fileName, line: field.valueIconsLine, code: .config))
                }
            }
        }
        return diagnostics
    }
}
