import Testing
@testable import Almanac

/// `{name}` and `{name?}` in reply texts: what the tool, the lint and the packet read from them.
@Suite struct PlaceholderTextTests {
    @Test func optionalPlaceholderKeepsItsNameWithoutTheMark() {
        let s = PlaceholderText.segments("Мы уже {что_сделали}. {что_дальше?}")
        #expect(s.map(\.placeholder) == [nil, "что_сделали", nil, "что_дальше"])
        #expect(s.map(\.optional) == [false, false, false, true])
        #expect(s.map(\.text) == ["Мы уже ", "{что_сделали}", ". ", "{что_дальше}"], "readers see the name, not the mark")
        #expect(PlaceholderText.names("{а?} и {б}") == ["а", "б"])
    }

    @Test func aQuestionMarkAnywhereElseIsText() {
        #expect(PlaceholderText.names("{?} {а??} {?а} {а ?}").isEmpty)
        #expect(PlaceholderText.segments("Правда? {имя}").first?.text == "Правда? ")
    }

    @Test func aNameIsOptionalInATextOnlyIfEveryUseThereIsMarked() {
        #expect(PlaceholderText.optionalNames("{а?} {б?} {б}") == ["а"])
        #expect(PlaceholderText.optionalNames("{а} {б}").isEmpty)
    }
}
