import Foundation
import AlmanacCore

/// Turns a file's bytes into the text the pipeline works on: valid UTF-8, LF line ends, no BOM.
package enum SourceText {
    package enum Problem: Equatable {
        case invalidUTF8(line: Int)
        case nulByte(line: Int)
    }

    package static func decode(_ data: Data) -> (text: String, problems: [Problem]) { decode([UInt8](data)) }

    package static func decode(_ bytes: [UInt8]) -> (text: String, problems: [Problem]) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var problems: [Problem] = []
        if let nul = bytes.firstIndex(of: 0) {
            problems.append(.nulByte(line: lineNumber(of: nul, in: bytes)))
            // cmark would turn NUL into U+FFFD anyway; doing it here keeps the text safe everywhere.
            bytes = bytes.map { $0 == 0 ? 0x3F : $0 }
        }
        var text: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            problems.append(.invalidUTF8(line: firstInvalidLine(bytes)))
            text = String(decoding: bytes, as: UTF8.self)
        }
        // Searching the bytes is much cheaper than a Character-level String search.
        if bytes.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return (text, problems)
    }

    private static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
