/// Every message and hint a diagnostic shows, in one place: a case per message, with the parts that
/// vary as associated values, and one table that renders them (`russian`). Call sites name a case and
/// never write the words, so an English table is one more `switch` here, chosen in `text`, and a
/// reviewer reads all the wording at once. The Russian text is the output as it has always been
/// printed; tests compare it.
///
/// The parts passed in as plain strings are not ours to word: names and paths from the site, and
/// errors in a library's or the system's own words (Yams, Mustache, strerror).
///
/// A message says what went wrong; `DiagnosticHint` says what to do about it.
public enum DiagnosticMessage: Sendable, Hashable {
    // MARK: Shared by several stages
    case yamlError(reason: String)
    case notAmongValues(place: String, value: String)

    // MARK: Lint
    case duplicateTitle(title: String, earlier: String)
    case orphanPage
    case homeChecklistMissing(path: String)
    case noOwner
    case reviewOverdue(reviewBy: String, today: String)
    case editedAfterApproval(approvedOn: String, commitDate: String, subject: String)
    case repeatedParagraph(source: String, line: Int)

    // MARK: Theme
    case i18nNotString(key: String)
    case i18nLanguageMissing(language: String)
    case i18nFolderMissing
    case iconFileMissing(place: String, icon: String, value: String)
    case iconNotGiven(place: String, value: String)
    case templateUnreadable
    case templateBlockTransform
    case templateParentCallContent
    case templatePragmaSyntax
    case templatePragmaUnknown
    case templateSectionMismatch
    case templateUnclosedTag
    case templateUnclosedSection
    case templateBadDelimiters
    case templateMissing(name: String)
    case templateIncludesItself(chain: String)
    case iconBadName
    case iconUnreadable
    case iconTextOutsideTags
    case iconNotAnElement
    case iconElementNotAllowed(element: String)
    case iconAfterRoot
    case iconNotStartingWithSVG
    case iconUnclosedTag(element: String)
    case iconClosingTagWithAttributes
    case iconAttributeNotAllowed(attribute: String)
    case iconAttributeUnquoted(attribute: String)
    case iconAttributeUnclosed(attribute: String)
    case iconAttributeCharacters(attribute: String)
    case iconWrongNamespace
    case iconNestedSVG
    case iconEmpty
    case iconUnclosedRoot

    // MARK: Site
    case addressTaken(address: String, other: String, skipped: Bool)
    case addressReserved(address: String)
    case filePathTakenByPage(path: String, page: String, skipped: Bool)
    case filePathTakenByListing(path: String, folder: String, skipped: Bool)
    case slugReplaced(slug: String, clean: String)
    case anchorAliasTargetMissing(anchor: String)
    case anchorRemoved(anchor: String)
    case imageWithoutAlt
    case linkToMissingPage(path: String)
    case missingImage(path: String)
    case missingFile(path: String)
    case linkLeavesContent(path: String)
    case ambiguousLink(path: String, chosen: String, other: String)
    case linkToHiddenFolder(path: String)
    case missingAnchor(page: String, anchor: String)
    case aliasNotAPath
    case aliasTaken(path: String)

    // MARK: Markdown
    case footnoteDefinedTwice(label: String)
    case footnoteWithoutText(label: String)

    // MARK: Output
    case outputPathUnsafe(path: String)
    case outputPathClash(path: String)
    case cannotCreateFolder(path: String, reason: String)
    case cannotMoveSite(to: String, reason: String)
    case cannotReplace(path: String, reason: String)
    case cannotPrepareStaging(reason: String)
    case cannotWriteFile(path: String)
    case cannotWriteArchive(path: String, reason: String)

    // MARK: Content
    case noContentFolder
    case folderUnreadable
    case symlinkLeavesContent
    case symlinkToFolderOrNothing
    case fileUnreadable
    case fileChangedDuringBuild
    case notUTF8
    case nulByte
    case frontMatterUnclosed(fence: String)
    case frontMatterTOML(reason: String)
    case frontMatterYAML(reason: String)
    case unknownTypeReplaced(name: String, type: String)
    case unknownType(name: String)
    case valueConverted(field: String, from: DiagnosticValue, to: DiagnosticValue)
    case placeholderNotDeclared(name: String)
    case placeholderUnused(name: String)
    case requiredFieldMissing(field: String, type: String)
    case fieldEmpty(field: String)
    case fieldNotString(field: String, got: DiagnosticValueKind)
    case fieldNotInteger(field: String, got: DiagnosticValueKind)
    case fieldNotNumber(field: String, got: DiagnosticValueKind)
    case fieldNotBool(field: String, got: DiagnosticValueKind)
    case fieldNotDate(field: String)
    case fieldNotMap(field: String)
    case fieldMapValueNotString(field: String, key: String)
    case fieldNotList(field: String, got: DiagnosticValueKind)
    case fieldTooFewItems(field: String, count: Int, minimum: Int)
    case fieldItemsNotStrings(field: String)
    case fieldValueNotAllowed(field: String, value: String)
    case fieldRefNotString(field: String)
    case fieldRefMissing(field: String, id: String)
    case fieldRefWrongType(field: String, id: String, type: String, expected: String)
    case unknownPageType(type: String)
    case noArchetype(type: String)
    case titleGivesNoFileName(title: String)
    case configUnreadable
    case pageExists
    case cannotCreatePage(reason: String)
    case pageNotWritten

