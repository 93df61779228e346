/// HTML escaping of `{{value}}` on UTF-8 bytes: `< > & " '`, the five replacements Mustache
/// makes. Most values need no escaping at all and are appended as they are.
package enum HTMLEscaping {
    package static func escape(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text` escaped, without building the escaped string on its own first.
    package static func append(_ text: String, to out: inout String) {
        var bytes = text
        let escaped: [UInt8]? = bytes.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x3C: escaped.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])                     // &lt;
                case 0x3E: escaped.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])                     // &gt;
                case 0x26: escaped.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])               // &amp;
                case 0x22: escaped.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])         // &quot;
                case 0x27: escaped.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])               // &#39;
                default: escaped.append(byte)
                }
            }
            return escaped
        }
        if let escaped {
            out += String(decoding: escaped, as: UTF8.self)
        } else {
            out += text
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }
}
