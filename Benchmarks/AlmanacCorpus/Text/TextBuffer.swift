/// UTF-8 output with the two bits of state running text needs: whether the next word takes a
/// space before it, and whether it starts a sentence and so takes a capital letter.
/// Bytes rather than `String`: the corpus writes ~90 MB per 10,000 pages and should do it in seconds.
struct TextBuffer {
    var bytes: [UInt8] = []
    private var spaceBefore = false
    /// The next word is capitalised; markup opened before it (`[`, `**`, `«`) does not count as a word.
    var capitalizeNext = false

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func word(_ w: [UInt8]) {
        if spaceBefore { bytes.append(0x20) }
        let start = bytes.count
        bytes.append(contentsOf: w)
        finishWord(at: start)
    }

    mutating func word(_ w: StaticString) {
        if spaceBefore { bytes.append(0x20) }
        let start = bytes.count
        append(w)
        finishWord(at: start)
    }

    mutating func word(_ w: String) {
        if spaceBefore { bytes.append(0x20) }
        let start = bytes.count
        bytes.append(contentsOf: w.utf8)
        finishWord(at: start)
    }

    mutating func number(_ n: Int) {
        if spaceBefore { bytes.append(0x20) }
        appendDecimal(n)
        spaceBefore = true
        capitalizeNext = false
    }

    /// Punctuation that sticks to the previous word: `,` `.` `»` `]` `**` at the end of a span.
    mutating func close(_ s: StaticString) {
        append(s)
        spaceBefore = true
    }

    /// Markup that sticks to the next word: `«` `[` `**` at the start of a span.
    mutating func open(_ s: StaticString) {
        if spaceBefore { bytes.append(0x20) }
        append(s)
        spaceBefore = false
    }

    /// Bytes exactly as given, outside running text (a link destination, a line prefix).
    mutating func raw(_ s: StaticString) { append(s) }
    mutating func raw(_ s: [UInt8]) { bytes.append(contentsOf: s) }
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Ends a line of Markdown; the next text starts fresh.
    mutating func endLine() {
        bytes.append(0x0A)
        spaceBefore = false
    }

    /// Ends a block (paragraph, list, heading) with the blank line CommonMark wants between blocks.
    mutating func endBlock() {
        bytes.append(0x0A)
        bytes.append(0x0A)
        spaceBefore = false
    }

    mutating func startSentence() { capitalizeNext = true }

    mutating func suppressSpace() { spaceBefore = false }

    mutating func appendDecimal(_ n: Int, width: Int = 0) {
        var digits: [UInt8] = []
        var v = n
        repeat {
            digits.append(UInt8(0x30 + v % 10))
            v /= 10
        } while v > 0
        while digits.count < width { digits.append(0x30) }
        bytes.append(contentsOf: digits.reversed())
    }

    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func finishWord(at start: Int) {
        if capitalizeNext {
            TextBuffer.capitalize(&bytes, at: start)
            capitalizeNext = false
        }
        spaceBefore = true
    }

    /// Upper-cases the letter at `i` in place: Cyrillic а–я and ё, and Latin a–z, keep their length in UTF-8.
    static func capitalize(_ b: inout [UInt8], at i: Int) {
        guard i < b.count else { return }
        let c = b[i]
        if c >= 0x61 && c <= 0x7A { b[i] = c - 0x20; return }
        guard i + 1 < b.count else { return }
        let d = b[i + 1]
        if c == 0xD0 && d >= 0xB0 && d <= 0xBF { b[i + 1] = d - 0x20 }  // а–п → А–П
        else if c == 0xD1 && d >= 0x80 && d <= 0x8F { b[i] = 0xD0; b[i + 1] = d + 0x20 }  // р–я → Р–Я
        else if c == 0xD1 && d == 0x91 { b[i] = 0xD0; b[i + 1] = 0x81 }  // ё → Ё
    }
}

extension TextBuffer {
    /// Joins the next word to the previous one with no space: «SMM» + «-» + «специалист».
    mutating func glue(_ s: StaticString) {
        raw(s)
        suppressSpace()
    }
}