    // MARK: Front matter parsers (the reason after «ошибка в front matter…:»)
    case tomlLineEndExpected
    case tomlTableHeaderUnclosed
    case tomlArrayHeaderUnclosed
    case tomlKeyValueExpected
    case tomlKeyExpected
    case tomlValueExpected
    case tomlArrayCommaExpected
    case tomlInlineKeyValueExpected
    case tomlInlineCommaExpected
    case tomlUnquotedValue(text: String)
    case tomlStringUnclosed(apostrophe: Bool)
    case tomlStringUnclosedAtLineEnd(apostrophe: Bool)
    case tomlBadEscape(sequence: String)
    case tomlKeyTwice(key: String)
    case tomlKeyNotTable(key: String)
    case tomlKeyNotArrayOfTables(key: String)
    case parserFailed(reason: String)
    case yamlMappingExpected

    // MARK: Configuration (almanac.yml)
    case configNotFound(file: String)
    case configExpectedString(key: String, got: DiagnosticValueKind)
    case configExpectedBool(key: String)
    case configExpectedMap(key: String)
    case configExpectedMapLike(key: String, example: String)
    case configUnknownKey(place: String, key: String)
    case linksPolicy(value: String)
    case indexFilesList
    case lintExpectedMap
    case lintUnknownCode(code: String)
    case lintValue(code: String)
    case baseURLNotAbsolute
    case editURLNotAbsolute
    case unknownExtension(name: String)
    case extensionNameExpected
    case extensionsShape
    case typesExpectedMap
    case fieldsExpectedMap
    case unknownFieldType(place: String, name: String)
    case unknownItemType(place: String, name: String)
    case minItemsNotCount(place: String)
    case minItemsOnlyForList(place: String)
    case unknownSearchRole(place: String, value: String)
    case limitNotPositive(place: String, key: String)
    case weakWordsList
    case channelsShape
    case boostNotNumber(key: String)
    case playbookShape
    case playbookPartWithoutType
    case playbookUnknownType(type: String)
    case playbookFieldMissing(type: String, field: String)
    case readersSinceDate
    case homeSituationsShape
    case homeSituationsType(type: String)
    case homeSituationsField(type: String, field: String)

    // MARK: Commands (build, init, serve)
    case outputInsideSite(output: String)
    case initTargetIsFile(path: String)
    case initFolderNotEmpty(path: String)
    case themeNotFound(path: String)
    case knowledgeBaseNotFound
    case cannotCreateSite(reason: String)
    case starterConfigUnreadable
    case themeNotInstalled(executable: String)
    case serveWithoutConfig
    case serverFailed(reason: String)

