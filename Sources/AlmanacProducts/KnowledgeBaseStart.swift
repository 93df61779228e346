import Foundation
import Almanac

/// What `almanac init --with-knowledge-base` changes in the bundled base besides resetting the
/// pages' approvals: almanac.yml loses the note that its approvals are examples, and a page says
/// which texts a team should approve first.
package enum KnowledgeBaseStart {
    package static let fileName = "start-here.md"

    /// The pages to approve first, most urgent first, with why; those missing from the base are skipped.
    package static let priorities: [(path: String, why: String)] = [
        ("first-hour.md", "впишите, кто в вашей команде дежурит, кто принимает решения и куда звонить"),
        ("replies/holding-statement.md", "его публикуют в первые минуты любого кризиса, когда фактов ещё нет"),
        ("replies/data-leak.md", "формулировки зависят от позиции юристов и безопасников, договоритесь о них заранее"),
        ("replies/service-outage.md", "самая частая ситуация, когда пишут сотни людей сразу"),
        ("replies/delivery-delay.md", "нужны реальные сроки и то, что компания предлагает взамен"),
        ("replies/incident-update.md", "кто выпускает новые данные и как часто"),
        ("replies/apology.md", "кто вправе извиняться от имени компании"),
        ("replies/hacked-account.md", "что писать в других каналах, пока доступ не восстановлен"),
        ("replies/journalist-request.md", "кто говорит со СМИ и в какой срок отвечает"),
        ("documents/crisis-briefing.md", "состав штаба и порядок созвона"),
        ("documents/staff-memo.md", "что сотрудникам можно и нельзя писать о кризисе"),
        ("documents/support-script.md", "чтобы поддержка отвечала то же, что и соцсети"),
        ("documents/press-release.md", "кто подписывает и кто рассылает"),
    ]

    /// The bundled almanac.yml without `approvals_are_examples` (and the comment above it), and with
    /// `owner` no longer required: the reset cleared every owner, and the team names its own.
    package static func config(from text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix("approvals_are_examples:") }) {
            var start = index
            while start > 0, lines[start - 1].hasPrefix("#") { start -= 1 }
            lines.removeSubrange(start...index)
        }
        var result: [String] = []
        for line in lines {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("owner: {"), line.contains("required: true, ") {
                let indent = String(line.prefix { $0 == " " })
                result.append(indent + "# Ответственных назначает ваша команда; когда они будут у всех, верните required: true.")
                result.append(line.replacingOccurrences(of: "required: true, ", with: ""))
            } else {
                result.append(line)
            }
        }
        return result.joined(separator: "\n")
    }

    /// The page that tells the team what to approve first; links only pages the base has.
    package static func page(content: URL) -> String {
        var items: [String] = []
        for (path, why) in priorities {
            let url = content.appendingPathComponent(path)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let title = Self.title(of: text) ?? path
            items.append("\(items.count + 1). [\(escaped(title))](\(path)) — \(why).")
        }
        return """
            ---
            title: С чего начать согласование
            description: Все тексты базы — черновики. Что согласовать в первую очередь, чтобы в кризис было что публиковать.
            weight: 1
            ---

            Эта база создана из базы знаний, которая поставляется с Almanac. Её тексты написаны для
            вымышленной компании, поэтому согласования с них сняты: у каждого шаблона и документа статус
            «черновик», а поля `owner`, `approved_by`, `approved_on` и `review_by` пусты. Пока текст не
            согласован вашими юристами и руководством, публиковать его нельзя.

            ## Что согласовать первым

            Порядок — от того, что понадобится в первые минуты кризиса, к тому, что можно подготовить позже:

            \(items.joined(separator: "\n"))

            Остальные шаблоны удобно разбирать по ситуациям: в списке шаблонов ответов есть фильтр по статусу.
            Список текстов, у которых ещё нет ответственного, печатает `almanac check`: предупреждение
            `no-owner` у каждого такого шаблона и документа. Когда их не останется, база готова к работе.

            ## Как отметить согласование

            В заголовке страницы (front matter) заполните поля и поменяйте статус:

            ```yaml
            owner: Руководитель PR
            status: согласовано
            approved_by: Юрист, директор по коммуникациям
            approved_on: 2027-01-15
            review_by: 2027-07-15
            ```

            Срок пересмотра нужен потому, что меняются законы, площадки и люди, которые отвечают за ответы.
            Когда у всех шаблонов и документов появятся ответственные, верните в `almanac.yml` у поля `owner`
            типа `document` признак `required: true` — тогда сборка не пропустит документ без владельца.

            """
    }

    /// A paragraph added to the end of content/_index.md so that the page above is one click away.
    package static func homeNote(_ home: String) -> String {
        (home.hasSuffix("\n") ? "\n" : "\n\n") + """
            ## Прежде чем пользоваться базой

            Все тексты здесь — черновики, согласования с них сняты. [С чего начать согласование](\(fileName)):
            что утвердить первым.

            """
    }

    private static func title(of text: String) -> String? {
        for line in text.split(separator: "\n").prefix(40) where line.hasPrefix("title:") {
            var value = line.dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    private static func escaped(_ title: String) -> String {
        title.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }
}
