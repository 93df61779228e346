@testable import Almanac

/// Small hand-made pages for ranking and format tests.
enum SearchFixture {
    static func doc(_ url: String, title: String, type: String = "article", description: String = "",
                    tags: [String] = [], sections: [(String, String)] = [("", "")]) -> SearchDocument {
        SearchDocument(
            url: url, title: title, description: description, type: type, section: type + "s",
            sectionTitle: type.capitalized, tags: tags, status: nil,
            sections: sections.enumerated().map { i, s in
                SearchSection(anchor: s.0.isEmpty ? "" : "h\(i)", heading: s.0, level: s.0.isEmpty ? 0 : 2, text: s.1)
            })
    }

    static let pages: [SearchDocument] = [
        doc("body/", title: "Работа с отзывами", sections: [
            ("", "Иногда кризисная коммуникация начинается с одного отзыва."),
            ("Мониторинг", "Следите за упоминаниями бренда каждый день."),
        ]),
        doc("title/", title: "Кризисные коммуникации", sections: [("", "Что делать, когда всё идёт не так.")]),
        doc("reply/", title: "Ответ на жалобу о доставке", type: "reply", sections: [("", "Извините за задержку доставки.")]),
        doc("article/", title: "Ответ на жалобу о доставке", sections: [("", "Извините за задержку доставки.")]),
        doc("deep/", title: "Подготовка", sections: [
            ("", "Общие слова о подготовке."),
            ("Команда", "Кто входит в команду."),
            ("Шаблоны", "Заготовьте шаблоны ответов на негатив заранее."),
        ]),
        doc("tagged/", title: "Модерация", description: "Правила модерации комментариев", tags: ["Негатив"],
            sections: [("", "Удаляйте только оскорбления.")]),
    ]
}
