/// Cuts text into folded words. A word is a run of letters and digits; a hyphen or underscore
/// between two of them joins the *parts* of a compound (`веб-сокет`, `user_id`, `covid-19`), an
/// apostrophe between letters is dropped (`don't` → `dont`), and `.` or `,` between digits stays in
/// a number (`3,5` → `3.5`). The browser's normalize.js tokenizes by the same rules.
struct Tokenizer {
    /// The folded word, parts joined by `-` (which never occurs inside a folded part).
    private(set) var bytes: [UInt8] = []
    private var pending: TextNormalizer.CharClass?
    private var lastWasDigit = false
    private var lastWasLetter = false

    init() { bytes.reserveCapacity(64) }

    static let partSeparator = UInt8(ascii: "-")

    /// Calls `visit` with each word's folded UTF-8 bytes, compound parts separated by `-`.
    mutating func forEachWord(in text: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.removeAll(keepingCapacity: true)
        pending = nil
        for s in TextNormalizer.composed(text).unicodeScalars {
            let c = TextNormalizer.classify(s)
            switch c {
            case .letter, .digit:
                if let joiner = pending {
                    pending = nil
                    switch joiner {
                    case .connector: bytes.append(Self.partSeparator)
                    case .numberJoiner where lastWasDigit && c == .digit: bytes.append(UInt8(ascii: "."))
                    case .apostrophe where lastWasLetter && c == .letter: break
                    default: emit(visit)
                    }
                }
                TextNormalizer.appendFolded(s, to: &bytes)
                lastWasDigit = c == .digit
                lastWasLetter = c == .letter
            case .ignorable:
                continue
            case .connector, .apostrophe, .numberJoiner:
                if !bytes.isEmpty && pending == nil { pending = c } else { emit(visit) }
            case .separator:
                emit(visit)
            }
        }
        emit(visit)
    }

    private mutating func emit(_ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
        pending = nil
        lastWasDigit = false
        lastWasLetter = false
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { visit($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Every word of a text as a string (`веб-сокет` for a compound): for tests, settings and queries.
    static func words(_ text: String) -> [String] {
        var tokenizer = Tokenizer()
        var out: [String] = []
        tokenizer.forEachWord(in: text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }
}
