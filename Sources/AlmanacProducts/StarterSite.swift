import Almanac
/// What `almanac init` writes into a new site besides the theme: a commented almanac.yml with the
/// five content types of a crisis-communication base, a home page and the example pages' titles.
/// The configuration follows the bundled base's almanac.yml without what is only that base's: its
/// reminder that its approvals are examples, its checklist page, its history start date, its synonyms.
package enum StarterSite {
    /// Content type → title of its example page, made from `templates/archetypes/TYPE.md`.
    package static let examples: [(type: String, title: String)] = [
        ("principle", "Пример принципа"),
        ("reply", "Пример шаблона ответа"),
        ("case", "Пример кейса"),
        ("document", "Пример документа"),
        ("article", "Пример статьи"),
    ]

    /// Folder → its section page (`_index.md`): title, description, weight and what the section holds.
    package static let sections: [(folder: String, title: String, description: String, weight: Int, text: String)] = [
        ("principles", "Принципы", "Правила, на которые опираются шаблоны и разборы кейсов.", 10,
         "Принцип помогает, когда ситуация нетипичная и готового текста нет. Поле `order` задаёт номер принципа в списке."),
        ("replies", "Шаблоны ответов", "Готовые тексты ответов с плейсхолдерами, вариантами для каналов и статусом согласования.", 20,
         "Каждый шаблон — основа, которую дописывают под человека, площадку и факты. Публикуйте только согласованные."),
        ("documents", "Внутренние документы", "Заготовки для сотрудников, поддержки, кризисного штаба и СМИ.", 25,
         "Документ — текст с полями в фигурных скобках: подставьте факты, и он готов к согласованию."),
        ("cases", "Кейсы", "Разборы кризисов — хронология, ошибки и выводы.", 30,
         "Публичный кейс называет источники, учебный собирательный отмечен полем `kind: composite`."),
    ]

    package static func sectionPage(_ s: (folder: String, title: String, description: String, weight: Int, text: String)) -> String {
        "---\ntitle: \(s.title)\ndescription: \(s.description)\nweight: \(s.weight)\n---\n\n\(s.text)\n"
    }

    package static let homePage = """
        ---
        title: База знаний
        description: Что делать в кризис в соцсетях, готовые ответы и документы нашей команды.
        ---

        Это главная страница: её текст — в файле `content/_index.md`. Рядом лежат по одной странице-примеру
        каждого типа: принципы, шаблоны ответов, кейсы, внутренние документы и статьи. Замените их своими
        и удалите примеры.

        ## Как добавить страницу

        Команда `almanac new reply "Ответ на жалобу о доставке"` создаст файл по заготовке из
        `templates/archetypes/` в папке типа. Поля заголовка страницы (front matter) описаны
        в `almanac.yml`: сборка назовёт файл и строку, если поле пропущено или значение не из списка.

        ## Как посмотреть сайт

        `almanac serve` показывает сайт и пересобирает его после каждой правки, `almanac build` собирает
        его в папку `public/`, `almanac check` проверяет ссылки и поля, ничего не записывая.

        """

    package static let config = """
        # Настройки сайта Almanac. Полное описание ключей — в README репозитория Almanac.
        title: База знаний
        description: Кризисные коммуникации в социальных сетях
        language: ru            # язык интерфейса темы (ru или en) и поиска
        # base_url: https://wiki.example.ru/crisis/   # адрес опубликованного сайта: canonical, sitemap, ленты
        # edit_url: https://gitlab.example.ru/team/wiki/-/edit/main/content/
        #   ^ ссылка «Редактировать» на каждой странице: к адресу добавляется путь файла внутри content/
        # authors_area: docs   # папка документации для авторов: вне навигации читателей и поиска по умолчанию
        links: error            # битая ссылка — ошибка (warn — предупреждение, для импорта старых текстов)
        markdown:
          unsafe_html: false    # сырой HTML в Markdown вырезается; включайте только для доверенных авторов
          smart_punctuation: true

        # Типы страниц. Тип задаёт папку в content/, поля front matter и их проверку при сборке:
        # required — обязательное поле, values — допустимые значения, ref — ссылка на страницу типа.
        # filters — фильтры списка страниц типа, facts — поля в карточке на странице.
        types:
          principle:
            folder: principles
            title: Принципы
            singular: Принцип
            fields:
              order: {type: int, required: true, label: Номер}
              summary: {type: string, required: true, label: Суть}
              do: {type: list, required: true, label: Что делать}
              dont: {type: list, required: true, label: Чего не делать}

          reply:
            folder: replies
            title: Шаблоны ответов
            singular: Шаблон ответа
            filters: [situation, channels, tone, status]
            facts: [situation, channels, tone, principles]
            fields:
              situation:
                type: string
                label: Ситуация
                required: true
                values: [качество товара или услуги, доставка и сроки, сбой сервиса, безопасность и данные,
                         оскорбления и токсичность, фейки и дезинформация, поведение сотрудников, цены и условия,
                         ошибка компании, развивающийся инцидент, юридические риски, СМИ и блогеры]
                # Значки плиток «Что случилось?» на главной: файлы templates/icons/ИМЯ.svg, по одному на значение.
                icons: {качество товара или услуги: package, доставка и сроки: truck, сбой сервиса: outage,
                        безопасность и данные: situation-data, оскорбления и токсичность: situation-abuse,
                        фейки и дезинформация: fake, поведение сотрудников: user, цены и условия: money,
                        ошибка компании: warning, развивающийся инцидент: flame, юридические риски: gavel,
                        СМИ и блогеры: megaphone}
              channels:
                type: list
                label: Каналы
                required: true
                values: [ВКонтакте, Telegram, Одноклассники, Дзен, YouTube, маркетплейс, карты и отзовики,
                         e-mail, личные сообщения, сайт, СМИ]
                # Сколько знаков площадка принимает в одном сообщении: вариант для канала показывает счётчик.
                limits: {Telegram: 4096}
              tone:
                type: string
                label: Тон
                required: true
                values: [сочувственный, официальный, нейтральный, твёрдый, дружелюбный]
              reply: {type: text, required: true}
              # Как читатели описывают ситуацию своими словами: поиск считает эти фразы сильным полем.
              asked_as: {type: list, label: Как об этом пишут}
              variants: {type: map}
              placeholders: {type: map, required: true}
              principles: {type: list, ref: principle, label: Принципы}
              # Согласование: кто отвечает за текст, кто и когда его утвердил, когда пересмотреть.
              owner: {type: string, label: Отвечает за текст}
              status: {type: string, required: true, label: Статус, values: [черновик, на согласовании, согласовано, устарело]}
              approved_by: {type: string, label: Согласовали}
              approved_on: {type: date, label: Дата согласования}
              review_by: {type: date, label: Пересмотреть до}

          case:
            folder: cases
            title: Кейсы
            singular: Кейс
            filters: [crisis_type, platforms, kind]
            facts: [organisation, period, platforms, crisis_type, principles_applied, principles_broken, sources]
            fields:
              kind:
                type: string
                label: Вид кейса
                required: true
                values: [documented, composite]
                labels: {documented: публичный документированный кейс, composite: учебный собирательный кейс}
              organisation: {type: string, required: true, label: Организация}
              period: {type: string, required: true, label: Когда}
              platforms: {type: list, required: true, label: Площадки}
              crisis_type:
                type: string
                label: Тип кризиса
                required: true
                values: [качество продукта, сбой сервиса, утечка данных, поведение сотрудника, неудачная реклама,
                         фейк и слухи, атака блогера, задержки и отмены, цены и условия, безопасность клиентов,
                         конфликт с клиентом]
              principles_applied: {type: list, ref: principle, label: Принципы соблюдены}
              principles_broken: {type: list, ref: principle, label: Принципы нарушены}
              outcome: {type: string, required: true, label: Итог}
              lessons: {type: list, required: true, label: Уроки}
              sources: {type: list, label: Источники}

          document:
            folder: documents
            title: Внутренние документы
            singular: Документ
            filters: [audience, status]
            facts: [purpose, audience, when]
            fields:
              purpose: {type: string, required: true, label: Зачем}
              audience:
                type: string
                label: Кому
                required: true
                values: [кризисный штаб, сотрудники, поддержка и колл-центр, клиенты и подписчики, СМИ]
              when: {type: string, required: true, label: Когда отправлять}
              # Сам документ: текст с {плейсхолдерами}, который копируют и дописывают фактами.
              text: {type: text, required: true, label: Текст документа}
              variants: {type: map, label: Дополнительные блоки}
              placeholders: {type: map, required: true, label: Что подставить}
              owner: {type: string, required: true, label: Отвечает за документ}
              status: {type: string, required: true, label: Статус, values: [черновик, на согласовании, согласовано, устарело]}
              approved_by: {type: string, label: Согласовали}
              approved_on: {type: date, label: Дата согласования}
              review_by: {type: date, label: Пересмотреть до}

          article:
            title: Статьи
            singular: Статья

        # Главная — пульт на случай кризиса: плитка на каждую ситуацию шаблонов ответов ведёт к шаблонам
        # этой ситуации. checklist: страница, которую открывают первой (например, first-hour.md).
        home:
          situations: {type: reply, field: situation}

        # Плейбук для печати (playbook/index.html): принципы по номеру, затем шаблоны и документы по группам.
        playbook:
          - {type: principle, sort: order}
          - {type: reply, group: situation}
          - {type: document, group: audience}

        search:
          # Множитель веса страницы по типу в выдаче поиска; тип, которого нет в списке, весит 1.
          boosts: {reply: 1.3, document: 1.2, principle: 1.2, case: 0.9, article: 1.0}
          # Слова и фразы, которые в вашей базе значат одно и то же (поиск сводит их к основам):
          synonyms:
            - [негатив, негативный отзыв, жалоба, претензия]
            - [соцсети, социальные сети, SMM]
            - [кризис, инцидент, ЧП]

        """
}
