import Foundation
import AlmanacCore

/// Where each line of a page body starts, so a block's lines can be read back as written.
package struct SourceLines {
    package let bytes: [UInt8]
    package private(set) var starts: [Int] = [0]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // memchr rather than a loop over the bytes: a page of 100 MB (a list nested 10,000 levels
        // deep is one) is scanned at memory speed in debug and sanitizer builds too.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var at = 0
            while at < buffer.count, let hit = memchr(base + at, 0x0A, buffer.count - at) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(index + 1)
                at = index + 1
            }
        }
    }

    /// Whether the page holds `byte` anywhere: a page without a pipe has no table to look for.
    package static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false
        }
    }

    package var count: Int { starts.count }

    /// Whether lines `first...last` (1-based) hold `byte`, without making strings of them.
    package func lines(_ first: Int, _ last: Int, contain byte: UInt8) -> Bool {
        guard first >= 1, last >= first, last <= starts.count else { return false }
        let end = last < starts.count ? starts[last] : bytes.count
        return bytes[starts[first - 1]..<end].contains(byte)
    }

    /// Line `number` (1-based) without its line break, from byte column `column` (1-based).
    package func line(_ number: Int, fromColumn column: Int = 1) -> Substring {
        guard number >= 1, number <= starts.count else { return "" }
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > 0, end - 1 >= starts[number - 1], bytes[end - 1] == 0x0D { end -= 1 }
        let start = min(starts[number - 1] + max(column - 1, 0), end)
        return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }
}