    /// The Russian table.
    public var russian: String {
        switch self {
        // Shared by several stages
        case .yamlError(let reason): return "ошибка YAML: \(reason)"
        case .notAmongValues(let place, let value): return "\(place): «\(value)» нет среди values"
        // Lint
        case .duplicateTitle(let title, let earlier): return "заголовок «\(title)» уже есть у страницы \(earlier)"
        case .orphanPage: return "на страницу не ведёт ни одна ссылка, и ни один список раздела её не показывает"
        case .homeChecklistMissing(let path):
            return "home.checklist: нет страницы «\(path)», на главной не будет ссылки на неё"
        case .noOwner: return "у текста нет владельца: поле «owner» не заполнено"
        case .reviewOverdue(let reviewBy, let today):
            return "срок пересмотра прошёл: review_by \(reviewBy), сегодня \(today)"
        case .editedAfterApproval(let approvedOn, let commitDate, let subject):
            return "текст изменён после согласования \(approvedOn): коммит \(commitDate) «\(subject)»"
        case .repeatedParagraph(let source, let line): return "абзац повторяет абзац из \(source):\(line)"
        // Theme
        case .i18nNotString(let key): return "«\(key)» должно быть строкой"
        case .i18nLanguageMissing(let language): return "нет строк интерфейса для языка «\(language)», взяты русские"
        case .i18nFolderMissing: return "нет папки templates/i18n со строками интерфейса"
        case .iconFileMissing(let place, let icon, let value): return "\(place): нет значка «\(icon)» для «\(value)»"
        case .iconNotGiven(let place, let value): return "\(place): у «\(value)» нет значка"
        case .templateUnreadable: return "не удалось прочитать шаблон"
        case .templateBlockTransform: return "ошибка в шаблоне: к блоку {{$…}} нельзя применить преобразование"
        case .templateParentCallContent: return "ошибка в шаблоне: внутри {{<…}}…{{/…}} допустимы только блоки {{$…}} и текст"
        case .templatePragmaSyntax: return "ошибка в шаблоне: прагма пишется так: {{% CONTENT_TYPE: HTML }}"
        case .templatePragmaUnknown: return "ошибка в шаблоне: неизвестная прагма; есть только CONTENT_TYPE со значением HTML или TEXT"
        case .templateSectionMismatch: return "ошибка в шаблоне: закрывающий тег секции не совпадает с открывающим"
        case .templateUnclosedTag: return "ошибка в шаблоне: незакрытый тег {{…}}"
        case .templateUnclosedSection: return "ошибка в шаблоне: секция не закрыта"
        case .templateBadDelimiters: return "ошибка в шаблоне: неверная смена разделителей"
        case .templateMissing(let name): return "нет шаблона \(name).mustache"
        case .templateIncludesItself(let chain):
            return "шаблон включает сам себя при любых данных: \(chain) — страница никогда бы не кончилась"
        case .iconBadName: return "имя значка — только строчные латинские буквы, цифры и дефис"
        case .iconUnreadable: return "не удалось прочитать значок"
        case .iconTextOutsideTags: return "значок отклонён: текст вне тегов"
        case .iconNotAnElement: return "значок отклонён: допустимы только теги элементов (без комментариев и <!…>)"
        case .iconElementNotAllowed(let element): return "значок отклонён: элемент <\(element)> не разрешён"
        case .iconAfterRoot: return "значок отклонён: после </svg> ничего не должно быть"
        case .iconNotStartingWithSVG: return "значок отклонён: файл должен начинаться с <svg>"
        case .iconUnclosedTag(let element): return "значок отклонён: незакрытый тег <\(element)>"
        case .iconClosingTagWithAttributes: return "значок отклонён: у закрывающего тега не бывает атрибутов"
        case .iconAttributeNotAllowed(let attribute): return "значок отклонён: атрибут «\(attribute)» не разрешён"
        case .iconAttributeUnquoted(let attribute):
            return "значок отклонён: значение атрибута «\(attribute)» должно стоять в двойных кавычках"
        case .iconAttributeUnclosed(let attribute):
            return "значок отклонён: незакрытое значение атрибута «\(attribute)»"
        case .iconAttributeCharacters(let attribute):
            return "значок отклонён: значение атрибута «\(attribute)» содержит недопустимые знаки"
        case .iconWrongNamespace: return "значок отклонён: xmlns может быть только http://www.w3.org/2000/svg"
        case .iconNestedSVG: return "значок отклонён: вложенный <svg> не разрешён"
        case .iconEmpty: return "значок отклонён: файл пуст: нужен <svg>"
        case .iconUnclosedRoot: return "значок отклонён: нет закрывающего </svg>"
        // Site
        case .addressTaken(let address, let other, let skipped):
            return "страница получает тот же адрес «\(address)», что и \(other)"
                + (skipped ? "; адрес остаётся за \(other), эта страница пропущена" : "")
        case .addressReserved(let address): return "адрес «\(address)» занят самим сайтом"
        case .filePathTakenByPage(let path, let page, let skipped):
            return "файл займёт тот же путь «\(path)», что и страница \(page)" + (skipped ? "; файл не копируется" : "")
        case .filePathTakenByListing(let path, let folder, let skipped):
            return "файл займёт тот же путь «\(path)», что и список раздела content/\(folder.isEmpty ? "" : folder + "/")"
                + (skipped ? "; файл не копируется" : "")
        case .slugReplaced(let slug, let clean): return "slug «\(slug)» заменён на «\(clean)»"
        case .anchorAliasTargetMissing(let anchor): return "anchors: на странице нет заголовка с якорем «#\(anchor)»"
        case .anchorRemoved(let anchor):
            return "якорь «#\(anchor)» исчез со страницы: ссылки на него, которыми уже поделились, перестанут вести к разделу"
        case .imageWithoutAlt: return "у изображения нет альтернативного текста"
        case .linkToMissingPage(let path): return "ссылка на несуществующую страницу «\(path)»"
        case .missingImage(let path): return "нет изображения «\(path)»"
        case .missingFile(let path): return "нет файла «\(path)»"
        case .linkLeavesContent(let path): return "ссылка «\(path)» ведёт за пределы папки content/"
        case .ambiguousLink(let path, let chosen, let other):
            return "ссылка «\(path)» может вести на страницу «\(chosen)» или «\(other)»; выбрана «\(chosen)»"
        case .linkToHiddenFolder(let path):
            return "«\(path)» лежит в скрытой папке (её имя начинается с точки), а такие папки не публикуются"
        case .missingAnchor(let page, let anchor): return "на странице \(page) нет заголовка с якорем «#\(anchor)»"
        case .aliasNotAPath: return "alias должен быть путём внутри сайта"
        case .aliasTaken(let path): return "alias «\(path)» совпадает с адресом другой страницы или другим alias"
        // Markdown
        case .footnoteDefinedTwice(let label): return "сноска [^\(label)] определена второй раз; показана первая"
        case .footnoteWithoutText(let label):
            return "у сноски [^\(label)] нет текста: строки «[^\(label)]: …» на странице нет"
        // Output
        case .outputPathUnsafe(let path): return "внутренняя ошибка: путь «\(path)» выходит за пределы папки сайта"
        case .outputPathClash(let path): return "два файла претендуют на путь «\(path)»"
        case .cannotCreateFolder(let path, let reason): return "не удалось создать папку \(path): \(reason)"
        case .cannotMoveSite(let to, let reason): return "не удалось переместить собранный сайт в \(to): \(reason)"
        case .cannotReplace(let path, let reason): return "не удалось заменить \(path): \(reason)"
        case .cannotPrepareStaging(let reason): return "не удалось подготовить папку сборки: \(reason)"
        case .cannotWriteFile(let path): return "не удалось записать файл \(path)"
        case .cannotWriteArchive(let path, let reason): return "не удалось записать архив \(path): \(reason)"
        // Content
        case .noContentFolder: return "нет папки content/"
        case .folderUnreadable: return "не удалось прочитать папку"
        case .symlinkLeavesContent: return "символическая ссылка ведёт за пределы content/ и пропущена"
        case .symlinkToFolderOrNothing: return "символическая ссылка на папку или на несуществующий файл пропущена"
        case .fileUnreadable: return "не удалось прочитать файл"
        case .fileChangedDuringBuild: return "файл изменился во время сборки; сайт не обновлён"
        case .notUTF8: return "файл не в кодировке UTF-8"
        case .nulByte: return "в файле есть нулевой байт (NUL)"
        case .frontMatterUnclosed(let fence): return "блок front matter не закрыт строкой \(fence)"
        case .frontMatterTOML(let reason): return "ошибка в front matter (TOML): \(reason)"
        case .frontMatterYAML(let reason): return "ошибка в front matter: \(reason)"
        case .unknownTypeReplaced(let name, let type):
            return "неизвестный тип контента «\(name)», страница получает тип «\(type)»"
        case .unknownType(let name): return "неизвестный тип контента «\(name)»"
        case .valueConverted(let field, let from, let to):
            return "поле «\(field)»: \(from.text) прочитано как \(to.text)"
        case .placeholderNotDeclared(let name): return "плейсхолдер {\(name)} не описан в placeholders"
        case .placeholderUnused(let name): return "плейсхолдер {\(name)} описан, но нигде не используется"
        case .requiredFieldMissing(let field, let type):
            return "не заполнено обязательное поле «\(field)» (тип \(type))"
        case .fieldEmpty(let field): return "поле «\(field)»: обязательное поле пусто"
        case .fieldNotString(let field, let got): return "поле «\(field)»: ожидалась строка, а не \(got.text)"
        case .fieldNotInteger(let field, let got): return "поле «\(field)»: ожидалось целое число, а не \(got.text)"
        case .fieldNotNumber(let field, let got): return "поле «\(field)»: ожидалось число, а не \(got.text)"
        case .fieldNotBool(let field, let got): return "поле «\(field)»: ожидалось true или false, а не \(got.text)"
        case .fieldNotDate(let field): return "поле «\(field)»: ожидалась дата в виде ГГГГ-ММ-ДД"
        case .fieldNotMap(let field): return "поле «\(field)»: ожидался словарь «ключ: значение»"
        case .fieldMapValueNotString(let field, let key):
            return "поле «\(field)»: значение «\(key)» должно быть строкой"
        case .fieldNotList(let field, let got): return "поле «\(field)»: ожидался список, а не \(got.text)"
        case .fieldTooFewItems(let field, let count, let minimum):
            return "поле «\(field)»: в списке \(count) из не менее чем \(minimum) пунктов"
        case .fieldItemsNotStrings(let field): return "поле «\(field)»: элементы списка должны быть строками"
        case .fieldValueNotAllowed(let field, let value): return "поле «\(field)»: недопустимое значение «\(value)»"
        case .fieldRefNotString(let field): return "поле «\(field)»: ссылка должна быть строкой — путём страницы"
        case .fieldRefMissing(let field, let id): return "поле «\(field)»: нет страницы «\(id)»"
        case .fieldRefWrongType(let field, let id, let type, let expected):
            return "поле «\(field)»: «\(id)» — страница типа \(type), а нужна типа \(expected)"
        case .unknownPageType(let type): return "неизвестный тип страницы «\(type)»"
        case .noArchetype(let type): return "нет заготовки для типа «\(type)»"
        case .titleGivesNoFileName(let title): return "из заголовка «\(title)» не получается имя файла"
        case .configUnreadable: return "не удалось прочитать almanac.yml"
        case .pageExists: return "файл уже существует, он не будет перезаписан"
        case .cannotCreatePage(let reason): return "не удалось создать файл: \(reason)"
        case .pageNotWritten: return "не удалось записать файл"
        // Front matter parsers (the reason after «ошибка в front matter…:»)
        case .tomlLineEndExpected: return "после значения ожидался конец строки"
        case .tomlTableHeaderUnclosed: return "заголовок таблицы не закрыт скобкой ]"
        case .tomlArrayHeaderUnclosed: return "заголовок [[…]] не закрыт скобками ]]"
        case .tomlKeyValueExpected: return "ожидалось «ключ = значение»"
        case .tomlKeyExpected: return "ожидался ключ"
        case .tomlValueExpected: return "ожидалось значение"
        case .tomlArrayCommaExpected: return "в массиве ожидалась запятая или ]"
        case .tomlInlineKeyValueExpected: return "во встроенной таблице ожидалось «ключ = значение»"
        case .tomlInlineCommaExpected: return "во встроенной таблице ожидалась запятая или }"
        case .tomlUnquotedValue(let text): return "непонятное значение «\(text)»: строку возьмите в кавычки"
        case .tomlStringUnclosed(let apostrophe): return "строка не закрыта \(apostrophe ? "апострофом" : "кавычкой")"
        case .tomlStringUnclosedAtLineEnd(let apostrophe):
            return "строка не закрыта \(apostrophe ? "апострофом" : "кавычкой") до конца строки"
        case .tomlBadEscape(let sequence): return "неверная escape-последовательность \\\(sequence)"
        case .tomlKeyTwice(let key): return "ключ «\(key)» задан дважды"
        case .tomlKeyNotTable(let key): return "ключ «\(key)» уже задан не таблицей"
        case .tomlKeyNotArrayOfTables(let key): return "ключ «\(key)» уже задан не массивом таблиц"
        case .parserFailed(let reason): return reason
        case .yamlMappingExpected: return "ожидался словарь вида «ключ: значение»"
        // Configuration (almanac.yml)
        case .configNotFound(let file): return "не найден файл настроек \(file)"
        case .configExpectedString(let key, let got): return "\(key): ожидалась строка, а не \(got.text)"
        case .configExpectedBool(let key): return "\(key): ожидалось true или false"
        case .configExpectedMap(let key): return "\(key): ожидался словарь"
        case .configExpectedMapLike(let key, let example): return "\(key): ожидался словарь вида \(example)"
        case .configUnknownKey(let place, let key): return "\(place): неизвестный ключ «\(key)»"
        case .linksPolicy(let value): return "links: ожидалось error или warn, а не «\(value)»"
        case .indexFilesList:
            return "index_files: ожидался список имён файлов .md, например [_index.md, index.md, README.md]"
        case .lintExpectedMap: return "lint: ожидался словарь «код: off»"
        case .lintUnknownCode(let code): return "lint: неизвестный код «\(code)»"
        case .lintValue(let code): return "lint.\(code): ожидалось off или warn"
        case .baseURLNotAbsolute: return "base_url: нужен полный адрес вида https://wiki.example.ru/crisis/"
        case .editURLNotAbsolute:
            return "edit_url: нужен полный адрес редактора вида https://gitlab.example.ru/team/wiki/-/edit/main/content/"
        case .unknownExtension(let name): return "markdown.extensions: неизвестное расширение «\(name)»"
        case .extensionNameExpected: return "markdown.extensions: ожидалось имя расширения"
        case .extensionsShape: return "markdown.extensions: ожидался список имён или словарь имя: true/false"
        case .typesExpectedMap: return "types: ожидался словарь типов контента"
        case .fieldsExpectedMap: return "fields: ожидался словарь полей"
        case .unknownFieldType(let place, let name): return "\(place): неизвестный тип «\(name)»"
        case .unknownItemType(let place, let name): return "\(place): неизвестный тип элементов «\(name)»"
        case .minItemsNotCount(let place): return "\(place).min_items: ожидалось целое число от 0"
        case .minItemsOnlyForList(let place): return "\(place).min_items: подходит только к полю типа list"
        case .unknownSearchRole(let place, let value): return "\(place).search: неизвестное значение «\(value)»"
        case .limitNotPositive(let place, let key):
            return "\(place).limits.\(key): ожидалось целое число знаков больше нуля"
        case .weakWordsList: return "search.weak_words: ожидался список слов"
        case .channelsShape: return "search.channels: ожидался словарь «канал: [слова, которыми его называют]»"
        case .boostNotNumber(let key): return "search.boosts.\(key): ожидалось число"
        case .playbookShape: return "playbook: ожидался список частей вида {type: reply, group: situation}"
        case .playbookPartWithoutType: return "playbook: у каждой части нужен type"
        case .playbookUnknownType(let type): return "playbook: нет типа контента «\(type)»"
        case .playbookFieldMissing(let type, let field): return "playbook: у типа «\(type)» нет поля «\(field)»"
        case .readersSinceDate: return "history.readers_since: ожидалась дата ГГГГ-ММ-ДД"
        case .homeSituationsShape: return "home.situations: нужны type и field"
        case .homeSituationsType(let type): return "home.situations: нет типа контента «\(type)»"
        case .homeSituationsField(let type, let field):
            return "home.situations: у типа «\(type)» нет поля «\(field)» со списком values"
        // Commands (build, init, serve)
        case .outputInsideSite(let output):
            return "папка вывода \(output) совпадает с папкой сайта или лежит в его исходниках"
        case .initTargetIsFile(let path): return "\(path) — это файл, а не папка"
        case .initFolderNotEmpty(let path): return "папка \(path) не пуста — almanac init ничего в ней не меняет"
        case .themeNotFound(let path): return "не найдена тема: \(path)"
        case .knowledgeBaseNotFound: return "не найдена поставляемая база знаний (almanac.yml и content/)"
        case .cannotCreateSite(let reason): return "не удалось создать сайт: \(reason)"
        case .starterConfigUnreadable: return "almanac.yml заготовки не читается"
        case .themeNotInstalled(let executable): return "не найдена тема almanac рядом с программой (\(executable))"
        case .serveWithoutConfig: return "нет файла almanac.yml"
        case .serverFailed(let reason): return reason
        }
    }
}

