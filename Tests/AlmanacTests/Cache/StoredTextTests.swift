import Testing
@testable import Almanac

/// Text the cache read stays bytes until asked for: the bytes must be exactly what the string
/// would be written as, and text made either way must compare and hash alike.
@Suite struct StoredTextTests {
    static let samples = ["", "ответ в первый час", "emoji 🧯 и ё", "строка\nвторая\r\n", String(repeating: "ж", count: 5000)]

    @Test(arguments: samples) func storedTextIsWrittenAndReadAsItsString(_ text: String) throws {
        var writer = CacheWriter(capacity: 16)
        writer.write(text)
        writer.write(StoredText(text))
        var reader = CacheReader(writer.bytes)
        let stored = try reader.readStoredText()
        let again = try reader.readString()
        #expect(reader.isAtEnd)
        #expect(stored.string == text && again == text)
        #expect(stored == StoredText(text) && stored.hashValue == StoredText(text).hashValue)
        #expect(stored.utf8Count == text.utf8.count && stored.isEmpty == text.isEmpty)
    }

    @Test func differentTextDiffers() throws {
        var writer = CacheWriter(capacity: 16)
        writer.write("кризис")
        var reader = CacheReader(writer.bytes)
        let stored = try reader.readStoredText()
        #expect(stored != StoredText("кризисы"))
        #expect(stored != StoredText("Кризис"))
    }
}
