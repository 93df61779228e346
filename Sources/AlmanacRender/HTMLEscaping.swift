import Mustache
import AlmanacCore

/// HTML escaping of `{{value}}` on UTF-8 bytes, with the same five replacements as the template
/// library's own (`< > & " '`). The library's walks Characters and looks each one up in a
/// dictionary, which was a tenth of a 10,000-page build; most values need no escaping at all
/// and are returned as they are.
package struct HTMLEscaping: MustacheContentType {
    /// The name `Theme` selects it by, in a pragma put before every template.
    package static let name = "ALMANAC_HTML"
    package static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type with the template library; safe to call more than once.
    package static func register() { _ = registration }
    private static let registration: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    package func escapeText(_ text: String) -> String { Self.escape(text) }

    package static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])                     // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])                     // &gt;
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])               // &amp;
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])         // &quot;
                case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])               // &#39;
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }
}