/// What to do about it: the `hint:` line under a diagnostic.
public enum DiagnosticHint: Sendable, Hashable {
    // MARK: Shared by several stages
    case maybe(suggestion: String)

    // MARK: Lint
    case titlesAlike
    case linkToOrphan(path: String)
    case checklistPath
    case nameOwner
    case rereadText(owner: String?)
    case reapprove
    case keepOneCopy

    // MARK: Theme
    case includeInsideSection
    case addIconFile(icon: String)
    case giveIcon(value: String)
    case iconElements(allowed: [String])

    // MARK: Site
    case maybeAnchor(anchor: String)
    case renameOrSlug
    case reservedFolders
    case renameFile
    case slugCharacters
    case pointOldAnchor(anchor: String)
    case describeImage(destination: String)
    case linkInsideContent
    case nameThePageFile(chosen: String)
    case moveOutOfHiddenFolder
    case redirectNotCreated

    // MARK: Markdown
    case relabelFootnote
    case addFootnoteText(label: String)

    // MARK: Output
    case checkWriteAccess(folder: String)
    case checkSpaceAndWriteAccess(folder: String)
    case buildAgain

    // MARK: Content
    case contentFolder
    case saveAsUTF8
    case fileDamaged
    case closeFrontMatter(fence: String)
    case tomlSyntax
    case yamlSyntax
    case noTypesDeclared
    case declaredTypes(types: [String])
    case fixValue(field: String, literal: String)
    case declarePlaceholder(name: String)
    case allowedValues(values: [String])
    case dateExample
    case addItems(count: Int)
    case maybeValue(value: String)
    case siteTypes(types: [String])
    case createArchetype(type: String)
    case titleNeedsLetters
    case chooseAnotherTitle

