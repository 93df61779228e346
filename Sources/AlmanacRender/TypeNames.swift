import AlmanacContent
import AlmanacCore
extension PageContext {
    /// What a reader sees as a page's type («Шаблон ответа»): the name almanac.yml gives it, or,
    /// for the built-in article type a site did not declare, the theme's word in the site's language.
    package func typeName(_ id: String) -> String {
        if let declared = site.config.contentTypes.first(where: { $0.id == id }) { return declared.singular }
        return id == ContentType.article.id ? strings["type.article"] : id
    }
}
