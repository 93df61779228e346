import AlmanacContent
import AlmanacCore
/// Function words that are not indexed: they occur on every page, so their postings would be the
/// largest pieces of the index while telling pages apart not at all. The list travels in meta.json,
/// so the runtime drops exactly these words from queries. Phrases still see them: a quoted phrase
/// is checked against the page text.
package enum Stopwords {
    package static let russian: [String] = """
        а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до \
        его ее ей если есть еще же за здесь и из или им их к как ко когда кто ли либо между меня мне может \
        мы на над не него нее нет ни них но ну о об однако он она они оно от очень по под при про с со так \
        также такой там те тем то того тоже той только том тот ту ты у уже чем что чтобы эта эти это этого \
        этой этом этот я
        """.split(separator: " ").map(String.init)

    package static let english: [String] = """
        a an and are as at be been but by for from has have he her his i if in into is it its me my no not \
        of on or our she so than that the their them then there these they this to was we were what when \
        which who will with you your
        """.split(separator: " ").map(String.init)

    package static func list(languages: [String]) -> [String] {
        var words: [String] = []
        if languages.contains("ru") { words += russian }
        if languages.contains("en") { words += english }
        return Array(Set(words)).sorted()
    }
}