    // MARK: Configuration (almanac.yml)
    case runInSiteFolder
    case lintExample
    case silenceableCodes(codes: [String])
    case markdownKeys
    case knownExtensions(names: [String])
    case typeKeys
    case fieldKeys
    case allowedList(items: [String])
    case searchKeys
    case playbookExample
    case playbookKeys
    case contentTypes(types: [String])
    case historyKeys
    case homeSituationsExample
    case homeKeys

    // MARK: Commands (build, init, serve)
    case separateOutputFolder
    case newOrEmptyFolder
    case newOrEmptyFolderForInit
    case reinstall
    case installAlmanac
    case serveSiteFolder

    /// The Russian table.
    public var russian: String {
        switch self {
        // Shared by several stages
        case .maybe(let suggestion): return "может быть, \(suggestion)?"
        // Lint
        case .titlesAlike: return "читатель не отличит страницы в меню и в поиске: уточните один из заголовков"
        case .linkToOrphan(let path): return "поставьте ссылку на \(path) со связанной страницы"
        case .checklistPath: return "укажите путь от папки content/, например first-hour.md"
        case .nameOwner: return "укажите роль, которая отвечает за формулировку, например owner: Руководитель PR"
        case .rereadText(let owner):
            return "перечитайте текст\(owner.map { " с владельцем (\($0))" } ?? ""), затем перенесите review_by "
                + "или поставьте status: устарело"
        case .reapprove:
            return "отправьте текст на согласование (status: на согласовании) или, если правка не меняет смысла, "
                + "получите подтверждение и обновите approved_on"
        case .keepOneCopy:
            return "оставьте текст в одном месте и поставьте на него ссылку, иначе правка попадёт только в одну копию"
        // Theme
        case .includeInsideSection:
            return "включайте шаблон в самого себя только внутри секции, которая кончается вместе с данными: {{#children}}{{>tree}}{{/children}}"
        case .addIconFile(let icon):
            return "положите файл templates/icons/\(icon).svg или выберите другой из templates/icons/"
        case .giveIcon(let value): return "добавьте в icons: «\(value): ИМЯ» — файл templates/icons/ИМЯ.svg"
        case .iconElements(let allowed):
            return "допустимы только элементы \(allowed.joined(separator: ", ")) без скриптов, стилей и ссылок"
        // Site
        case .maybeAnchor(let anchor): return "может быть, #\(anchor)?"
        case .renameOrSlug: return "переименуйте файл или задайте другой slug"
        case .reservedFolders: return "папки assets, search и tags зарезервированы"
        case .renameFile: return "переименуйте файл (например, demo.html) или перенесите его в другую папку"
        case .slugCharacters: return "slug состоит из латинских букв, цифр и дефисов"
        case .pointOldAnchor(let anchor): return "укажите, куда вести старые ссылки: anchors: {\(anchor): новый-якорь}"
        case .describeImage(let destination): return "опишите картинку: ![что на ней](\(destination))"
        case .linkInsideContent: return "ссылайтесь на страницы и файлы внутри content/"
        case .nameThePageFile(let chosen):
            return "назовите файл страницы, например \(chosen.isEmpty ? "_index" : chosen).md"
        case .moveOutOfHiddenFolder: return "перенесите файл в обычную папку внутри content/"
        case .redirectNotCreated: return "перенаправление не создано"
        // Markdown
        case .relabelFootnote: return "дайте второй сноске другую метку"
        case .addFootnoteText(let label): return "добавьте в конец страницы строку [^\(label)]: текст сноски"
        // Output
        case .checkWriteAccess(let folder): return "проверьте права на запись в \(folder)"
        case .checkSpaceAndWriteAccess(let folder): return "проверьте свободное место и права на запись в \(folder)"
        case .buildAgain: return "запустите сборку ещё раз, когда правки будут сохранены"
        // Content
        case .contentFolder: return "страницы сайта лежат в папке content/ рядом с almanac.yml"
        case .saveAsUTF8: return "сохраните файл в UTF-8"
        case .fileDamaged: return "файл, вероятно, повреждён или не текстовый"
        case .closeFrontMatter(let fence): return "добавьте строку \(fence) после последнего поля"
        case .tomlSyntax: return "строки берутся в кавычки, списки — в [ ], таблицы — в { }"
        case .yamlSyntax:
            return "проверьте отступы, кавычки и скобки; значение с двоеточием, # или [ возьмите в кавычки"
        case .noTypesDeclared: return "в almanac.yml не объявлено типов: уберите поле type"
        case .declaredTypes(let types): return "типы объявлены в almanac.yml: " + types.joined(separator: ", ")
        case .fixValue(let field, let literal): return "исправьте значение в файле: \(field): \(literal)"
        case .declarePlaceholder(let name): return "добавьте в placeholders строку «\(name): что сюда подставить»"
        case .allowedValues(let values): return "допустимые значения: " + values.joined(separator: ", ")
        case .dateExample: return "например, 2026-03-15"
        case .addItems(let count): return "добавьте ещё \(count)"
        case .maybeValue(let value): return "может быть, «\(value)»?"
        case .siteTypes(let types): return "типы сайта: " + types.joined(separator: ", ")
        case .createArchetype(let type): return "создайте файл templates/archetypes/\(type).md"
        case .titleNeedsLetters: return "в заголовке должны быть буквы или цифры"
        case .chooseAnotherTitle: return "выберите другой заголовок или откройте существующую страницу"
        // Configuration (almanac.yml)
        case .runInSiteFolder: return "запустите команду в папке сайта или укажите её: almanac build ПАПКА"
        case .lintExample: return "например lint: {orphan-page: off}"
        case .silenceableCodes(let codes): return "можно отключить: " + codes.joined(separator: ", ")
        case .markdownKeys: return "допустимы unsafe_html, smart_punctuation и extensions"
        case .knownExtensions(let names): return "известны: \(names.joined(separator: ", "))"
        case .typeKeys: return "допустимы folder, title, singular, layout, fields, filters, facts"
        case .fieldKeys:
            return "допустимы type, required, values, ref, items, label, labels, icons, limits, min_items, search"
        case .allowedList(let items): return "допустимы " + items.joined(separator: ", ")
        case .searchKeys: return "допустимы synonyms, boosts, weak_words и channels"
        case .playbookExample: return "например {type: principle, sort: order}"
        case .playbookKeys: return "допустимы type, sort, group"
        case .contentTypes(let types): return "типы: " + types.joined(separator: ", ")
        case .historyKeys: return "допустим readers_since"
        case .homeSituationsExample: return "например {type: reply, field: situation}"
        case .homeKeys: return "допустимы situations и checklist"
        // Commands (build, init, serve)
        case .separateOutputFolder: return "укажите отдельную папку, например --output public"
        case .newOrEmptyFolder: return "укажите новую или пустую папку"
        case .newOrEmptyFolderForInit: return "укажите новую или пустую папку: almanac init ПАПКА"
        case .reinstall: return "переустановите almanac (make install) или запустите его из папки репозитория"
        case .installAlmanac:
            return "установите almanac командой make install PREFIX=… или запустите его из папки репозитория"
        case .serveSiteFolder: return "укажите папку сайта: almanac serve ПАПКА"
        }
    }
}

