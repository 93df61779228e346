import Foundation

/// Turns encoded pieces into the files under search/: compressed `.bin` for fetch, and for an
/// offline build also a `.js` twin that hands the same bytes (base64) to `Almanac.searchData`,
/// because browsers refuse fetch() of file:// URLs but run scripts from there.
struct PieceWriter: Sendable {
    static let directory = "search/"

    var compress: Bool
    var offline: Bool

    /// Compresses on every core; keeps the order of `pieces`.
    func files(_ pieces: [(path: String, bytes: [UInt8])]) -> (files: [OutputFile], build: String) {
        let compress = self.compress, offline = self.offline
        let encoded = pieces.concurrentMap { piece -> (String, [UInt8], OutputFile?) in
            let bytes = compress ? Deflate.compress(piece.bytes) : piece.bytes
            let script = offline ? Self.script(path: piece.path, payload: "\"" + Data(bytes).base64EncodedString() + "\"") : nil
            return (piece.path, bytes, script)
        }
        var files: [OutputFile] = []
        files.reserveCapacity(encoded.count * (offline ? 2 : 1))
        var hash = BuildHash()
        for (path, bytes, script) in encoded {
            hash.add(path)
            hash.add(bytes)
            files.append(OutputFile(path: Self.directory + path, data: Data(bytes)))
            if let script { files.append(script) }
        }
        return (files, hash.hex)
    }

    /// meta.json, and offline its script twin with the JSON inline.
    func metaFiles(_ meta: IndexMeta) -> [OutputFile] {
        let json = meta.json()
        var files = [OutputFile(path: Self.directory + "meta.json", data: json)]
        if offline { files.append(Self.script(path: "meta.json", payload: String(decoding: json, as: UTF8.self))) }
        return files
    }

    /// `x/1.bin` → `search/x/1.js` calling `Almanac.searchData("x/1.bin", payload)`. No inline code,
    /// no eval: the page's Content-Security-Policy allows scripts from files only.
    static func script(path: String, payload: String) -> OutputFile {
        let name = path.hasSuffix(".bin") ? String(path.dropLast(4)) : String(path.dropLast(5))
        return OutputFile(path: directory + name + ".js", text: "Almanac.searchData(\"\(path)\",\(payload));\n")
    }
}

/// FNV-1a over every piece: cheap, deterministic, and only has to change when the index does.
struct BuildHash {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    }

    mutating func add(_ s: String) { add(Array(s.utf8)) }

    var hex: String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