/// The kind of a value in front matter or almanac.yml, as a message names it («ожидалась строка, а не список»).
public enum DiagnosticValueKind: Sendable, Hashable {
    case empty, bool, integer, number, string, list, map

    /// The Russian table.
    public var russian: String {
        switch self {
        case .empty: return "пустое значение"
        case .bool: return "логическое значение"
        case .integer: return "целое число"
        case .number: return "число"
        case .string: return "строка"
        case .list: return "список"
        case .map: return "словарь"
        }
    }

    public var text: String { russian }
}

/// A value quoted in a message with its kind («строка «3»», «список [a, b]»).
public enum DiagnosticValue: Sendable, Hashable {
    case string(String)
    case list([String])
    case other(DiagnosticValueKind, String)

    /// The Russian table.
    public var russian: String {
        switch self {
        case .string(let s): return "строка «\(s)»"
        case .list(let items): return "список [\(items.joined(separator: ", "))]"
        case .other(let kind, let s): return "\(kind.russian) \(s)"
        }
    }

    public var text: String { russian }
}

extension DiagnosticMessage {
    /// The text in the language diagnostics are printed in (Russian; the only table so far).
    public var text: String { russian }
}

extension DiagnosticHint {
    /// The text in the language diagnostics are printed in (Russian; the only table so far).
    public var text: String { russian }
}

extension Diagnostic {
    public init(
        file: String, line: Int = 0, column: Int = 0, severity: Severity,
        code: DiagnosticCode, _ message: DiagnosticMessage, hint: DiagnosticHint? = nil
    ) {
        self.init(file: file, line: line, column: column, severity: severity, code: code,
                  message: message.text, hint: hint?.text)
    }

    public static func error(
        _ message: DiagnosticMessage, file: String, line: Int = 0, column: Int = 0, code: DiagnosticCode,
        hint: DiagnosticHint? = nil
    ) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .error, code: code, message, hint: hint)
    }

    public static func warning(
        _ message: DiagnosticMessage, file: String, line: Int = 0, column: Int = 0, code: DiagnosticCode,
        hint: DiagnosticHint? = nil
    ) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, code: code, message, hint: hint)
    }
}
